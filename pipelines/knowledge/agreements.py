"""Words that name agreements and the cues that describe them."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache

from pipelines.knowledge.affixes import Affixes
from pipelines.knowledge.tables import read_rows

KIND_WORDS = {
    "de": {"treaty": "Vertrag", "agreement": "Abkommen", "trade_agreement": "Handelsabkommen", "pact": "Pakt",
           "partnership": "Partnerschaft", "memorandum": "Absichtserklärung", "initiative": "Initiative",
           "declaration": "Erklärung"},
    "en": {"treaty": "Treaty", "agreement": "Agreement", "trade_agreement": "Trade agreement", "pact": "Pact",
           "partnership": "Partnership", "memorandum": "Memorandum", "initiative": "Initiative",
           "declaration": "Declaration"},
}
# Kinds that keep their own id family; every other kind shares "agreement", so that
# "Getreideabkommen" and "grain initiative" between the same parties in the same year meet.
ID_FAMILIES = {"trade_agreement": "trade-agreement", "memorandum": "memorandum"}


def kind_word(kind: str, lang: str) -> str:
    """The word for an agreement kind in ``lang`` (English for other languages; an unknown kind as
    stored, underscores as spaces)."""
    return KIND_WORDS.get(lang, KIND_WORDS["en"]).get(kind, kind.replace("_", " "))


def agreement_label(kind: str, parties: Sequence[str], year: int | None, lang: str) -> str:
    """An agreement's label in ``lang``: "Treaty North Korea–Russia 2024" from its kind, the labels
    of its parties (in id order) and its year."""
    return f"{kind_word(kind, lang)} {'–'.join(parties)}" + (f" {year}" if year else "")


@cache
def agreement_terms(lang: str) -> tuple[tuple[str, str], ...]:
    """(word ending, kind) pairs of ``lang``, longest ending first."""
    rows = [(row[0], row[2]) for row in read_rows("agreement_terms.tsv") if row[1] == lang]
    return tuple(sorted(rows, key=lambda item: -len(item[0])))


@cache
def _term_index(lang: str) -> Affixes[str]:
    """``agreement_terms`` indexed by ending."""
    return Affixes(agreement_terms(lang), "end")


@lru_cache(maxsize=200_000)
def agreement_kind(word: str, lang: str) -> str | None:
    """The kind of agreement a token names ("Freihandelsabkommen" -> trade_agreement), or None."""
    if lang != "en" and not word[:1].isupper():
        return None
    lower = word.lower()
    forms = _genitive_stems(lower) if lang == "de" else (lower,)
    found = _term_index(lang).first(forms, lambda form, ending, kind: _ends_word(form, ending, lang))
    return None if found is None else found[2]


def _ends_word(form: str, ending: str, lang: str) -> bool:
    """``form`` ends in the term: German compounds end in it ("Freihandelsabkommen"), an English word is it
    or ends in it after a hyphen ("ideal" holds no "deal")."""
    if lang == "de":
        return form.endswith(ending)
    return form == ending or form.endswith("-" + ending)


def _genitive_stems(lower: str) -> tuple[str, ...]:
    """A German noun and the stems it may be the genitive of ("abkommens" -> "abkommen", "vertrages" -> "vertrag")."""
    stems = (lower, lower[:-1], lower[:-2]) if lower.endswith("es") else (lower, lower[:-1]) if lower.endswith("s") else (lower,)
    return stems


@cache
def agreement_cues(lang: str) -> dict[str, str]:
    """Cue word starts -> meaning ("status:planned", "party:between", "update")."""
    return {row[0]: row[2] for row in read_rows("agreement_cues.tsv") if row[1] == lang}


@lru_cache(maxsize=200_000)
def cue_of(word: str, lang: str) -> str | None:
    """The meaning of a cue word, matching inflected forms by their start ("geplante")."""
    lower = word.lower()
    for start, meaning in agreement_cues(lang).items():
        if lower == start or (len(start) > 4 and lower.startswith(start)):
            return meaning
    return None
