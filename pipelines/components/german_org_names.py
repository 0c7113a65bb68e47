"""German organisations named by their head noun: capitalised adjectives before a noun for a kind of body, and
what it is for or whose it is after it ("Liberale Partei Kanadas", "Oberstes Gericht von Simbabwe", "Institut
für Astronomie", "Sicherheits- und Verteidigungsrat"). The heads, their gender and their English words are data
(``german_org_heads.tsv``); the label is the name in the nominative, the id English where every word translates.
Registered in ``german_registry``."""

from __future__ import annotations

import re
from functools import cache

from pipelines.components.acronyms import BRACKET_ACRONYM, bind_acronym
from pipelines.components.candidates import Candidate
from pipelines.components.german_places import place_adjective
from pipelines.components.names import STOP_WORDS
from pipelines.components.tokens import Tokens
from pipelines.keys import entity_id
from pipelines.knowledge.countries import country_adjectives, country_label, country_names
from pipelines.knowledge.people import role_for_word
from pipelines.knowledge.tables import read_rows

ADJECTIVE = re.compile(r"^(?P<stem>[A-ZÄÖÜ][a-zäöüß]+?)(?P<ending>e|en|er|es|em)$")
HEAD_ENDINGS = ("", "s", "es")  # genitive: "Amtes", "Instituts"
STRONG_ENDINGS = {"m": "er", "f": "e", "n": "es"}
# Not "der"/"des" ("Amt des Vizepräsidenten" names an office) nor "zur" ("zur Vernunft kommen").
PHRASE_WORDS = frozenset({"für"})
# Suffixes of German adjective stems ("kommunist-isch", "christ-lich", "auswärt-ig", "liber-al", "konservat-iv").
ADJECTIVE_SUFFIXES = ("isch", "lich", "ig", "al", "ell", "iv", "är", "ar", "bar", "sam", "haft", "los", "ant", "ent")
MAX_ADJECTIVES = 3
MAX_PHRASE_WORDS = 4


@cache
def _table() -> dict[str, tuple[str, str]]:
    """German noun or adjective stem (lower case) -> (gender or "a", English)."""
    return {row[0]: (row[1], row[2]) for row in read_rows("german_org_heads.tsv")}


@cache
def _heads() -> tuple[str, ...]:
    return tuple(sorted((w for w, (g, _) in _table().items() if g in STRONG_ENDINGS), key=len, reverse=True))


def _parts(gender: str) -> dict[str, str]:
    """The rows of one kind of compound part ("p", "c", "h") -> their English."""
    return {w.lstrip("-"): en for w, (g, en) in _table().items() if g == gender}


def english_body(word: str) -> str | None:
    """The English name of a federal or state body named by one compound ("Bundeskriminalamtes" -> "Federal
    Criminal Police Office", "Bundesumweltministerium" -> "Federal Ministry of the Environment"); None where
    a part is not listed."""
    lower = word.lower()
    prefix = next((p for p in _parts("p") if lower.startswith(p)), None)
    forms = (lower, lower[:-1] if lower.endswith("s") else "", lower[:-2] if lower.endswith("es") else "")
    head = next((h for h in sorted(_parts("h"), key=len, reverse=True) for f in forms if f and f.endswith(h)), None)
    if prefix is None or head is None:
        return None
    middle = lower[len(prefix) : lower.rfind(head)]
    field = _parts("c").get(middle) if middle else ""
    if field is None:
        return None
    pattern = _parts("h")[head]
    body = pattern.format(field) if field else pattern.replace("{}", "").replace(" of ", "").strip()
    return f"{_parts('p')[prefix]} {body}"


def head_of(word: str) -> str | None:
    """The head noun ``word`` is or ends in, in the nominative ("Bundeskriminalamtes" -> "amt"); None if
    none, or if the word is no capitalised noun."""
    if not (word[:1].isupper() and word[1:].islower()):
        return None
    lower = word.lower()
    for ending in HEAD_ENDINGS:
        stem = lower[: len(lower) - len(ending)] if ending else lower
        if ending and not lower.endswith(ending):
            continue
        found = next((h for h in _heads() if stem.endswith(h)), None)
        if found is not None and (not ending or _table()[found][0] != "f"):
            return found
    return None


def head_cue(word: str) -> bool:
    """``word`` is a capitalised head noun of an organisation's name, no person's role ("Rat", "Partei")."""
    return head_of(word) is not None and role_for_word(word, "de") is None


