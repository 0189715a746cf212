#!/usr/bin/env python3
"""Generate data/compound-words.txt, the lexicon of Dutch compound parts.

kst's search splits Dutch compounds ("gezichtsherkenningstechnologie" →
gezicht | herkenning | technologie) with src/index/compound.rs, which bundles
the file this script writes. The words come from the OpenTaal word list and
OpenTaal's Hunspell dictionary as packaged by Debian (packages `wdutch`, file
/usr/share/dict/dutch, and `hunspell-nl`, files /usr/share/hunspell/nl.aff
and nl.dic; one source package, one licence). The generated file starts with
OpenTaal's copyright and licence notice, the way tantivy's gen_stopwords.py
copies Snowball's licence into stopwords.rs.

Usage (re-runnable; the output depends only on the input files and this
script):

    apt-get install -y wdutch hunspell-nl
    python3 scripts/gen_compound_dict.py            # writes data/compound-words.txt
    python3 scripts/gen_compound_dict.py --check    # exit 1 if the file is stale

Options --words, --aff, --dic and --copyright point at other copies of the
inputs. The output is committed: building and testing kst never needs them.

What is kept, and why:

1. Lower-case words of letters only (diacritics allowed), 4 to 30 characters.
   Capitalised entries are proper nouns or abbreviations; entries with digits,
   hyphens, apostrophes or dots are not compound parts.  Words of 3 letters
   are too often prefixes or fragments ("her", "ver", "ont", "aan"); only the
   few content words in SHORT_PARTS below are kept.
2. Only words that are a part of at least one compound in the word list
   itself: the list holds "cameratoezicht", so "camera" and "toezicht" are
   kept.  This keeps the file small (a word that never starts or ends a listed
   compound is rarely a part of an unlisted one) while keeping compounds that
   are themselves parts ("gezichtsherkenning" in "gezichtsherkenningssoftware").
3. OpenTaal's Hunspell dictionary flags the words that may begin, continue or
   end a compound (COMPOUNDBEGIN/MIDDLE/END), and leaves "the dangerous ones"
   unflagged (its words).  Its affix rules are expanded here (suffixes, two
   levels) to know those roles for inflected forms too.  A word Hunspell knows
   but never lets into a compound is dropped ("lende" of "verschil|lende",
   "tijken" of "prak|tijken"); a word it never lets end a compound is flagged
   `nohead` ("ster" of "mini|ster", "raat" of "accu|raat"), or dropped if
   it is a linking form whose stem is kept ("overheids": overheid + s).
   Hunspell's begin flags are not used to forbid anything: it lists most
   compounds whole and flags few first parts ("kamer" may not begin one, yet
   "kamerstukken"), so any known part may begin a compound.  Words Hunspell
   does not know are kept as they are.  The cost: a few productive heads that
   Hunspell never flags are lost ("wagen": 187 compounds listed whole).
4. Each word also in its diacritics-folded form ("beïnvloeding" and
   "beinvloeding"), because kst's analyzer may fold before splitting.
5. Curated lists below (each entry a reason for a real mis-split) override:
   - `nomod`: never followed by another element (particles, pronominal
     adverbs: "voor|stel", "daar|naast", "achter|grond" are not compounds
     of independent words for search);
   - `nohead`: never a later element (words that are also suffixes:
     "mogelijk|heden", "belang|rijk", "open|baar");
   - `nosplit`: never split at all, although both halves are words.

File format: `#` comment lines (the licence, then how the file was made),
then one entry a line, `word` or `word<TAB>flag`, sorted by word (byte
order), each word once.
"""

