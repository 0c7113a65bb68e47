"""Finding phrases that name agreements, with kind, status, years and parties.

Works on tokens and the entity candidates already found, in German and
English: "das geplante Abkommen zwischen Russland und Nordkorea",
"frühere Abkommen aus den Jahren 1961, 2000 und 2001", "the 2019 EU-Vietnam
free trade agreement", "dieses Pakts" (an anaphor).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from pipelines.components.candidates import AgreementCandidate, Candidate
from pipelines.components.names import MONTHS
from pipelines.knowledge.agreements import agreement_kind, cue_of

YEAR = re.compile(r"^(19|20)\d\d$")
ANAPHOR_DETERMINERS = frozenset("dies dieses diesem diesen dieser das der des dem den the this that its".split())
YEAR_GLUE = frozenset("von vom aus dem den der Jahr Jahre Jahren im of from in the year years , und and sowie".split())
PARTY_GLUE = frozenset("der die den dem des the , und and sowie &".split())
IN_FORCE = (("in", "Kraft"), ("in", "force"), ("took", "effect"))
PARTY_TYPES = ("country", "organization")
RELATIVE = frozenset("den die das der which that by von".split())
LOCATION_WORDS = frozenset("in im nach to at aus from".split())
OTHER_EVENT_WORDS = frozenset("began begann begannen since seit started negotiations verhandlungen gespräche talks".split())
PRONOUNS = frozenset({"er", "he", "she"})
WINDOW = 8
ADJECTIVE_ENDINGS = {"de": ("e", "en", "er", "es", "em"), "en": ("al", "ic", "ive", "ed", "ing", "ian", "ese", "an")}
CLAUSE_STATUSES = ("signed", "suspended", "ended")


def entity_index(candidates: list[Candidate]) -> dict[int, Candidate]:
    """Token index -> the entity candidate covering it."""
    return {i: c for c in candidates for i in range(c.start, c.end)}


def _party_id(cand: Candidate) -> str | None:
    if cand.type in PARTY_TYPES:
        return cand.id
    return cand.attrs.get("leads") if cand.type == "person" else None


def _party_group(doc: Doc, i: int, at: dict[int, Candidate], end: int, adjectives: bool = True) -> tuple[list[str], int]:
    """Parties listed from token ``i`` ("Russland, der Ukraine und der Türkei", "the South American bloc
    Mercosur"); returns them and the end."""
    parties: list[str] = []
    skipped = 0
    while i < end:
        cand = at.get(i)
        if cand and _party_id(cand) and (adjectives or cand.kind != "adjective"):
            parties.append(_party_id(cand))  # type: ignore[arg-type]
            i = cand.end
        elif doc[i].text in PARTY_GLUE and (not parties or _entity_follows(doc, i, at, end)):
            i += 1
        elif not parties and skipped < 3 and doc[i].is_alpha and i not in at:
            i, skipped = i + 1, skipped + 1
        else:
            break
    return parties, i


def _entity_follows(doc: Doc, i: int, at: dict[int, Candidate], end: int) -> bool:
    """After glue at ``i`` ("," "und" "der"), does the list go on with a party?"""
    j = i
    while j < end and doc[j].text in PARTY_GLUE:
        j += 1
    return j < end and j in at


def _years_after(doc: Doc, i: int, end: int) -> tuple[list[int], int]:
    """Years in a phrase like "aus den Jahren 1961, 2000 und 2001" starting at ``i``."""
    years: list[int] = []
    j = i
    while j < end and (doc[j].text in YEAR_GLUE or YEAR.match(doc[j].text)):
        if YEAR.match(doc[j].text):
            years.append(int(doc[j].text))
        j += 1
    return (years, j) if years else ([], i)


def _premodifiers(doc: Doc, trigger: Token, at: dict[int, Candidate], lang: str, start: int) -> list[Token]:
    """Tokens left of the trigger inside its noun phrase: adjectives, years, party names, hyphens."""
    tokens: list[Token] = []
    i = trigger.i - 1
    while i >= start and len(tokens) < 6:
        tok = doc[i]
        if (cue_of(tok.text, lang) or "") == "status:signed" and not (lang == "de" and tok.is_lower and tok.text.endswith(ADJECTIVE_ENDINGS["de"])):
            break  # "EU and Vietnam sign free trade agreement": a verb, not a modifier
        if (i in at and _party_id(at[i])) or tok.text in ("-", "–") or YEAR.match(tok.text) or _modifier_word(tok, lang):
            tokens.insert(0, tok)
            i -= 1
        else:
            break
    return tokens


def _modifier_word(token: Token, lang: str) -> bool:
    if cue_of(token.text, lang) or token.lower_ in ("trade", "free", "freihandels"):
        return not token.lower_.startswith(("mit", "with", "zwischen", "between"))
    endings = ADJECTIVE_ENDINGS[lang] if lang in ADJECTIVE_ENDINGS else ADJECTIVE_ENDINGS["en"]
    return token.is_alpha and token.is_lower and not token.is_stop and token.lower_.endswith(endings)


def _status(tokens: list[Token], lang: str) -> str:
    for tok in tokens:
        meaning = cue_of(tok.text, lang) or ""
        if meaning.startswith("status:"):
            return meaning.split(":", 1)[1]
    return ""


def _clause_status(sent: Span, trigger: Token, lang: str) -> str:
    words = [t.text for t in sent]
    if any(tuple(words[k : k + 2]) in IN_FORCE for k in range(len(words) - 1)):
        return "in_force"
    near = [t for t in sent if abs(t.i - trigger.i) <= WINDOW]
    status = _status(near, lang)
    # "früher"/"geplant" describe their own noun phrase; only verbs speak for the clause.
    return status if status in CLAUSE_STATUSES else ""


def _is_anaphor(doc: Doc, first: int, start: int) -> bool:
    """A determiner opens the phrase ("dieses Pakts", "the new treaty")."""
    return first - 1 >= start and doc[first - 1].lower_ in ANAPHOR_DETERMINERS


def find_agreements(doc: Doc, lang: str, candidates: list[Candidate]) -> list[AgreementCandidate]:
    """Every agreement phrase of the doc, in order."""
    at = entity_index(candidates)
    found = []
    for index, sent in enumerate(doc.sents):
        for token in sent:
            kind = None if token.i in at else agreement_kind(token.text, lang)
            if kind:
                cand = _describe(doc, token, kind, sent, at, lang)
                cand.sentence = index
                if cand.parties or cand.years or cand.status or cand.anaphor:
                    found.append(cand)
    return found


def _describe(doc: Doc, trigger: Token, kind: str, sent: Span, at: dict[int, Candidate], lang: str) -> AgreementCandidate:
    pre = _premodifiers(doc, trigger, at, lang, sent.start)
    parties = [p for t in pre if t.i in at and (p := _party_id(at[t.i]))]
    years = [int(t.text[:4]) for t in pre if YEAR.match(t.text)]
    if any(t.lower_ in ("trade", "free", "freihandels") for t in pre):
        kind = "trade_agreement"
    post = _after_trigger(doc, trigger.i + 1, sent.end, at, lang)
    parties += post.parties
    years += post.years
    status = _status(pre, lang) or post.status or _clause_status(sent, trigger, lang)
    if (not parties and status == "signed") or post.needs_partner:
        parties = _subject_parties(doc, sent, trigger, at) + parties
    if not years and status == "signed":
        years = _only_year(sent)
    start = pre[0].i if pre else trigger.i
    parties = list(dict.fromkeys(parties))
    anaphor = not parties and not years and _is_anaphor(doc, start, sent.start)
    return AgreementCandidate(start, trigger.i + 1, kind, status, sorted(set(years)), parties, anaphor, post.needs_partner and len(parties) < 2)


def _subject_parties(doc: Doc, sent: Span, trigger: Token, at: dict[int, Candidate]) -> list[str]:
    """Parties named before the trigger in its sentence ("Russland und die Ukraine unterzeichneten …")."""
    parties = []
    for i in range(sent.start, trigger.i):
        if doc[i].lower_ in PRONOUNS:
            parties += _pronoun_party(doc, i, at)
        cand = at.get(i)
        located = cand and cand.start > 0 and doc[cand.start - 1].lower_ in LOCATION_WORDS
        if cand and i == cand.start and not located and cand.attrs.get("org_kind") != "media":
            party = _party_id(cand)
            parties += [party] if party else []
    return parties


def _pronoun_party(doc: Doc, i: int, at: dict[int, Candidate]) -> list[str]:
    """What "er"/"he" leads: the country of the last person named before it."""
    for j in range(i - 1, max(-1, i - 80), -1):
        cand = at.get(j)
        if cand and cand.type == "person":
            return [cand.attrs["leads"]] if cand.attrs.get("leads") else []
    return []


def _only_year(sent: Span) -> list[int]:
    """The one year of the sentence, unless it dates something else ("negotiations that began in 2012")."""
    years = {int(t.text[:4]) for t in sent if YEAR.match(t.text) and not _dates_other(t)}
    return list(years) if len(years) == 1 else []


def _dates_other(year: Token) -> bool:
    before = {t.lower_ for t in year.doc[max(0, year.i - 3) : year.i]}
    return bool(before & OTHER_EVENT_WORDS)


@dataclass
class _Post:
    """What follows an agreement word: parties, years, a status, and whether one party is implied."""

    parties: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    status: str = ""
    needs_partner: bool = False
    in_relative: bool = False


def _after_trigger(doc: Doc, i: int, end: int, at: dict[int, Candidate], lang: str) -> _Post:
    """Scan "zwischen …", "mit …", "von 2019", "signed by … in June 2024", ", den Russland … unterzeichnet"."""
    post = _Post()
    stop = min(end, i + 14)
    while i < stop:
        j = _consume(doc, i, stop, at, lang, post)
        if j <= i:
            break
        i = j
    return post


def _consume(doc: Doc, i: int, stop: int, at: dict[int, Candidate], lang: str, post: _Post) -> int:
    """Read one phrase at ``i`` into ``post``; returns where the next phrase starts (``i`` when none fits)."""
    token = doc[i]
    cue = cue_of(token.text, lang) or ""
    if cue.startswith("party:") or token.lower_ in RELATIVE or (token.text == "," and i + 1 < stop and doc[i + 1].lower_ in RELATIVE):
        skip = 2 if token.text == "," else 1
        relative = token.text == "," or token.lower_ in ("which", "that")
        post.in_relative |= relative
        parties, j = _party_group(doc, i + skip, at, stop, adjectives=not relative)
        post.parties += parties
        post.needs_partner |= cue == "party:with" and len(parties) == 1
        return j if parties else i + skip
    if cue.startswith("status:"):
        post.status = post.status or cue.split(":", 1)[1]
        return i + 1
    years, j = _years_after(doc, i, stop)
    post.years += years
    if years:
        return j
    if post.in_relative and token.is_alpha:
        return i + 1  # read a relative clause to its end: "…, die beide Länder 2012 vereinbart hatten"
    return i + 1 if token.text in MONTHS or token.lower_ in ("in", "im", "on", "über", "am") and i + 1 < stop and (doc[i + 1].text in MONTHS or YEAR.match(doc[i + 1].text)) else i
