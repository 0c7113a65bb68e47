"""Political parties of every country (Party Facts, ``knowledge/parties.py``) found and resolved in an article.

- A long name (English, native or other) that one party bears and that holds a word no lexicon knows as a
  common word ("Prawo i Sprawiedliwość", "Citizens for European Development of Bulgaria") is that party.
- A long name of common words only ("Labour Party", "The Left") or one that parties of several countries
  share is the party of the one country among them that the article names; else it is left to the rules.
- A one-word long name ("Jobbik") is decided like one of common words: a country the article names.
- A short name (case-sensitive, two letters or more, not a common word) is the party among those bearing it
  whose long name the article holds, else (three letters or more: "EM" is also a championship) the one
  whose country the article names, if exactly one.
- An English nickname of a party family ("Labour", "Liberals", "Democrats": ``knowledge.parties``) is
  decided like a short name, and never at the start of a sentence, where common words are capitalised too.
- A short name in brackets right after a name headed by "Partei"/"Party" ("Partei Recht und Gerechtigkeit
  (PiS)") makes that name, translated as it may be, an alias of the short name's party.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pipelines.components.candidates import Candidate, rule_candidate
from pipelines.components.german_words import word_class
from pipelines.components.tokens import Tokens
from pipelines.knowledge.parties import Party, parties_by_long_name, parties_by_nickname, parties_by_short_name
from pipelines.knowledge.people import is_english_word

CHOICE = "party"  # the kind of a gazetteer match that the article's countries must decide
SHORT = "party_short"  # the kind of a short name's match, decided alike
NICKNAME = "party_nickname"  # an English nickname's match ("Labour", "Democrats"), decided alike
UNDECIDED = frozenset({CHOICE, SHORT, NICKNAME})  # kinds of a match no party is chosen for yet
MIN_COUNTRY_SHORT = 3  # a shorter short name ("EM", "PL") needs its party's long name in the article
LINK_WORDS = frozenset("of for and the in de del la le du des der die das für und".split())
PARTY_WORDS = ("partei", "party", "parteien")
INNER_LINKS = LINK_WORDS - {"in"}  # "the Liberal Democrats in Britain": "in" after a name is where, not a name's link
MIN_NAME_LETTERS = 4
MAX_NAME_WORDS = 8


def party_names(lang: str) -> Iterator[tuple[str, str, tuple[Party, ...]]]:
    """``(name, kind, parties)`` for the gazetteer: kind "name" for a name of several words one party bears
    on its own, ``CHOICE`` (long names) or ``SHORT`` where the article must decide."""
    for name, found in parties_by_long_name().items():
        if _usable_long(name) and not _one_common_word(name):
            kind = "name" if len(found) == 1 and len(name.split()) > 1 and not _common_words_only(name) else CHOICE
            yield name, kind, found
    for name, found in parties_by_short_name().items():
        if not _common_word(name):
            yield name, SHORT, found
    if lang == "en":
        for name, found in parties_by_nickname().items():
            yield name, NICKNAME, found


def _usable_long(name: str) -> bool:
    """A long name worth looking up: four letters or more, and not one common word or known name alone."""
    words = name.split()
    if sum(ch.isalpha() for ch in name) < MIN_NAME_LETTERS:
        return False
    return len(words) > 1 or not (_common_word(name) or word_class(name) is not None)


def _common_word(word: str) -> bool:
    """``word`` in this case is a common English or German word ("Tier", "Rep" stay out; "SD" does not)."""
    return not word.isupper() and (is_english_word(word) or word_class(word) == "noun")


def _one_common_word(name: str) -> bool:
    """``name`` is one common word after link words only ("The Union", "Die Linke"): no name by itself."""
    words = [w for w in name.split() if w.lower() not in LINK_WORDS]
    return len(words) == 1 and _common_words_only(name)


def _common_words_only(name: str) -> bool:
    """Every word of ``name`` is a common word or a link word ("Labour Party", "The Left")."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in LINK_WORDS]
    return all(is_english_word(w) or word_class(w) == "noun" for w in words)


def resolved_parties(tokens: Tokens, found: list[Candidate]) -> list[Candidate]:
    """``found`` (gazetteer candidates) with each ``CHOICE`` and then each ``SHORT`` match made its party, or
    dropped, and no party name that is only part of a longer capitalised name ("Fidesz" of "Fidesz Chess
    League")."""
    found = [c for c in found if c.attrs.get("org_kind") != "party" or not _inside_longer_name(tokens, c)]
    countries = _countries(found)
    found = [c for c in found if c.kind != NICKNAME or not _opens_sentence(tokens, c.start)]
    for kind in (CHOICE, SHORT, NICKNAME):
        named = {c.id for c in found if c.type == "organization" and c.kind not in UNDECIDED}
        decided = [_decided(tokens, c, named, countries) if c.kind == kind else c for c in found]
        found = [c for c in decided if c is not None]
    return found


def _opens_sentence(tokens: Tokens, i: int) -> bool:
    """Token ``i`` opens its sentence, where a common word is capitalised too ("Labour costs rose")."""
    return tokens.sents[tokens.sent_of[i]][0] == i


def _decided(tokens: Tokens, cand: Candidate, named: set[str], countries: set[str]) -> Candidate | None:
    """The party a ``CHOICE`` or ``SHORT`` match names in this article, or None."""
    by_country = cand.kind == CHOICE or len(tokens.words[cand.start]) >= MIN_COUNTRY_SHORT
    party = choose(cand.attrs["choices"], named, countries if by_country else set())
    return party_candidate(cand.start, cand.end, party, tokens.lang, "alias") if party is not None else None


