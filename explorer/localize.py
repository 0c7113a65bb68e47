"""A snapshot with its entity labels in the reader's language: the gazetteers' own names (from
``pipelines.knowledge``) and the store's name forms, chosen by ``explorer.names``."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import Any

import pandas as pd

from explorer.data import Snapshot
from explorer.names import Form, forms_by_entity, labels_for
from pipelines.knowledge.agreements import agreement_label
from pipelines.knowledge.countries import country_label, iso_codes
from pipelines.knowledge.organizations import Organization, organization_names
from pipelines.knowledge.places import Place, translated_places
from pipelines.store import Store


@dataclass(frozen=True)
class StoredNames:
    """Every entity's stored names (with article language and how often written), and the entities
    a curator renamed: their chosen name stays in every language."""

    forms: dict[str, list[Form]]
    renamed: frozenset[str] = frozenset()


def localized(snapshot: Snapshot, names: StoredNames, lang: str) -> Snapshot:
    """The snapshot with every entity's ``label`` in ``lang`` (the same object when it has none)."""
    entities = snapshot.entities
    if entities.empty:
        return snapshot
    rows = list(zip(entities["id"].tolist(), entities["type"].tolist(), entities["label"].tolist(), strict=True))
    chosen = labels_for(rows, names.forms, gazetteer_name, lang)
    kept = [stored if entity_id in names.renamed else label for (entity_id, _, stored), label in zip(rows, chosen, strict=True)]
    attrs = entities["attrs"].tolist() if "attrs" in entities else [None] * len(rows)
    kept = agreement_labels(rows, attrs, kept, names.renamed, lang)
    return replace(snapshot, entities=entities.assign(label=pd.array(kept, dtype="str")))


def agreement_labels(rows: list[tuple[str, str, str]], attrs: list[Any], labels: list[str], renamed: frozenset[str],
                     lang: str) -> list[str]:
    """``labels`` with each agreement's label made again in ``lang`` from its kind, its parties'
    labels (already in ``lang``) and its year; renamed agreements and those without kind or
    parties keep theirs."""
    by_id = dict(zip((entity_id for entity_id, _, _ in rows), labels, strict=True))
    return [(_agreement_label(facts, by_id, lang) or label) if kind == "agreement" and entity_id not in renamed else label
            for (entity_id, kind, _), facts, label in zip(rows, attrs, labels, strict=True)]


def _agreement_label(facts: Any, labels: dict[str, str], lang: str) -> str:
    """The label an agreement's attrs make in ``lang`` ("" when they name no kind or no parties)."""
    if not isinstance(facts, dict) or not facts.get("kind") or not facts.get("parties"):
        return ""
    year = facts.get("year") if isinstance(facts.get("year"), int) else None
    return agreement_label(str(facts["kind"]), [labels.get(str(p), str(p)) for p in facts["parties"]], year, lang)


def stored_names(store: Store) -> StoredNames:
    """The store's name forms and the curated renames (``Store.curation``)."""
    return StoredNames(forms_by_entity(store.alias_forms()), frozenset(store.curation().labels))


def gazetteer_name(entity_id: str, entity_type: str, lang: str) -> str:
    """The gazetteer's own name of a country, place or organisation in ``lang``; "" when it has none
    (a GeoNames city has one main name, so it is left to the articles' own forms)."""
    if entity_type == "country":
        code = entity_id.partition(":")[2]
        return country_label(code, lang) if code in iso_codes() else ""
    known: Place | Organization | None = (translated_places() if entity_type == "place" else _organizations()).get(entity_id)
    return known.label(lang) if known else ""


@cache
def _organizations() -> dict[str, Organization]:
    return {org.id: org for org in organization_names("de").values()}
