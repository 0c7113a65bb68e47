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

from spacy.tokens import Doc

from pipelines.components.candidates import Agreement, AgreementCandidate, Candidate
from pipelines.keys import slug
from pipelines.knowledge.agreements import ID_FAMILIES, KIND_WORDS, cue_of

KIND_PRIORITY = ("treaty", "trade_agreement", "agreement", "pact", "memorandum", "initiative", "partnership")


def agreement_id(kind: str, parties: list[str], year: int | None) -> str:
    """``agreement:<family>-<parties>-<year>``, e.g. ``agreement:agreement-kp-ru-2001``."""
    party_slugs = sorted(slug(p.split(":", 1)[1]) for p in parties)
    parts = [ID_FAMILIES.get(kind, "agreement"), *party_slugs, str(year) if year else ""]
    return "agreement:" + "-".join(p for p in parts if p)


def _salient_countries(entities: list[Candidate]) -> list[str]:
    counts = Counter(c.id for c in entities if c.type == "country")
    return [cid for cid, _ in counts.most_common()]


def _complete_parties(cand: AgreementCandidate, salient: list[str]) -> None:
    if cand.needs_partner and len(cand.parties) == 1:
        other = next((c for c in salient if c not in cand.parties), None)
        if other:
            cand.parties.append(other)


def _update_sentences(doc: Doc, lang: str) -> set[int]:
    return {i for i, sent in enumerate(doc.sents) if any(cue_of(t.text, lang) == "update" for t in sent)}


def resolve_agreements(doc: Doc, lang: str, phrases: list[AgreementCandidate], entities: list[Candidate], labels: dict[str, str]) -> list[Agreement]:
    """The article's agreements; ``labels`` maps entity ids to labels for agreement labels."""
    salient = _salient_countries(entities)
    for cand in phrases:
        _complete_parties(cand, salient)
    updating = _update_sentences(doc, lang)
    groups: list[list[AgreementCandidate]] = []
    for cand in phrases:
        _place(cand, groups, updating)
    agreements = [_build(group, lang, labels) for group in groups if group[0].parties]
    _link_updates(agreements, updating)
    return agreements


def _place(cand: AgreementCandidate, groups: list[list[AgreementCandidate]], updating: set[int]) -> None:
    """Put a phrase into the group of the agreement it names, or open new groups."""
    current = [g for g in groups if g[0].status != "previous"]
    if cand.anaphor:
        if current:
            current[-1].append(cand)
        return
    if cand.status == "previous" and not cand.parties and cand.sentence in updating and current:
        cand.parties = list(current[-1][0].parties)
    for year in cand.years or [None]:
        single = _with_year(cand, year)
        match = next((g for g in groups if _same(g[0], single)), None)
        match.append(single) if match else groups.append([single])


def _with_year(cand: AgreementCandidate, year: int | None) -> AgreementCandidate:
    if len(cand.years) <= 1:
        return cand
    return AgreementCandidate(cand.start, cand.end, cand.kind, cand.status, [year] if year else [], list(cand.parties), False, False, cand.sentence)


def _same(a: AgreementCandidate, b: AgreementCandidate) -> bool:
    if set(a.parties) != set(b.parties) or not a.parties:
        return False
    if (a.status == "previous") != (b.status == "previous"):
        return False
    return not a.years or not b.years or a.years == b.years


def _build(group: list[AgreementCandidate], lang: str, labels: dict[str, str]) -> Agreement:
    head = max(group, key=lambda c: (len(c.parties), bool(c.years)))
    kind = head.kind if head.kind != "partnership" else min((c.kind for c in group), key=KIND_PRIORITY.index)
    year = next((c.years[0] for c in group if c.years), None)
    status = next((c.status for c in group if c.status), "")
    parties = sorted(head.parties)
    words = KIND_WORDS.get(lang, KIND_WORDS["en"])
    label = f"{words[kind]} {'–'.join(labels.get(p, p) for p in parties)}" + (f" {year}" if year else "")
    return Agreement(agreement_id(kind, parties, year), label, kind, status, year, parties, group)


def _link_updates(agreements: list[Agreement], updating: set[int]) -> None:
    """In a sentence with an update verb, the current agreement updates the earlier ones named there."""
    for sentence in sorted(updating):
        earlier = [a for a in agreements if a.status == "previous" and any(m.sentence == sentence for m in a.mentions)]
        current = [a for a in agreements if a.status != "previous"]
        if earlier and current:
            target = next((a for a in current if any(m.sentence == sentence for m in a.mentions)), current[0])
            target.updates += [a.id for a in earlier if a.id not in target.updates]
            target.update_sentence = sentence
