"""Resolving agreement phrases of one article into agreements with stable ids.

Anaphors ("dieses Pakts") join the latest agreement before them; a phrase
with one party after "mit"/"with" gains the article's most mentioned other
country; earlier agreements named together with an updating one ("aktualisiert
frühere Abkommen aus den Jahren 1961, 2000 und 2001") inherit its parties.
Ids are built from the kind family, the parties and the year, so the same
agreement reported in two articles or languages gets the same id.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from pipelines.components.candidates import Agreement, AgreementCandidate, Candidate
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import WordTest
from pipelines.keys import slug
from pipelines.knowledge.agreements import ID_FAMILIES, agreement_label, cue_of

MIN_PARTIES = 2  # an agreement binds at least two parties; one party alone is a plan or a policy (but see _joint_declaration)
KIND_PRIORITY = ("treaty", "trade_agreement", "agreement", "pact", "memorandum", "declaration", "initiative", "partnership")


def agreement_id(kind: str, parties: list[str], year: int | None) -> str:
    """``agreement:<family>-<parties>-<year>``, e.g. ``agreement:agreement-kp-ru-2001``."""
    party_slugs = sorted(slug(p.split(":", 1)[1]) for p in parties)
    parts = [ID_FAMILIES.get(kind, "agreement"), *party_slugs, str(year) if year else ""]
    return "agreement:" + "-".join(p for p in parts if p)


def _salient_countries(entities: list[Candidate]) -> list[str]:
    counts = Counter(c.id for c in entities if c.type == "country")
    return [cid for cid, _ in counts.most_common()]


def _complete_parties(cand: AgreementCandidate, phrases: list[AgreementCandidate], salient: list[str]) -> None:
    """Add the implied party of "Partnerschaft mit Nordkorea": the one other phrases name with it, else the
    article's most mentioned other country."""
    if not cand.needs_partner or len(cand.parties) != 1:
        return
    party = cand.parties[0]
    partners = Counter(p for c in phrases if party in c.parties and len(c.parties) > 1 for p in c.parties if p != party)
    other = partners.most_common(1)[0][0] if partners else next((c for c in salient if c != party), None)
    if other:
        cand.parties.append(other)


@cache
def _update_words(lang: str) -> WordTest:
    return WordTest(lambda word: cue_of(word, lang) == "update")


def _update_sentences(tokens: Tokens, lang: str) -> set[int]:
    return {tokens.sent_of[i] for i in tokens.where(_update_words(lang))}


def resolve_agreements(
    tokens: Tokens, lang: str, phrases: list[AgreementCandidate], entities: list[Candidate], labels: dict[str, str], published: str = ""
) -> list[Agreement]:
    """The article's agreements; ``labels`` maps entity ids to labels, ``published`` (ISO date) dates
    agreements the article reports as signed without naming a year."""
    salient = _salient_countries(entities)
    for cand in phrases:
        _complete_parties(cand, phrases, salient)
    updating = _update_sentences(tokens, lang)
    _mark_replaced(phrases, updating)
    groups: list[list[AgreementCandidate]] = []
    for cand in phrases:
        _place(cand, groups)
    year = int(published[:4]) if published[:4].isdigit() else None
    built = [_build(group, lang, labels, year) for group in _merge_subsets(groups)]
    agreements = [a for a in built if len(a.parties) >= MIN_PARTIES or _joint_declaration(a)]
    _link_updates(agreements, updating)
    return agreements


def _joint_declaration(agreement: Agreement) -> bool:
    """One group's joint declaration ("die G8-Staaten in einer gemeinsamen Erklärung"): its one party suffices."""
    return len(agreement.parties) == 1 and agreement.parties[0].startswith("organization:") and any(m.joint for m in agreement.mentions)


def _mark_replaced(phrases: list[AgreementCandidate], updating: set[int]) -> None:
    """In a sentence with "ersetzt"/"replaces", party-less dated phrases are the earlier agreements of the main one."""
    for sentence in updating:
        here = [c for c in phrases if c.sentence == sentence and not c.anaphor]
        before = [c for c in phrases if c.sentence <= sentence and c.parties and c.status != "previous"]
        main = next((c for c in here if c.parties and c.status != "previous"), before[-1] if before else None)
        for cand in here:
            if main and cand is not main and not cand.parties and (cand.years or cand.status == "previous"):
                cand.parties, cand.status = list(main.parties), "previous"


