"""Derive ``data/given_names_world.txt`` from the given names of Faker's person providers.

Run once by a maintainer, never at ingest time::

    pip install faker==40.63.0
    python -m pipelines.knowledge.derive_given_names > pipelines/knowledge/data/given_names_world.txt

Faker (MIT licence, Daniele Faraglia and contributors) lists common given names for some eighty locales
(Arabic, Turkish, Italian, Dutch, Korean in Latin script …), which news names far more often than the
English and German word clusters know. Kept: names in Latin script of three letters or more, with at
most one hyphen or apostrophe. The reader (``knowledge.people``) leaves out, per language, those that
are common words or known places.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from collections.abc import Iterable

_LETTERS = "a-zß-öø-ÿāăąćčďēėęěğīįıķĺľłńňōőŕřśşšţťūůűųźżž"
_LATIN_NAME = re.compile(rf"^[A-ZÀ-ÖØ-Þ][{_LETTERS}]+(?:[-'][A-ZÀ-Þa-z][{_LETTERS}]+)?$")
ATTRIBUTES = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
HEADER = (
    "# Given names of many countries in Latin script, one per line.\n"
    "# Derived by pipelines/knowledge/derive_given_names.py from the person providers of Faker 40.63.0\n"
    "# (MIT licence, Daniele Faraglia and contributors).\n"
)


def _class_names(provider: type) -> set[str]:
    """The given names a provider class (or the first base that has them) lists."""
    found: set[str] = set()
    for attribute in ATTRIBUTES:
        value = next((base.__dict__[attribute] for base in provider.__mro__ if attribute in base.__dict__), None)
        if isinstance(value, (dict, list, tuple, set, frozenset)):
            found.update(value)
    return found


def faker_given_names() -> Iterable[str]:
    import faker.providers.person as person  # only needed to derive

    for module in pkgutil.iter_modules(person.__path__):
        provider = getattr(importlib.import_module(f"{person.__name__}.{module.name}"), "Provider", None)
        if provider is not None:
            yield from _class_names(provider)


def given_names(names: Iterable[str]) -> list[str]:
    """The names worth keeping, sorted."""
    return sorted({name for name in names if len(name) >= 3 and _LATIN_NAME.match(name)})


def main() -> None:
    sys.stdout.write(HEADER + "".join(f"{name}\n" for name in given_names(faker_given_names())))


if __name__ == "__main__":
    main()