def _inside_longer_name(tokens: Tokens, cand: Candidate) -> bool:
    """A name word stands right before the match (a capitalised word not opening the sentence and, in
    German, no common noun: "Regierungspartei Fidesz"), or one follows it, right after it or after a link
    word ("of", "der")."""
    i, end = cand.start, cand.end
    before = i > 0 and _name_word(tokens, i - 1) and not _opens_sentence(tokens, i - 1)
    after = end < len(tokens.words) and _name_word(tokens, end)
    linked = end + 1 < len(tokens.words) and tokens.lower[end] in INNER_LINKS and _name_word(tokens, end + 1)
    return before or after or linked


def _name_word(tokens: Tokens, i: int) -> bool:
    """Token ``i`` is capitalised and, in German, no common noun."""
    word = tokens.words[i]
    return word[:1].isupper() and not (tokens.lang == "de" and word_class(word) == "noun")


def _countries(found: Iterable[Candidate]) -> set[str]:
    """The country codes the candidates name: countries, and the countries of places and of parties named
    by a name of their own (not of a match still to be decided)."""
    codes = {c.id.split(":", 1)[1] for c in found if c.type == "country"}
    owned = (c.attrs.get("country", "") for c in found if c.kind not in UNDECIDED and (c.type == "place" or c.attrs.get("org_kind") == "party"))
    return (codes | set(owned)) - {""}


def choose(choices: tuple[Party, ...], named: set[str], countries: set[str]) -> Party | None:
    """The one party of ``choices`` the article names by a long name, else the one of a country it names."""
    for pick in ([p for p in choices if p.id in named], [p for p in choices if p.country in countries]):
        if len(pick) == 1:
            return pick[0]
    return None


def party_candidate(start: int, end: int, party: Party, lang: str, kind: str = "name") -> Candidate:
    """A gazetteer candidate for ``party`` over tokens ``start:end``."""
    attrs = {"org_kind": "party", "country": party.country}
    return Candidate(start, end, "organization", party.id, party.label(lang), "gazetteer", 0.9, kind, attrs)


def translated_party_names(tokens: Tokens, chosen: list[Candidate]) -> list[Candidate]:
    """``chosen`` with each party name followed by a bracketed short name of a party of a country the article
    names ("Partei Recht und Gerechtigkeit (PiS)") and everything sharing its id made that party."""
    countries = _countries(chosen)
    named = {c.id for c in chosen}
    for i in tokens.positions.get("(", []):
        short = tokens.words[i + 1] if i + 2 < len(tokens.words) and tokens.words[i + 2] == ")" else ""
        owner = _party_name_before(tokens, chosen, i) if short else None
        # The name before the bracket is what the short name renames, so its own id decides nothing
        # ("Liberale Partei" read as "liberal-party" is also the slug of Guatemala's PL).
        party = choose(parties_by_short_name().get(short, ()), named - {owner.id}, countries) if owner else None
        if party is not None and owner is not None and owner.id != party.id:
            ids = {owner.id} | {c.id for c in chosen if tokens.words[c.start] == short}
            kept = [c for c in chosen if c.end <= owner.start or c.start >= owner.end or c.id == owner.id]
            chosen = _renamed(sorted({id(c): c for c in [*kept, owner]}.values(), key=lambda c: c.start), ids, party, tokens.lang)
    return chosen


def _party_name_before(tokens: Tokens, chosen: list[Candidate], i: int) -> Candidate | None:
    """The party-headed name ending right before token ``i``: the organisation chosen there or right before a
    country's genitive there (which stays the country's mention), else the capitalised words (and link words
    between them) before it, if one of them is a word for party."""
    country = next((c for c in chosen if c.end == i and c.type == "country"), None)
    end = country.start if country is not None else i  # "Sozialistische Partei | Moldawiens (PSRM)"
    found = next((c for c in chosen if c.end == end and c.type == "organization"), None)
    start = found.start if found is not None else _capitalised_start(tokens, i)
    if start is None or start == i:
        return None
    cand = found or rule_candidate(tokens, start, i, "organization", {})
    return cand if _party_headed(tokens, cand) else None


def _capitalised_start(tokens: Tokens, end: int) -> int | None:
    """Where the run of capitalised and link words ending before ``end`` starts at a capitalised word."""
    start = end
    while start > 0 and end - start < MAX_NAME_WORDS and (tokens.words[start - 1][:1].isupper() or tokens.lower[start - 1] in LINK_WORDS):
        start -= 1
    while start < end and (not tokens.words[start][:1].isupper() or tokens.lower[start] in LINK_WORDS):
        start += 1  # "Die" opening the sentence is no part of the name
    return start if start < end else None


def _party_headed(tokens: Tokens, cand: Candidate) -> bool:
    """A word of the candidate's name is, or ends in, a word for party ("Volkspartei", "Party")."""
    return any(w.lower().endswith(PARTY_WORDS) for w in tokens.words[cand.start : cand.end])


def _renamed(chosen: list[Candidate], ids: set[str], party: Party, lang: str) -> list[Candidate]:
    """``chosen`` with every candidate whose id is in ``ids`` an alias of ``party``."""
    return [party_candidate(c.start, c.end, party, lang, "alias") if c.id in ids else c for c in chosen]