def _place(cand: AgreementCandidate, groups: list[list[AgreementCandidate]]) -> None:
    """Put a phrase into the group of the agreement it names, or open new groups."""
    current = [g for g in groups if g[0].status != "previous"]
    if cand.anaphor:
        if current:
            current[-1].append(cand)
        return
    years: list[int | None] = list(cand.years) or [None]
    for year in years:
        single = _with_year(cand, year)
        match = next((g for g in groups if _same(g[0], single)), None)
        match.append(single) if match else groups.append([single])


def _with_year(cand: AgreementCandidate, year: int | None) -> AgreementCandidate:
    if len(cand.years) <= 1:
        return cand
    return AgreementCandidate(cand.start, cand.end, cand.kind, cand.status, [year] if year else [], list(cand.parties), False, False, cand.sentence, cand.modality)


def _same(a: AgreementCandidate, b: AgreementCandidate) -> bool:
    if set(a.parties) != set(b.parties) or not a.parties:
        return False
    if (a.status == "previous") != (b.status == "previous"):
        return False
    return not a.years or not b.years or a.years == b.years


def _family(group: list[AgreementCandidate]) -> str:
    return ID_FAMILIES.get(_kind(group), "agreement")


def _merge_subsets(groups: list[list[AgreementCandidate]]) -> list[list[AgreementCandidate]]:
    """"Russland und die Ukraine unterzeichneten ein Abkommen" is the four-party grain deal named later."""
    merged: list[list[AgreementCandidate]] = []
    for group in sorted(groups, key=lambda g: -len(g[0].parties)):
        home = next((m for m in merged if _covers(m, group)), None)
        home.extend(group) if home else merged.append(group)
    return sorted(merged, key=lambda g: min(c.start for c in g))


def _covers(big: list[AgreementCandidate], small: list[AgreementCandidate]) -> bool:
    a, b = big[0], small[0]
    if "previous" in (a.status, b.status) or _family(big) != _family(small) or not b.parties:
        return False
    years_a, years_b = _years(big), _years(small)
    return set(b.parties) < set(a.parties) and (not years_a or not years_b or years_a == years_b)


def _years(group: list[AgreementCandidate]) -> set[int]:
    return {y for c in group for y in c.years}


def _kind(group: list[AgreementCandidate]) -> str:
    head = max(group, key=lambda c: (len(c.parties), bool(c.years)))
    return head.kind if head.kind != "partnership" else min((c.kind for c in group), key=KIND_PRIORITY.index)


def _build(group: list[AgreementCandidate], lang: str, labels: dict[str, str], published_year: int | None) -> Agreement:
    head = max(group, key=lambda c: (len(c.parties), bool(c.years)))
    kind = _kind(group)
    status = next((c.status for c in group if c.status), "")
    year = next((c.years[0] for c in group if c.years), published_year if status == "signed" else None)
    parties = sorted(head.parties)
    label = agreement_label(kind, [labels.get(p, p) for p in parties], year, lang)
    modality = "reported" if any(c.modality in ("reported", "planned") for c in group) else group[0].modality
    return Agreement(agreement_id(kind, parties, year), label, kind, status, year, parties, group, modality=modality)


def _link_updates(agreements: list[Agreement], updating: set[int]) -> None:
    """In a sentence with an update verb, the current agreement updates the earlier ones named there."""
    for sentence in sorted(updating):
        earlier = [a for a in agreements if a.status == "previous" and any(m.sentence == sentence for m in a.mentions)]
        current = [a for a in agreements if a.status != "previous"]
        if earlier and current:
            target = next((a for a in current if any(m.sentence == sentence for m in a.mentions)), current[0])
            target.updates += [a.id for a in earlier if a.id not in target.updates]
            target.update_sentence = sentence
