"""Mentions the German recogniser finds in a text, for the German rule tests."""

from __future__ import annotations

from pipelines.nlp import get_nlp


def organizations(text: str) -> set[str]:
    """Texts of the organisation mentions found in German ``text``."""
    doc = get_nlp("de", use_trained=False)(text)
    return {doc[c.start : c.end].text for c in doc._.kg_entities if c.type == "organization"}
