"""Derive ``data/name_classes.tsv`` from the German word clusters of spacy-lookups-data.

Run once by a maintainer, never at ingest time::

    pip install spacy-lookups-data==1.0.5
    python -m pipelines.knowledge.derive_name_classes > pipelines/knowledge/data/name_classes.tsv
    python -m pipelines.knowledge.derive_name_classes --english > pipelines/knowledge/data/name_classes_en.tsv

spacy-lookups-data (MIT, ExplosionAI) ships ``de_lexeme_cluster``: Brown clusters of a million German
word forms, learnt without labels from running text. Words used alike share a cluster, and several
clusters hold almost only names. The clusters below were picked by their most frequent members and by
how many of their words independent lists hold (Faker's given and family names, GeoNames cities):

- given names: 56 (Frank, John, Robert …), 24 (Maria, Johannes, Anna …), 504 (Wolfgang, Hans, Jürgen …),
  248 (Peter, Michael, Thomas …), 120 (Friedrich, Heinrich, Wilhelm …);
- family names: 40 (Müller, Schmidt, Fischer …; 4,531 of Faker's family names fall in it, no other
  cluster holds more than 479);
- places: 16 (Bayern, Nürnberg, Sachsen …), 80 (Berlin, Hamburg, Köln …), 208 (Paris, London, Moskau …),
  976 (Frankreich, Österreich, Asien …);
- organisations: 3580 (SPD, CDU, FDP …; capitals only);
- sports clubs: 4092 (FC, SV, Werder, Eintracht, Borussia, Hertha …; the words in mixed case, not those
  ending in "-en", which are mostly plural nouns: "Lokalrivalen", "Ligisten").

Every other capitalised word of a cluster where fewer than 2 % of the words are such names (Faker's
names or GeoNames cities; the clusters at or above that are ``NAME_LIKE_CLUSTERS``) is a common noun
("Hilfe", "Plan", "Mond"), kept when it is frequent enough (log probability above ``MIN_NOUN_LOGPROB``
in ``de_lexeme_prob``) to be worth the memory and has four letters or more (shorter ones are mostly
abbreviations: "Anh", "Bsp"). A word missing from the table is simply unknown.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path
from typing import Any

CLASSES = {
    "given": (56, 24, 504, 248, 120, 888, 376),
    "family": (40,),
    "place": (16, 80, 208, 976, 848),
    "organization": (3580,),
    "club": (4092,),
    "company": (112,),
}
NAME_LIKE_CLUSTERS = frozenset({
    16, 20, 24, 40, 48, 56, 80, 84, 92, 112, 120, 124, 132, 134, 153, 156, 160, 164, 165, 184, 208, 220, 224,
    248, 284, 336, 356, 368, 373, 376, 413, 420, 441, 442, 460, 476, 487, 504, 505, 509, 557, 633, 732, 745,
    789, 796, 837, 848, 860, 888, 894, 921, 924, 932, 944, 975, 976, 996, 1116, 1453, 1500, 1529, 1533, 1645,
    1657, 1712, 1764, 1820, 1948, 1965, 2041, 3039, 3065, 3548, 3868, 4092, 5116, 9212, 14332, 29692, 60412,
})
MIN_NOUN_LOGPROB = -16.0
MIN_NOUN_LETTERS = 4
COMPANY_CASE_MARGIN = 1.0  # log probability by which the capitalised form must beat the lower-case one
_MIXED_CASE = re.compile(r"^[A-ZÄÖÜÀ-ÖØ-Þ][a-zäöüßà-öø-ÿ]+(?:[-'’][A-ZÄÖÜÀ-ÖØ-Þa-zäöüßà-öø-ÿ][a-zäöüßà-öø-ÿ]+)*$")
_ACRONYM = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜa-z]{1,4}$")
HEADER = (
    "# word\tclass (given, family, place, organization, club, noun)\n"
    "# Derived by pipelines/knowledge/derive_name_classes.py from the Brown clusters of German words in\n"
    "# spacy-lookups-data 1.0.5 (de_lexeme_cluster.json.gz and de_lexeme_prob.json.gz, MIT licence,\n"
    "# ExplosionAI GmbH); see that module\n"
    "# for the clusters chosen and why.\n"
)


def _shape_ok(word: str, cls: str) -> bool:
    """Names in mixed case ("Müller", "Baden-Württemberg"); organisations as short capitals ("SPD")."""
    if cls == "organization":
        return bool(_ACRONYM.match(word)) and sum(ch.isupper() for ch in word) >= 2
    if cls == "club":
        return bool(_MIXED_CASE.match(word)) and not word.endswith("en")
    return bool(_MIXED_CASE.match(word))


def _capitalised_use(word: str, logprob: dict[str, float]) -> bool:
    """``word`` is far more frequent capitalised than in lower case: a name ("Siemens"), not a word that
    also stands capitalised in titles and slogans ("Pro", "All", "Explosiv")."""
    return logprob.get(word.lower(), -99.0) < logprob.get(word, -99.0) - COMPANY_CASE_MARGIN


def _is_noun_shape(word: str) -> bool:
    return len(word) >= MIN_NOUN_LETTERS and bool(_MIXED_CASE.match(word))


def name_classes(clusters: dict[str, int], logprob: dict[str, float]) -> dict[str, str]:
    """Word -> class for the words of the chosen clusters that have a name's shape, and the frequent
    capitalised words of the clusters that hold (almost) no names -> "noun", except the genitives of
    persons' names, which stand where nouns do ("Merkels Vertraute") and are left to their name's class."""
    by_cluster = {cluster: cls for cls, ids in CLASSES.items() for cluster in ids}
    found = {}
    nouns = []
    for word, cluster in clusters.items():
        cls = by_cluster.get(cluster)
        if cls and _shape_ok(word, cls) and (cls != "company" or _capitalised_use(word, logprob)):
            found[word] = cls
        elif cluster not in NAME_LIKE_CLUSTERS and _is_noun_shape(word) and logprob.get(word, -99.0) > MIN_NOUN_LOGPROB:
            nouns.append(word)
    for word in nouns:
        if not _person_genitive(word, found, logprob):
            found[word] = "noun"
    return found


def _person_genitive(word: str, found: dict[str, str], logprob: dict[str, float]) -> bool:
    """``word`` is the genitive of a given or family name, rarer than the name itself ("Merkels"); a noun
    more frequent than the name it looks like the genitive of stays a noun ("Jungs", "Remis")."""
    stem = word[:-1]
    return word.endswith("s") and found.get(stem) in ("given", "family") and logprob.get(word, -99.0) < logprob.get(stem, -99.0)


def _data_dir() -> Path:
    import spacy_lookups_data  # only needed to derive the file

    return Path(spacy_lookups_data.__file__).parent / "data"


def _table(path: Path) -> dict[str, Any]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        table: dict[str, Any] = json.load(handle)
        return table


# English: the two clusters of given names in en_lexeme_cluster (502: John, James, David, Harry …; 1014:
# Paul, Michael, Mary, Sarah, Margaret …). The English clusters were learnt from web forum text, so they
# also hold nicknames of games and characters ("Zelda", "Joker"); only words used far more often
# capitalised than in lower case are kept, and the reader drops those that name a GeoNames city.
ENGLISH_GIVEN_CLUSTERS = (502, 1014)
# Organisation acronyms: the all-capital words of three to six letters in the clusters of agencies,
# leagues and companies (41: NFL, BBC, FBI, NHS, IMF …; 38: NASA, FIFA, CNN, IBM …), kept when used far
# more often in capitals than in lower case.
ENGLISH_ACRONYM_CLUSTERS = (41, 38)
_CAPITALS = re.compile(r"^[A-Z]{3,6}$")
# Company names: the mixed-case words of the two clusters of firms and brands (294: Reuters, Apple,
# Siemens, Samsung, Disney, Barclays, Adidas …; 806: Microsoft, Sony, Intel, Nokia, Motorola, Hasbro …),
# learnt largely from business news. Kept when used far more often capitalised than in lower case and
# no given name of the clusters above. The neighbouring cluster 38 (Toyota, Walmart, but also Bach,
# Freud, Monet, Cain) holds as many persons as firms and is left out.
ENGLISH_COMPANY_CLUSTERS = (294, 806)
_COMPANY = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)*$")
_ABBREVIATION = re.compile(r"^[A-Z]{2,6}s?$")
# Common English words: lower-case words frequent enough (log probability above -14) and used at least
# about as often in lower case as capitalised ("coast", "centre", "valley"; not "georgia", "texas").
ENGLISH_WORD_MIN_LOGPROB = -14.0
ENGLISH_WORD_CASE_MARGIN = 0.5
_LOWER_WORD = re.compile(r"^[a-z]{3,}$")
ENGLISH_HEADER = (
    "# word\tclass (given: a given name; organization: an organisation's acronym; company: a firm's or brand's\n"
    "# name; abbreviation: another word in capitals, 'GDP', 'CEO'; word: a common lower-case English word)\n"
    "# Derived by pipelines/knowledge/derive_name_classes.py (--english) from the Brown clusters of English\n"
    "# words in spacy-lookups-data 1.0.5 (en_lexeme_cluster.json.gz and en_lexeme_prob.json.gz, MIT licence,\n"
    "# ExplosionAI GmbH): the given-name clusters, words of three letters or more in mixed case; acronyms of\n"
    "# the clusters of agencies and companies; the mixed-case words of the company clusters; and the\n"
    "# frequent words used at least as often in lower case as capitalised.\n"
)


def english_given_names(clusters: dict[str, int], logprob: dict[str, float]) -> list[str]:
    """The mixed-case words of the English given-name clusters that are names rather than words."""
    return sorted(
        word for word, cluster in clusters.items()
        if cluster in ENGLISH_GIVEN_CLUSTERS and len(word) > 2 and _MIXED_CASE.match(word)
        and _capitalised_use(word, logprob)
    )


def english_words(logprob: dict[str, float]) -> list[str]:
    """Frequent lower-case English words that are no more often capitalised (no names)."""
    return sorted(
        word for word, prob in logprob.items()
        if _LOWER_WORD.match(word) and prob > ENGLISH_WORD_MIN_LOGPROB
        and prob >= logprob.get(word.capitalize(), -99.0) - ENGLISH_WORD_CASE_MARGIN
    )


def english_acronyms(clusters: dict[str, int], logprob: dict[str, float]) -> list[str]:
    """Acronyms of the organisation clusters, used far more often in capitals than in lower case."""
    return sorted(
        word for word, cluster in clusters.items()
        if cluster in ENGLISH_ACRONYM_CLUSTERS and _CAPITALS.match(word) and _capitalised_use(word, logprob)
    )


def english_companies(clusters: dict[str, int], logprob: dict[str, float], given: set[str]) -> list[str]:
    """Mixed-case words of the company clusters ("Siemens", "WordStar") of three letters or more, used far
    more often capitalised than in lower case, less the words in ``given``."""
    return sorted(
        word for word, cluster in clusters.items()
        if cluster in ENGLISH_COMPANY_CLUSTERS and len(word) > 2 and _COMPANY.match(word)
        and _capitalised_use(word, logprob) and word not in given
    )


def english_abbreviations(clusters: dict[str, int]) -> list[str]:
    """Words in capitals that the clusters place with other words than organisations ("GDP", "CEO", "TV",
    "DNA"); cluster 0 collects the rare words and tells nothing."""
    return sorted(
        word for word, cluster in clusters.items()
        if cluster not in (0, *ENGLISH_ACRONYM_CLUSTERS) and _ABBREVIATION.match(word)
    )


def english_table(clusters: dict[str, int], logprob: dict[str, float]) -> str:
    """The English table's text: given names, organisation acronyms, company names, other abbreviations,
    common words."""
    given = english_given_names(clusters, logprob)
    rows = [f"{word}\tgiven\n" for word in given]
    rows += [f"{word}\torganization\n" for word in english_acronyms(clusters, logprob)]
    rows += [f"{word}\tcompany\n" for word in english_companies(clusters, logprob, set(given))]
    rows += [f"{word}\tabbreviation\n" for word in english_abbreviations(clusters)]
    rows += [f"{word}\tword\n" for word in english_words(logprob)]
    return ENGLISH_HEADER + "".join(rows)


def main(argv: list[str]) -> None:
    """Print the German table, or with ``--english`` the English one; a further argument may name the
    folder of the tables instead of the installed package's."""
    english = "--english" in argv
    rest = [arg for arg in argv if arg != "--english"]
    folder = Path(rest[0]) if rest else _data_dir()
    lang = "en" if english else "de"
    clusters = _table(folder / f"{lang}_lexeme_cluster.json.gz")
    logprob = _table(folder / f"{lang}_lexeme_prob.json.gz")
    out = sys.stdout
    if english:
        out.write(english_table(clusters, logprob))
        return
    out.write(HEADER)
    for word, cls in sorted(name_classes(clusters, logprob).items()):
        out.write(f"{word}\t{cls}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
