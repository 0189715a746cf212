#!/bin/sh
# The scale benchmark (issue 6) in one command. Arguments go to the bench binary:
#   scripts/bench.sh                                  20,000 letters (+1,000 incremental)
#   scripts/bench.sh --docs 100000                    100,000 letters
#   scripts/bench.sh --corpus /tmp/kstbench-21k       reuse a corpus made by
#                                                     ../shared/bench/gen_corpus.py --docs 21000
#   scripts/bench.sh --skip kill,big --json out.json  skip sections, choose the JSON path
# The corpus and the indexes go to $TMPDIR/kst-bench-N (never into the repository).
# Sections: raw kst queries graph cold incremental recall kill big (see benches/scale.rs).
set -eu
cd "$(dirname "$0")/.."
exec cargo bench --bench scale -- "$@"
