"""German organisations whose name holds parts glued by a hyphen or slash: "SV Quandel-Kassel", "TSV
Morvex/Lahn", "Quandel-Morvex AG", "Verkehrsbetriebe Kassel-Holstein AG", "dpa-QX". A rule that stops at the
hyphen finds only a piece of the name ("SV Quandel", "Morvex AG"); this one widens the organisation over the
glued parts and drops the places or names found inside them. A common noun glued after an organisation ends it
("SPD-Chef" mentions the SPD). Registered in ``german_registry``."""

from __future__ import annotations

from pipelines.components.candidates import Candidate, rule_candidate
from pipelines.components.german_words import noun_compound
from pipelines.components.names import is_name_word
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import glued_hyphen

GLUE = ("-", "/")


def join_org_parts(tokens: Tokens, chosen: list[Candidate]) -> list[Candidate]:
    """``chosen`` with each organisation widened over the name parts glued to its ends, and the candidates
    that lie inside a widened organisation dropped."""
    widened = {k: _widened(tokens, c) for k, c in enumerate(chosen) if c.type == "organization"}
    widened = {k: span for k, span in widened.items() if span != (chosen[k].start, chosen[k].end)}
    if not widened:
        return chosen
    spans = list(widened.values())
    kept = [_joined(tokens, c, widened[k]) if k in widened else c for k, c in enumerate(chosen)]
    return [c for k, c in enumerate(kept) if k in widened or not any(s <= c.start and c.end <= e for s, e in spans)]


def _widened(tokens: Tokens, cand: Candidate) -> tuple[int, int]:
    """The span of ``cand`` with the glued name parts before and after it."""
    start, end = cand.start, cand.end
    while start >= 2 and glued_hyphen(tokens, start - 1, GLUE) and _part(tokens.words[start - 2]):
        start -= 2
    while end + 1 < len(tokens) and glued_hyphen(tokens, end, GLUE) and _part_after(tokens.words[end - 1], tokens.words[end + 1]):
        end += 2
    return start, end


def _part(word: str) -> bool:
    """A word that continues a name across a hyphen: a name word ("Kassel", "Morvex") or capitals
    ("QX"), no common noun ("Chef") nor a compound of one ("Beitragsrabatt")."""
    return _capitals(word) or (is_name_word(word, "de") and not noun_compound(word))


def _part_after(last: str, word: str) -> bool:
    """``word`` continues a name that ends in ``last``: after capitals only capitals ("QXR-QZ"; "UN-Mission" and
    "EU-Gipfel" mention the UN and the EU)."""
    return _capitals(word) if _capitals(last) else _part(word)


def _capitals(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _joined(tokens: Tokens, cand: Candidate, span: tuple[int, int]) -> Candidate:
    return rule_candidate(tokens, span[0], span[1], "organization", dict(cand.attrs))
