"""Finding phrases that name agreements, with kind, status, years and parties.

Works on tokens and the entity candidates already found, in German and
English: "das geplante Abkommen zwischen Russland und Nordkorea",
"frühere Abkommen aus den Jahren 1961, 2000 und 2001", "the 2019 EU-Vietnam
free trade agreement", "dieses Pakts" (an anaphor).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from pipelines.components.candidates import AgreementCandidate, Candidate
from pipelines.components.clauses import clause_around
from pipelines.components.names import MONTHS
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import WordTest
from pipelines.knowledge.agreements import agreement_kind, cue_of
from pipelines.knowledge.offices import office_meaning
from pipelines.knowledge.relations import modality_cues

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
AGENT_WORDS = frozenset({"von", "by"})
NEGATING_DETERMINERS = frozenset("kein keine keinen keinem keiner keines no".split())
REJECTING = ("abgelehnt", "lehnte", "lehnten", "ablehn", "verweigert", "rejected", "rejects", "refused", "refuses", "scheitert", "failed")
# English agreement words that are verbs too ("deals with"), and the words before which they are nouns.
VERB_FORMS = frozenset({"deals"})
NOUN_OPENERS = frozenset("our their its his her my your the these those both several two three new bilateral separate".split())
# What a negated or hypothetical agreement's status becomes when the text gives no other one.
NEGATED_STATUS = {"denied": "rejected", "hypothetical": "planned"}


def entity_index(candidates: list[Candidate]) -> dict[int, Candidate]:
    """Token index -> the entity candidate covering it."""
    return {i: c for c in candidates for i in range(c.start, c.end)}


def _party_id(cand: Candidate) -> str | None:
    if cand.type in PARTY_TYPES:
        return cand.id
    return cand.attrs.get("leads") if cand.type == "person" else None


def _party_group(t: Tokens, i: int, at: dict[int, Candidate], end: int, adjectives: bool = True) -> tuple[list[str], int]:
    """Parties listed from token ``i`` ("Russland, der Ukraine und der Türkei", "the South American bloc
    Mercosur"); returns them and the end."""
    parties: list[str] = []
    skipped = 0
    while i < end:
        cand = at.get(i)
        if cand and _party_id(cand) and (adjectives or cand.kind != "adjective"):
            parties.append(_party_id(cand))  # type: ignore[arg-type]
            i = _after_represented(t, cand, at, end)
        elif t.words[i] in PARTY_GLUE and (not parties or _entity_follows(t, i, at, end)):
            i += 1
        elif not parties and skipped < 3 and t.is_alpha(i) and i not in at:
            i, skipped = i + 1, skipped + 1
        else:
            break
    return parties, i


def _after_represented(t: Tokens, party: Candidate, at: dict[int, Candidate], end: int) -> int:
    """Where the party list goes on after ``party``: after the person a country adjective and an office
    name for it ("zwischen dem äthiopischen Kaiser X und Y": the party is Ethiopia, X acts for it)."""
    j = party.end
    if party.kind != "adjective":
        return j
    while j < end and j not in at and office_meaning(t.words[j], t.lang) is not None:
        j += 1
    person = at.get(j)
    return person.end if j > party.end and person is not None and person.type == "person" and person.start == j else party.end


def _entity_follows(t: Tokens, i: int, at: dict[int, Candidate], end: int) -> bool:
    """After glue at ``i`` ("," "und" "der"), does the list go on with a party?"""
    j = i
    while j < end and t.words[j] in PARTY_GLUE:
        j += 1
    return j < end and j in at


def _years_after(t: Tokens, i: int, end: int) -> tuple[list[int], int]:
    """Years in a phrase like "aus den Jahren 1961, 2000 und 2001" starting at ``i``."""
    years: list[int] = []
    j = i
    while j < end and (t.words[j] in YEAR_GLUE or YEAR.match(t.words[j])):
        if YEAR.match(t.words[j]):
            years.append(int(t.words[j]))
        j += 1
    return (years, j) if years else ([], i)


def _premodifiers(t: Tokens, trigger: int, at: dict[int, Candidate], lang: str, start: int) -> list[int]:
    """Tokens left of the trigger inside its noun phrase: adjectives, years, party names, hyphens."""
    found: list[int] = []
    i = trigger - 1
    while i >= start and len(found) < 6:
        word = t.words[i]
        if (cue_of(word, lang) or "") == "status:signed" and not (lang == "de" and t.is_lower(i) and word.endswith(ADJECTIVE_ENDINGS["de"])):
            break  # "EU and Vietnam sign free trade agreement": a verb, not a modifier
        if (i in at and _party_id(at[i])) or word in ("-", "–") or YEAR.match(word) or _modifier_word(t, i, lang):
            found.insert(0, i)
            i -= 1
        else:
            break
    return found


def _modifier_word(t: Tokens, i: int, lang: str) -> bool:
    lower = t.lower[i]
    if cue_of(t.words[i], lang) or lower in ("trade", "free", "freihandels"):
        return not lower.startswith(("mit", "with", "zwischen", "between"))
    endings = ADJECTIVE_ENDINGS[lang] if lang in ADJECTIVE_ENDINGS else ADJECTIVE_ENDINGS["en"]
    return t.is_alpha(i) and t.is_lower(i) and not t.is_stop(i) and lower.endswith(endings)


def _status(words: list[str], lang: str) -> str:
    for word in words:
        meaning = cue_of(word, lang) or ""
        if meaning.startswith("status:"):
            return meaning.split(":", 1)[1]
    return ""


def _clause_status(t: Tokens, sent: tuple[int, int], trigger: int, lang: str) -> str:
    words = t.words[sent[0] : sent[1]]
    if any(tuple(words[k : k + 2]) in IN_FORCE for k in range(len(words) - 1)):
        return "in_force"
    near = t.words[max(sent[0], trigger - WINDOW) : min(sent[1], trigger + WINDOW + 1)]
    status = _status(near, lang)
    # "früher"/"geplant" describe their own noun phrase; only verbs speak for the clause.
    return status if status in CLAUSE_STATUSES else ""


def _is_anaphor(t: Tokens, first: int, start: int) -> bool:
    """A determiner opens the phrase ("dieses Pakts", "the new treaty")."""
    return first - 1 >= start and t.lower[first - 1] in ANAPHOR_DETERMINERS


def find_agreements(t: Tokens, lang: str, candidates: list[Candidate]) -> list[AgreementCandidate]:
    """Every agreement phrase of the doc, in order."""
    at = entity_index(candidates)
    found = []
    for i in t.where(_agreement_words(lang)):
        kind = None if i in at or _verb_reading(t, i) else agreement_kind(t.words[i], lang)
        if kind:
            cand = _describe(t, i, kind, t.sents[t.sent_of[i]], at, lang)
            cand.sentence = t.sent_of[i]
            if cand.parties or cand.years or cand.status or cand.anaphor:
                found += _one_per_partner(t, i, cand)
    return found


def _verb_reading(t: Tokens, i: int) -> bool:
    """An English agreement word that is also a verb ("deals with") reads as a noun only after a
    determiner, a possessive or a number ("our deals with …", "two deals")."""
    return t.lower[i] in VERB_FORMS and not (i > 0 and (t.lower[i - 1] in NOUN_OPENERS or t.words[i - 1].isdigit()))


def _one_per_partner(t: Tokens, trigger: int, cand: AgreementCandidate) -> list[AgreementCandidate]:
    """Agreements named in the plural with a list of partners ("our deals with Albania and France") are one
    agreement with each partner, whose other party is implied; else ``cand`` alone."""
    word = t.lower[trigger]
    plural = t.lang == "en" and word.endswith("s") and not word.endswith("ss")
    listed = trigger + 1 < len(t) and t.lower[trigger + 1] == "with" and cand.start == trigger
    if not (plural and listed and len(cand.parties) > 1):
        return [cand]
    return [replace(cand, parties=[party], needs_partner=True) for party in cand.parties]


@cache
def _agreement_words(lang: str) -> WordTest:
    return WordTest(lambda word: agreement_kind(word, lang))


def _describe(t: Tokens, trigger: int, kind: str, sent: tuple[int, int], at: dict[int, Candidate], lang: str) -> AgreementCandidate:
    pre = _premodifiers(t, trigger, at, lang, sent[0])
    clause = clause_around(t, sent, trigger)
    parties = _agent_parties(t, clause, trigger, at) or [p for i in pre if i in at and (p := _party_id(at[i]))]
    years = [int(t.words[i][:4]) for i in pre if YEAR.match(t.words[i])]
    if any(t.lower[i] in ("trade", "free", "freihandels") for i in pre):
        kind = "trade_agreement"
    post = _after_trigger(t, trigger + 1, sent[1], at, lang)
    parties += post.parties
    years += post.years
    status = _status([t.words[i] for i in pre], lang) or post.status or _clause_status(t, sent, trigger, lang)
    start = pre[0] if pre else trigger
    modality = agreement_modality(t, clause, start, trigger, lang)
    if (not parties and (status == "signed" or modality == "denied")) or post.needs_partner:
        parties = _subject_parties(t, clause, trigger, at) + parties  # who signed, or refused to
    joint = any(cue_of(t.words[i], lang) == "joint" for i in pre)
    if joint and not parties:
        parties, status = _group_party(clause, at), status or "signed"  # a joint declaration reported is one made
    if not years and status == "signed":
        years = _only_year(t, sent)
    parties = list(dict.fromkeys(parties))
    anaphor = not parties and not years and _is_anaphor(t, start, sent[0])
    status = NEGATED_STATUS.get(modality, status) if status in ("", "signed", "planned") else status
    if modality == "planned" and status == "signed":
        status = "planned"  # "will sign a treaty", "soll unterzeichnet werden"
    return AgreementCandidate(start, trigger + 1, kind, status, sorted(set(years)), parties, anaphor, post.needs_partner and len(parties) < 2,
                              modality=modality, joint=joint)


def _group_party(clause: tuple[int, int], at: dict[int, Candidate]) -> list[str]:
    """The first organisation named in the clause ("verurteilten die G8-Staaten in einer gemeinsamen Erklärung")."""
    orgs = [at[i] for i in range(*clause) if i in at and at[i].start == i and at[i].type == "organization"]
    return [orgs[0].id] if orgs and orgs[0].attrs.get("org_kind") != "media" else []


def _subject_parties(t: Tokens, clause: tuple[int, int], trigger: int, at: dict[int, Candidate]) -> list[str]:
    """Parties named before the trigger in its clause ("Russland und die Ukraine unterzeichneten …"); where
    an agent phrase names them ("von den USA und Brasilien unterzeichneten Abkommen"), only those."""
    parties = _agent_parties(t, clause, trigger, at)
    if parties:
        return parties
    for i in range(clause[0], trigger):
        if t.lower[i] in PRONOUNS:
            parties += _pronoun_party(t, i, at)
        cand = at.get(i)
        located = cand and cand.start > 0 and t.lower[cand.start - 1] in LOCATION_WORDS
        if cand and i == cand.start and not located and cand.attrs.get("org_kind") != "media":
            party = _party_id(cand)
            parties += [party] if party else []
    return parties


def _agent_parties(t: Tokens, clause: tuple[int, int], trigger: int, at: dict[int, Candidate]) -> list[str]:
    """The parties of an agent phrase before the agreement word ("das von Indien und Japan
    unterzeichnete Abkommen"): "von" and a party list, then only lower-case words up to the trigger."""
    agents = [i for i in range(clause[0], trigger) if t.lower[i] in AGENT_WORDS]
    if not agents:
        return []
    parties, end = _party_group(t, agents[-1] + 1, at, trigger, adjectives=False)
    return parties if parties and all(t.is_lower(j) or t.words[j] == "," for j in range(end, trigger)) else []


def agreement_modality(t: Tokens, clause: tuple[int, int], start: int, trigger: int, lang: str) -> str:
    """denied ("kein Abkommen", "no treaty", "rejected the deal", "did not sign"), hypothetical ("könnte",
    "would") or planned ("will sign") from cues near the agreement in its clause; else reported."""
    if start > clause[0] and t.lower[start - 1] in NEGATING_DETERMINERS:
        return "denied"
    cues = modality_cues(lang)
    window = range(max(clause[0], trigger - 5), min(clause[1], trigger + 6))
    near = {cues.get(t.lower[i]) for i in window if not _not_only(t, i)} | {"denied" for i in window if t.lower[i].startswith(REJECTING)}
    return next((m for m in ("denied", "hypothetical", "planned") if m in near), "reported")


def _not_only(t: Tokens, i: int) -> bool:
    """"nicht nur", "not only": no negation."""
    return i + 1 < len(t) and t.lower[i] in ("nicht", "not") and t.lower[i + 1] in ("nur", "only")


def _pronoun_party(t: Tokens, i: int, at: dict[int, Candidate]) -> list[str]:
    """What "er"/"he" leads: the country of the last person named before it."""
    for j in range(i - 1, max(-1, i - 80), -1):
        cand = at.get(j)
        if cand and cand.type == "person":
            return [cand.attrs["leads"]] if cand.attrs.get("leads") else []
    return []


def _only_year(t: Tokens, sent: tuple[int, int]) -> list[int]:
    """The one year of the sentence, unless it dates something else ("negotiations that began in 2012")."""
    years = {int(t.words[i][:4]) for i in range(*sent) if YEAR.match(t.words[i]) and not _dates_other(t, i)}
    return list(years) if len(years) == 1 else []


def _dates_other(t: Tokens, year: int) -> bool:
    return not OTHER_EVENT_WORDS.isdisjoint(t.lower[max(0, year - 3) : year])


@dataclass
class _Post:
    """What follows an agreement word: parties, years, a status, and whether one party is implied."""

    parties: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    status: str = ""
    needs_partner: bool = False
    in_relative: bool = False


def _after_trigger(t: Tokens, i: int, end: int, at: dict[int, Candidate], lang: str) -> _Post:
    """Scan "zwischen …", "mit …", "von 2019", "signed by … in June 2024", ", den Russland … unterzeichnet"."""
    post = _Post()
    stop = min(end, i + 14)
    while i < stop:
        j = _consume(t, i, stop, at, lang, post)
        if j <= i:
            break
        i = j
    return post


def _consume(t: Tokens, i: int, stop: int, at: dict[int, Candidate], lang: str, post: _Post) -> int:
    """Read one phrase at ``i`` into ``post``; returns where the next phrase starts (``i`` when none fits)."""
    word, lower = t.words[i], t.lower[i]
    cue = cue_of(word, lang) or ""
    if cue.startswith("party:") or lower in RELATIVE or (word == "," and i + 1 < stop and t.lower[i + 1] in RELATIVE):
        skip = 2 if word == "," else 1
        relative = word == "," or lower in ("which", "that")
        post.in_relative |= relative
        parties, j = _party_group(t, i + skip, at, stop, adjectives=not relative)
        post.parties += parties
        post.needs_partner |= cue == "party:with" and len(parties) == 1
        return j if parties else i + skip
    if cue.startswith("status:"):
        post.status = post.status or cue.split(":", 1)[1]
        return i + 1
    years, j = _years_after(t, i, stop)
    post.years += years
    if years:
        return j
    if post.in_relative and t.is_alpha(i):
        return i + 1  # read a relative clause to its end: "…, die beide Länder 2012 vereinbart hatten"
    date_next = i + 1 < stop and (t.words[i + 1] in MONTHS or YEAR.match(t.words[i + 1]))
    return i + 1 if word in MONTHS or lower in ("in", "im", "on", "über", "am") and date_next else i
