"""Which name an entity is shown under, in the reader's language (pure: no store, no gazetteer).

The store keeps the label of the article that named an entity first, so a mixed corpus showed
"Litauen" next to "Germany".  The explorer relabels every entity for the chosen language:

- countries, places and organisations: the gazetteer's own name in that language (CLDR for
  countries, the knowledge package's curated and ISO/CLDR region names for places and
  organisations); where the gazetteer has none, the stored name from articles in that language
  that the articles wrote most often ("Peking" for German, "Beijing" for English), else the most
  written name in any language, else the stored label;
- persons, in any language: the full name the articles wrote most often ("Wladimir Putin" 9 times
  beats "Vladimir Putin" 8 times); a tie goes to the form in the chosen language, then to the
  stored label;
- everything else (agreements, blocs of unknown type): the stored label.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

GAZETTEER_TYPES = frozenset({"country", "place", "organization"})


@dataclass(frozen=True)
class Form:
    """A name an entity was stored under: the article language it came from ("" when unknown) and
    how many mentions wrote exactly this name."""

    name: str
    lang: str = ""
    written: int = 0


Gazetteer = Callable[[str, str, str], str]  # (entity id, type, lang) -> the gazetteer's name, "" when none


def choose_label(entity_type: str, stored: str, forms: Sequence[Form], gazetteer_name: str, lang: str) -> str:
    """The label of one entity in ``lang`` (see the module docstring for the rules)."""
    if entity_type == "person":
        return most_written(forms, stored, lang) or stored
    if entity_type in GAZETTEER_TYPES:
        in_lang = [form for form in forms if form.lang == lang]
        return gazetteer_name or most_written(in_lang, stored, lang) or most_written(forms, stored, lang) or stored
    return stored


def most_written(forms: Sequence[Form], stored: str, lang: str) -> str:
    """The form written most often ("" when none was written at all); ties go to the form in
    ``lang``, then to the stored label, then to the alphabetically first."""
    written = [form for form in forms if form.written > 0]
    if not written:
        return ""
    best = min(written, key=lambda f: (-f.written, f.lang != lang, f.name != stored, f.name))
    return best.name


def labels_for(entities: Iterable[tuple[str, str, str]], forms: Mapping[str, Sequence[Form]],
               gazetteer: Gazetteer, lang: str) -> list[str]:
    """Labels in ``lang`` for (id, type, stored label) rows, in their order."""
    return [choose_label(kind, stored, forms.get(entity_id, ()), _named(gazetteer, entity_id, kind, lang), lang)
            for entity_id, kind, stored in entities]


def _named(gazetteer: Gazetteer, entity_id: str, entity_type: str, lang: str) -> str:
    return gazetteer(entity_id, entity_type, lang) if entity_type in GAZETTEER_TYPES else ""


def forms_by_entity(rows: Iterable[tuple[str, str, str, int]]) -> dict[str, list[Form]]:
    """``Store.alias_forms()`` rows (entity_id, alias, lang, written) grouped by entity."""
    found: dict[str, list[Form]] = {}
    for entity_id, name, lang, written in rows:
        found.setdefault(str(entity_id), []).append(Form(str(name), str(lang), int(written)))
    return found
