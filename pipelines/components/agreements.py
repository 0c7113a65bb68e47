"""Finding phrases that name agreements, with kind, status, years and parties.

Works on tokens and the entity candidates already found, in German and
English: "das geplante Abkommen zwischen Russland und Nordkorea",
"frühere Abkommen aus den Jahren 1961, 2000 und 2001", "the 2019 EU-Vietnam
free trade agreement", "dieses Pakts" (an anaphor).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from pipelines.components.candidates import AgreementCandidate, Candidate
from pipelines.knowledge.agreements import agreement_kind, cue_of

YEAR = re.compile(r"^(19|20)\d\d$")
ANAPHOR_DETERMINERS = frozenset("dies dieses diesem diesen dieser das der des dem den the this that its".split())
YEAR_GLUE = frozenset("von vom aus dem den der Jahr Jahre Jahren im of from in the year years , und and sowie".split())
PARTY_GLUE = frozenset("der die den dem des the , und and sowie &".split())
IN_FORCE = (("in", "Kraft"), ("in", "force"), ("took", "effect"))
PARTY_TYPES = ("country", "organization")
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


def _party_group(doc: Doc, i: int, at: dict[int, Candidate], end: int) -> tuple[list[str], int]:
    """Parties listed from token ``i`` ("Russland, der Ukraine und der Türkei"); returns them and the end."""
    parties: list[str] = []
    while i < end:
        cand = at.get(i)
        if cand and _party_id(cand):
            parties.append(_party_id(cand))  # type: ignore[arg-type]
            i = cand.end
        elif doc[i].text in PARTY_GLUE and parties or doc[i].text in ("der", "die", "den", "dem", "the"):
            i += 1
        else:
            break
    return parties, i


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
        if i in at or tok.text in ("-", "–") or YEAR.match(tok.text) or _modifier_word(tok, lang):
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


def _is_anaphor(doc: Doc, trigger: Token, start: int) -> bool:
    return trigger.i - 1 >= start and doc[trigger.i - 1].lower_ in ANAPHOR_DETERMINERS


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
    years = [int(t.text) for t in pre if YEAR.match(t.text)]
    if any(t.lower_ in ("trade", "free", "freihandels") for t in pre):
        kind = "trade_agreement"
    after, needs_partner = _after_trigger(doc, trigger.i + 1, sent.end, at, lang)
    parties += [p for p in after["parties"] if p not in parties]
    years += after["years"]
    status = _status(pre, lang) or _clause_status(sent, trigger, lang)
    start = pre[0].i if pre else trigger.i
    anaphor = not parties and not years and _is_anaphor(doc, trigger, sent.start)
    return AgreementCandidate(start, trigger.i + 1, kind, status, sorted(set(years)), list(dict.fromkeys(parties)), anaphor, needs_partner)


def _after_trigger(doc: Doc, i: int, end: int, at: dict[int, Candidate], lang: str) -> tuple[dict[str, list], bool]:  # type: ignore[type-arg]
    """Parties ("zwischen …", "mit …") and years ("von 2019") right after the trigger."""
    found: dict[str, list] = {"parties": [], "years": []}  # type: ignore[type-arg]
    needs_partner = False
    stop = min(end, i + 14)
    while i < stop:
        cue = cue_of(doc[i].text, lang) or ""
        years, j = _years_after(doc, i, stop)
        if cue.startswith("party:"):
            parties, j = _party_group(doc, i + 1, at, stop)
            found["parties"] += parties
            needs_partner = needs_partner or (cue == "party:with" and len(parties) == 1)
        elif years:
            found["years"] += years
        if j <= i:
            break
        i = j
    return found, needs_partner
