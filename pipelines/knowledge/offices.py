"""What an office word before or beside a name says about the entity it is linked to (``offices.tsv``)."""

from __future__ import annotations

from functools import cache, lru_cache

from pipelines.knowledge.tables import read_rows

GERMAN_ENDINGS = ("en", "n", "s", "es")
PART_PREFIXES = ("vize", "stellvertret", "fraktion", "landes", "kreis", "bezirk", "orts", "ehren", "co-", "ko-")


@cache
def _offices(lang: str) -> dict[str, tuple[str, bool]]:
    """Office word (lower case) -> (meaning, whether German compounds ending in it count)."""
    return {row[0]: (row[2], row[3] == "1") for row in read_rows("offices.tsv") if row[1] == lang}


@cache
def _compound_ends(lang: str) -> tuple[tuple[str, str], ...]:
    """(word, meaning) of the offices whose compounds count, longest first."""
    rows = [(word, meaning) for word, (meaning, compounds) in _offices(lang).items() if compounds]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


@lru_cache(maxsize=100_000)
def office_meaning(phrase: str, lang: str) -> str | None:
    """``state``, ``head``, ``member``, ``counterpart`` or ``none`` for an office word or English title
    (any case; German inflected forms and compounds: "Präsidenten", "Pressesprecher"), else None."""
    lower = phrase.lower()
    table = _offices(lang)
    forms = [lower] + ([lower[: -len(e)] for e in GERMAN_ENDINGS if lower.endswith(e)] if lang == "de" else [])
    for form in forms:
        if form in table:
            return table[form][0]
    if lang != "de":
        return None
    for form in forms:
        for end, meaning in _compound_ends(lang):
            if form.endswith(end) and len(form) > len(end) + 2:
                # A deputy or the head of a part ("Vizefraktionschef", "Landesvorsitzender") belongs to it.
                return "member" if meaning == "head" and form.startswith(PART_PREFIXES) else meaning
    return None


@cache
def longest_office(lang: str) -> int:
    """The most words an office of ``lang`` has."""
    return max(len(word.split()) for word in _offices(lang))


@cache
def office_last_words(lang: str) -> frozenset[str]:
    """The last words of the offices of ``lang`` that have several ("minister" of "prime minister")."""
    return frozenset(word.split()[-1] for word in _offices(lang) if " " in word)
