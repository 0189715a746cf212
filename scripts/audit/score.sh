#!/usr/bin/env bash
# Score one held-out audit: score.sh KST AUDIT_DIR [--verbose]
#
# AUDIT_DIR holds papers/ (the papers an auditor wrote) and gold/ (the records it froze before
# kst ran, in the form of ../shared/gold). kst's records go to AUDIT_DIR/pred.<kst name>.jsonl;
# the scorer is ../shared/tools/score.py (the project's own tests do not need it).
# An audit is held out: write the prompt for a separate session from PROMPT.md (OUTDIR, register,
# topic), and score only after that session has finished its gold.
set -euo pipefail
kst=$1; dir=$2; shift 2
here=$(cd "$(dirname "$0")" && pwd)
scorer="$here/../../../shared/tools/score.py"
name=$(basename "$kst")
"$kst" extract "$dir/papers" --format jsonl >"$dir/pred.$name.jsonl" 2>"$dir/err.$name.txt"
python3 "$scorer" --gold "$dir/gold" --pred "$dir/pred.$name.jsonl" "$@"