def headed_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """An organisation at each head noun that has capitalised adjectives before it or a purpose or owning
    country after it ("Neue Demokratische Partei Kanadas", "Präsidentenrat für Menschenrechte"); a bare head
    ("die Partei") is none. The country stays a mention of its own, and names the organisation's id and label."""
    found = []
    for i in hits:
        start, end = _adjectives_start(tokens, i, blocked), _purpose_end(tokens, i + 1)
        owner = _owner(tokens, end) if end == i + 1 else None
        named = start < i or end > i + 1 or owner is not None
        start = start - 1 if start > 0 and place_adjective(tokens.words[start - 1]) and named else start
        if named and not (set(range(start, end)) & blocked - _crossable(tokens, start, end)):
            found.append(_candidate(tokens, start, i, end, owner))
    return found


def _crossable(tokens: Tokens, start: int, end: int) -> set[int]:
    """Tokens a name may hold although a gazetteer found them: country adjectives and countries."""
    return {k for k in range(start, end) if tokens.words[k] in country_names("de") or ADJECTIVE.match(tokens.words[k])}


def _adjectives_start(tokens: Tokens, i: int, blocked: set[int]) -> int:
    """Where the capitalised adjectives (and a coordinated first part: "Sicherheits- und") before ``i`` start; a
    town's adjective joins them in ``headed_candidates`` only where a purpose follows ("Frankfurter Bund für …")."""
    words, start = tokens.words, i
    if i >= 2 and words[i - 1] == "und" and words[i - 2].endswith("-") and words[i - 2][:1].isupper():
        return i - 2
    if i >= 3 and words[i - 1] == "-" and words[i - 2][:1].isupper() and not tokens.spaces[i - 2] and _adjective(words[i - 3]):
        start = i - 2  # "Deutsche Presse-Agentur", not "Fußball-Liga"
    while start > 0 and i - start < MAX_ADJECTIVES + 2 and _adjective(words[start - 1]):
        start -= 1
    return start


def _adjective(word: str) -> bool:
    """A capitalised inflected adjective by its stem: a listed one ("Neuen", "Obersten"), a country's
    ("Deutscher") or one with an adjective's suffix ("Liberale", "Auswärtige"); no noun ("Gebilde"), article,
    role, nor a town's adjective alone ("Leipziger": "die Leipziger Polizei" describes)."""
    match = ADJECTIVE.match(word)
    if not match or word.lower() in STOP_WORDS and match.group("stem").lower() not in _table():
        return False
    stem = match.group("stem").lower()
    known = stem in _table() or word.lower() in country_adjectives("de") or stem.endswith(ADJECTIVE_SUFFIXES)
    return known and not place_adjective(word) and role_for_word(word, "de") is None


def _owner(tokens: Tokens, j: int) -> tuple[str, str] | None:
    """The country named right after a head at ``j``, in the genitive ("Kanadas") or with "von" ("von
    Simbabwe"), as (its words, its code); None where none is."""
    words, names = tokens.words, country_names("de")
    if j < len(words) and words[j].endswith("s") and names.get(words[j]):
        return words[j], names[words[j]]
    if j + 1 < len(words) and words[j] == "von" and words[j + 1] in names:
        return tokens.span_text(j, j + 2), names[words[j + 1]]
    return None


def _purpose_end(tokens: Tokens, j: int) -> int:
    """The end of a purpose after a head at ``j`` ("für Technik und Wirtschaft des Saarlandes"): "für" and
    capitalised words joined by "und", and a genitive after them; ``j`` itself where none follows."""
    words = tokens.words
    if j + 1 >= len(words) or words[j] not in PHRASE_WORDS or not words[j + 1][:1].isupper():
        return j
    end = j + 1
    while end < len(words) and end - j < MAX_PHRASE_WORDS and _phrase_word(words, end):
        end += 1
    if not words[end - 1][:1].isupper():
        return j
    return _genitive_end(tokens, end)


def _phrase_word(words: list[str], k: int) -> bool:
    """Token ``k`` continues a purpose phrase: a capitalised word or an "und" before one."""
    if words[k] == "und":
        return k + 1 < len(words) and words[k + 1][:1].isupper()
    return words[k][:1].isupper()