import argparse
import gzip
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "compound-words.txt"
WORDS = Path("/usr/share/dict/dutch")
COPYRIGHT = Path("/usr/share/doc/wdutch/copyright")
CHANGELOG = Path("/usr/share/doc/wdutch/changelog.Debian.gz")
AFF = Path("/usr/share/hunspell/nl.aff")
DIC = Path("/usr/share/hunspell/nl.dic")

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
# fragments that produce nonsense splits ("her|kenning", "ver|ordening",
# and "uur" made "cult|uur").
SHORT_PARTS = {
    "app", "bos", "bus", "cel", "dag", "dak", "eis", "erf", "gas", "gif",
    "hof", "ijs", "kas", "lid", "oog", "rol", "sap", "vak", "vee",
    "vis", "web", "weg", "wet", "zee", "zon",
}

# nomod: particles, prepositions, pronominal adverbs and other function
# words, never followed by another element.  As the first element they make separable verbs and lexicalised
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
# "belang|rijk", "open|baar", "kunst|matige", "werk|ende", "recht|matigheid",
# "nood|zakelijkheid", "betekenis|volle".
NOHEAD = {
    "aars", "aren", "aten", "baar", "bare", "baren", "eken", "ende", "eren",
    "eert", "heden", "isme", "lijk", "lijken", "loos", "loze", "matig",
    "matige", "matigheid", "rijk", "rijke", "schap", "schappelijk",
    "schappelijke", "schappen", "ster", "volle", "zakelijkheid",
}

# nosplit: common simple words whose halves happen to be parts ("mini|ster",
# "gesp|rekken", "combi|natie", "toep|assen", "formule|ring", "plat|form").
NOSPLIT = {
    "combinatie", "combinaties", "formulering", "formuleringen", "gesprekken",
    "minister", "ministers", "platform", "platforms", "toepassen",
}

WORD_RE = re.compile(r"[a-zà-öø-ÿ]+")


# Hunspell's compound flags in nl.aff (FLAG long: two characters a flag).
ROLE_FLAGS = {"Ca": "begin", "Cb": "middle", "Cc": "end"}
# Suffix classes that make a linking or hyphen form (wet → wets-, camera →
# camera-), not an inflection: their forms do not inherit the end role.
LINKING_CLASSES = {"CA", "CB", "Cd", "Ce", "Ch", "Cl"}


def two_char_flags(text):
    return [text[i : i + 2] for i in range(0, len(text) - 1, 2)]


def read_suffix_rules(aff_path):
    """nl.aff's SFX classes: flag → [(strip, add, continuation flags, condition)]."""
    rules = {}
    for line in aff_path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if len(fields) < 4 or fields[0] != "SFX":
            continue
        flag = fields[1]
        if flag not in rules:
            rules[flag] = []  # the class header: SFX flag Y count
            continue
        strip = "" if fields[2] == "0" else fields[2]
        add, _, continuation = fields[3].partition("/")
        add = "" if add == "0" else add
        condition = re.compile(f"(?:{fields[4]})$" if len(fields) > 4 else "$")
        rules[flag].append((strip, add, two_char_flags(continuation), condition))
    return rules


def hunspell_roles(aff_path, dic_path):
    """Every form nl.dic and its suffix rules make → the compound roles it
    may take ("begin", "middle", "end"; empty: known, never in a compound)."""
    rules = read_suffix_rules(aff_path)
    roles = {}

    def add(form, new):
        form = form.replace("ĳ", "ij")  # Hunspell nl spells the ij digraph as one letter
        roles.setdefault(form, set()).update(new)

    def expand(word, flags, is_end, depth):
        for flag in flags:
            for strip, suffix, continuation, condition in rules.get(flag, ()):
                if not word.endswith(strip) or not condition.search(word):
                    continue
                form = word[: len(word) - len(strip)] + suffix
                if form.endswith("-"):
                    continue
                inherits = is_end and flag not in LINKING_CLASSES
                new = {ROLE_FLAGS[f] for f in continuation if f in ROLE_FLAGS}
                add(form, new | ({"end"} if inherits else set()))
                if depth == 0:
                    expand(form, continuation, inherits, 1)

    lines = dic_path.read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:  # the first line is the entry count
        entry = line.split("\t")[0].split(" ")[0]
        word, _, flag_text = entry.partition("/")
        flags = two_char_flags(flag_text)
        own = {ROLE_FLAGS[f] for f in flags if f in ROLE_FLAGS}
        add(word, own)
        expand(word, flags, "end" in own, 0)
    # A linking-s form that may begin a compound ("herkennings") makes its
    # stem a possible first part: the splitter takes the -s- off itself.
    for form, form_roles in list(roles.items()):
        if form.endswith("s") and form_roles & {"begin", "middle"} and form[:-1] in roles:
            roles[form[:-1]] |= form_roles & {"begin", "middle"}
    return roles


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


