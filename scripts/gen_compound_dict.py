#!/usr/bin/env python3
"""Generate data/compound-words.txt, the lexicon of Dutch compound parts.

kst's search splits Dutch compounds ("gezichtsherkenningstechnologie" →
gezicht | herkenning | technologie) with src/index/compound.rs, which bundles
the file this script writes. The words come from the OpenTaal word list as
packaged by Debian (package `wdutch`, file /usr/share/dict/dutch); the
generated file starts with OpenTaal's copyright and licence notice, the way
tantivy's gen_stopwords.py copies Snowball's licence into stopwords.rs.

Usage (re-runnable; the output depends only on the word list and this script):

    apt-get install -y wdutch
    python3 scripts/gen_compound_dict.py            # writes data/compound-words.txt
    python3 scripts/gen_compound_dict.py --check    # exit 1 if the file is stale

Options --words and --copyright point at other copies of the two inputs.
The output is committed: building and testing kst never needs wdutch.

What is kept, and why:

1. Lower-case words of letters only (diacritics allowed), 4 to 30 characters.
   Capitalised entries are proper nouns or abbreviations; entries with digits,
   hyphens, apostrophes or dots are not compound parts.  Words of 3 letters
   are too often prefixes or fragments ("her", "ver", "ont", "aan"); only the
   few content words in SHORT_PARTS below are kept.
2. Only words that are a part of at least one compound in the list itself:
   the list holds the compound "cameratoezicht", so "camera" and "toezicht"
   are kept.  This keeps the file small (a word that never starts or ends a
   listed compound is rarely a part of an unlisted one) while keeping
   compounds that are themselves parts ("gezichtsherkenning" in
   "gezichtsherkenningssoftware").
3. Each word also in its diacritics-folded form ("geïnformeerd" and
   "geinformeerd"), because kst's analyzer may fold before splitting.
4. Three curated lists (below, each entry a reason for a real mis-split) mark
   words with a flag after a tab:
   - `nomod`: never the first element of a split (particles, pronominal
     adverbs: "voor|stel", "daar|naast", "achter|grond" are not compounds
     of independent words for search);
   - `nohead`: never a later element (words that are also suffixes:
     "mogelijk|heden", "belang|rijk", "open|baar");
   - `nosplit`: never split at all, although both halves are words
     ("mini|ster").

File format: `#` comment lines (the licence, then how the file was made),
then one entry a line, `word` or `word<TAB>flag`, sorted by word (byte
order), each word once.
"""

import argparse
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "compound-words.txt"
WORDS = Path("/usr/share/dict/dutch")
COPYRIGHT = Path("/usr/share/doc/wdutch/copyright")

MIN_LEN = 4
MAX_LEN = 30

# Linking morphemes between the parts of a compound.  Only the linking -s-
# ("persoon-s-gegevens") is split off: the -en- of "mensenrechten" is also a
# plural, listed as a word ("mensen"), and treating -e-/-en- as linkers made
# nonsense splits ("digitalis-e-ring", "wet-en-schappelijke").
LINKERS = ("", "s")

# Three-letter content words that are common compound parts in policy text
# ("wetsvoorstel", "lidstaten", "eisenpakket", "dagvaarding"); all other
# three-letter words are left out because they are mostly prefixes or
# fragments that produce nonsense splits ("her|kenning", "ver|ordening").
SHORT_PARTS = {
    "app", "bos", "bus", "cel", "dag", "dak", "eis", "erf", "gas", "gif",
    "hof", "ijs", "kas", "lid", "oog", "rol", "sap", "uur", "vak", "vee",
    "vis", "web", "weg", "wet", "zee", "zon",
}

# nomod: particles, prepositions, pronominal adverbs and other function
# words.  As the first element they make separable verbs and lexicalised
# words ("voorstel", "overleg", "daarnaast", "achtergrond", "samenleving"),
# not compounds whose first part a searcher would look for on its own.
NOMOD = {
    "achter", "boven", "buiten", "binnen", "daar", "door", "elders",
    "ergens", "heen", "hier", "langs", "maar", "mede", "meer", "naast",
    "neer", "nergens", "niet", "onder", "over", "overal", "rond", "samen",
    "tegen", "terug", "tussen", "veel", "voor", "waar", "weer", "zelf",
    "zonder",
}