def _genitive_end(tokens: Tokens, k: int) -> int:
    """The end of a genitive after a purpose phrase at ``k`` ("für Technik und Wirtschaft des Saarlandes"):
    "des"/"der" and one capitalised word, with a part glued by a hyphen ("der SED-Diktatur")."""
    words = tokens.words
    if not (k + 1 < len(words) and words[k] in ("des", "der") and words[k + 1][:1].isupper()):
        return k
    glued = k + 3 < len(words) and words[k + 2] == "-" and words[k + 3][:1].isupper()
    return k + 4 if glued else k + 2


def nominative_labels(tokens: Tokens, chosen: list[Candidate]) -> list[Candidate]:
    """Organisations other rules found as adjectives and a head noun ("Interamerikanischen Entwicklungsbank")
    under the label and id this module gives them ("Interamerikanische Entwicklungsbank")."""
    return [_renamed(tokens, c) if c.type == "organization" and c.method == "rule" and c.kind == "name" else c for c in chosen]


def _renamed(tokens: Tokens, cand: Candidate) -> Candidate:
    head = cand.end - 1
    if cand.length < 2 or cand.attrs.get("country") or not head_cue(tokens.words[head]) or not all(_adjective(w) for w in tokens.words[cand.start : head]):
        return cand
    renamed = _candidate(tokens, cand.start, head, cand.end, None)
    return Candidate(cand.start, cand.end, cand.type, renamed.id, renamed.label, cand.method, cand.score, cand.kind, dict(cand.attrs))


def owned_acronyms(tokens: Tokens, chosen: list[Candidate]) -> list[Candidate]:
    """An acronym in brackets after an organisation and its owning country ("Sozialistische Partei Moldawiens
    (PSRM)") names the organisation, as one right after a name does (``acronyms``)."""
    for k in range(len(chosen) - 1):
        org, country = chosen[k], chosen[k + 1]
        if org.type == "organization" and org.attrs.get("country") and country.start == org.end and _bracketed_acronym(tokens, country.end):
            chosen = bind_acronym(tokens, chosen, org, tokens.words[country.end + 1])
    return chosen


def _bracketed_acronym(tokens: Tokens, i: int) -> bool:
    words = tokens.words
    return i + 2 < len(words) and words[i] == "(" and words[i + 2] == ")" and bool(BRACKET_ACRONYM.match(words[i + 1]))


def _candidate(tokens: Tokens, start: int, head: int, end: int, owner: tuple[str, str] | None) -> Candidate:
    """The organisation over ``[start, end)`` with its head at ``head`` and the country ``owner`` after it:
    labelled in the nominative, its id from its English name where every word translates."""
    gender = _table()[head_of(tokens.words[head]) or ""][0]
    words = [_nominative(w, gender) if k < head else w for k, w in enumerate(tokens.words[start:end], start)]
    words[head - start] = _head_nominative(tokens.words[head])
    label = _joined_label(tokens, start, end, words) + (f" {owner[0]}" if owner else "")
    english = english_name(tokens.words[start:end])
    if english and owner:
        english += f" of {country_label(owner[1], 'en')}"
    attrs = {"country": owner[1]} if owner else {}
    return Candidate(start, end, "organization", entity_id("organization", english or label), label, "rule", 0.7, "name", attrs)


def _joined_label(tokens: Tokens, start: int, end: int, words: list[str]) -> str:
    """``words`` spaced as the text spaces tokens ``[start, end)``."""
    return "".join(w + (" " if tokens.spaces[k] and k < end - 1 else "") for k, w in zip(range(start, end), words, strict=True))


def _nominative(word: str, gender: str) -> str:
    """An adjective before a head of ``gender`` in the strong nominative ("Obersten" -> "Oberstes")."""
    match = ADJECTIVE.match(word)
    if not match or gender not in STRONG_ENDINGS or place_adjective(word):
        return word  # a town's adjective does not inflect ("Passauer")
    return match.group("stem") + STRONG_ENDINGS[gender]


def _head_nominative(word: str) -> str:
    """The head noun without its genitive ending ("Amtes" -> "Amt")."""
    head = head_of(word) or ""
    cut = len(word) - len(word.lower().rsplit(head, 1)[1]) if head else len(word)
    return word[:cut]


def english_name(words: list[str]) -> str | None:
    """The English name of an organisation whose every word translates ("Liberale Partei" -> "Liberal
    Party"); None otherwise."""
    parts = []
    for word in words:
        match = ADJECTIVE.match(word)
        entry = _table().get(match.group("stem").lower()) if match else None
        entry = entry or _table().get(_head_nominative(word).lower())
        if entry is None:
            return None
        parts.append(entry[1])
    return " ".join(parts) or None