def debian_version(changelog_path):
    """The Debian version of the word list, from its changelog's first line."""
    try:
        with gzip.open(changelog_path, "rt", encoding="utf-8") as changelog:
            match = re.match(r"\S+ \(([^)]+)\)", changelog.readline())
    except OSError:
        return "unknown version"
    return match.group(1) if match else "unknown version"


def licence_header(copyright_path, changelog_path):
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
        "Generated by scripts/gen_compound_dict.py from the OpenTaal word list and",
        "Hunspell dictionary as packaged by Debian (wdutch and hunspell-nl,",
        f"source package dutch {debian_version(changelog_path)}),",
        "https://github.com/OpenTaal/opentaal-wordlist and",
        "https://github.com/OpenTaal/opentaal-hunspell",
        "The words have been filtered and flagged (see the script); they carry",
        "the following copyright and licence (OpenTaal offers BSD or CC BY 3.0;",
        "this file is distributed under the BSD licence):",
        "",
    ]
    lines += copyright.group(1).strip().splitlines()
    lines.append("")
    lines += bsd.group(1).strip().splitlines()
    lines += [
        "",
        "OpenTaal kindly requests that its README_nl_NL.txt accompany copies of",
        "the word list; it is in https://github.com/OpenTaal/opentaal-hunspell",
    ]
    return "".join(f"# {line}".rstrip() + "\n" for line in lines)


def build(words_path, aff_path, dic_path, copyright_path, changelog_path):
    words = read_words(words_path)
    roles = hunspell_roles(aff_path, dic_path)
    flagged = {}
    for flag, listed in (("nomod", NOMOD), ("nohead", NOHEAD), ("nosplit", NOSPLIT)):
        for word in listed:
            if word not in words:
                sys.exit(f"curated word {word!r} ({flag}) is not in {words_path}")
            flagged[word] = flag
    candidates = {w for w in compound_parts(words) if len(w) >= MIN_LEN}
    dropped = 0
    for word in sorted(candidates):
        known = roles.get(word)
        if known is None:
            continue
        if not known:
            candidates.discard(word)
            dropped += 1
        elif "end" not in known:
            if word.endswith("s") and word[:-1] in candidates:
                # A linking form ("overheids", "staats"): the splitter
                # takes the -s- off "overheid" itself.
                candidates.discard(word)
                dropped += 1
            else:
                flagged.setdefault(word, "nohead")
    # Curated words keep all roles unless a list says otherwise.
    parts = candidates | (SHORT_PARTS & words) | set(flagged) & words
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
        f"# {len(body)} entries: compound parts among the {len(words)} lower-case\n"
        f"# words of {words_path.name}, less {dropped} that {dic_path.name} never\n"
        f"# allows in a compound or that are linking forms.\n"
    )
    return licence_header(copyright_path, changelog_path) + "#\n" + stats + "".join(body)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=Path, default=WORDS)
    parser.add_argument("--aff", type=Path, default=AFF)
    parser.add_argument("--dic", type=Path, default=DIC)
    parser.add_argument("--copyright", type=Path, default=COPYRIGHT)
    parser.add_argument("--changelog", type=Path, default=CHANGELOG)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args()
    text = build(args.words, args.aff, args.dic, args.copyright, args.changelog)
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