# nohead: words that are also derivational or inflectional endings, so a
# split before them cuts a suffix off a simple word: "mogelijk|heden",
# "belang|rijk", "open|baar", "kunst|matige", "werk|ende", "vol|ster".
NOHEAD = {
    "aars", "aren", "aten", "baar", "bare", "baren", "eken", "ende", "eren",
    "eert", "heden", "isme", "lijk", "lijken", "loos", "loze", "matig",
    "matige", "rijk", "rijke", "schap", "schappelijk", "schappelijke",
    "schappen", "ster",
}

# nosplit: simple words whose halves happen to be words.
NOSPLIT = {
    "minister", "ministers",
}

WORD_RE = re.compile(r"[a-zà-öø-ÿ]+")


def fold(word):
    """The word without diacritics: NFD, then drop combining marks."""
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def read_words(path):
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.strip()
        if WORD_RE.fullmatch(word) and len(word) <= MAX_LEN:
            words.add(word)
    return words


def compound_parts(words):
    """Words that are the first or last element of a two-part split of a
    listed word (either element may itself be a compound)."""
    parts = set()
    for word in words:
        if len(word) < 2 * 3:
            continue
        for cut in range(3, len(word) - 2):
            head = word[cut:]
            if head not in words:
                continue
            left = word[:cut]
            for linker in LINKERS:
                if linker and not left.endswith(linker):
                    continue
                modifier = left[: len(left) - len(linker)]
                if len(modifier) >= 3 and modifier in words:
                    parts.add(modifier)
                    parts.add(head)
    return parts


def licence_header(copyright_path):
    """OpenTaal's copyright lines and the BSD licence (one of the two
    licences OpenTaal offers; the BSD one is the one this file is under),
    copied from Debian's copyright file so they stay verbatim."""
    text = copyright_path.read_text(encoding="utf-8")
    copyright = re.search(r"^Copyright:\n(.*?)\n\n", text, re.M | re.S)
    bsd = re.search(
        r"^BSD-license \(revised version\)\n-+\n(.*?)\n\s*\*{5,}", text, re.M | re.S
    )
    if not copyright or not bsd:
        sys.exit(f"{copyright_path}: copyright or BSD licence section not found")
    lines = [
        "Dutch compound parts for kst's decompounder (src/index/compound.rs).",
        "",
        "Generated by scripts/gen_compound_dict.py from the OpenTaal word list as",
        "packaged by Debian (wdutch), https://github.com/OpenTaal/opentaal-wordlist",
        "The word list has been filtered and flagged (see the script); it carries",
        "the following copyright and licence (OpenTaal offers BSD or CC BY 3.0;",
        "this file is distributed under the BSD licence):",
        "",
    ]
    lines += copyright.group(1).strip().splitlines()
    lines.append("")
    lines += bsd.group(1).strip().splitlines()
    lines += [
        "",
        "OpenTaal kindly requests that its README_nl_NL.txt accompany copies:",
        "https://github.com/OpenTaal/opentaal-hunspell",
    ]
    return "".join(f"# {line}".rstrip() + "\n" for line in lines)


def build(words_path, copyright_path):
    words = read_words(words_path)
    parts = {w for w in compound_parts(words) if len(w) >= MIN_LEN}
    parts |= SHORT_PARTS & words
    flagged = {}
    for flag, listed in (("nomod", NOMOD), ("nohead", NOHEAD), ("nosplit", NOSPLIT)):
        for word in listed:
            if word not in words:
                sys.exit(f"curated word {word!r} ({flag}) is not in {words_path}")
            flagged[word] = flag
    parts |= set(flagged)
    entries = {}
    for word in parts:
        entries[word] = flagged.get(word)
    for word in parts:
        # A folded form that is itself a word keeps its own flag ("vóór"
        # folds to "voor").
        entries.setdefault(fold(word), flagged.get(word))
    body = []
    for word in sorted(entries, key=lambda w: w.encode("utf-8")):
        flag = entries[word]
        body.append(f"{word}\t{flag}\n" if flag else f"{word}\n")
    stats = (
        f"# {len(body)} entries from {len(words)} lower-case words of"
        f" {words_path.name}.\n"
    )
    return licence_header(copyright_path) + "#\n" + stats + "".join(body)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=Path, default=WORDS)
    parser.add_argument("--copyright", type=Path, default=COPYRIGHT)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args()
    text = build(args.words, args.copyright)
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            sys.exit(f"{args.out} is stale: rerun scripts/gen_compound_dict.py")
        return
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(text.encode('utf-8'))} bytes)")


if __name__ == "__main__":
    main()
