"""Recognising persons without a trained model.

A person name starts with a known given name ("Wladimir Putin") or follows a
role word ("Präsident Biden", "Ministerpräsident Pham Minh Chinh") and runs
over capitalised name tokens, hyphenated parts ("Jong-un") and particles
("von der Leyen").  A country adjective or genitive before the role tells
what the person leads ("der russische Präsident" -> leads country:RU).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.lang.de.stop_words import STOP_WORDS as DE_STOP
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
from spacy.tokens import Doc, Token

from pipelines.components.candidates import Candidate
from pipelines.keys import entity_id
from pipelines.knowledge.people import Role, first_names, multi_word_roles, role_for_word

PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "del", "bin", "al", "ibn", "el", "le", "la", "du", "dos", "ter"})
MONTHS = frozenset(
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember "
    "January February March May June July October December".split()
)
CALENDAR = MONTHS | frozenset(
    "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
MAX_NAME_WORDS = 4
_NAME_TOKEN = re.compile(r"^[A-ZÄÖÜÀ-ÖØ-Þ][\w'’.]*$")


@dataclass(frozen=True)
class RoleCue:
    """A role word before a name and what it tells about the person."""

    role: Role
    start: int  # first token of the role phrase (including a country adjective)
    leads: str  # entity id the role heads ("country:RU"), or ""


def is_name_token(token: Token, blocked: set[int]) -> bool:
    """A capitalised word that can be part of a person's name."""
    text = token.text
    return (
        token.i not in blocked
        and bool(_NAME_TOKEN.match(text))
        and len(text) > 1
        and text.lower() not in DE_STOP | EN_STOP
        and text not in CALENDAR
        and role_for_word(text, "de") is None
        and role_for_word(text, "en") is None
    )


def _name_end(doc: Doc, start: int, blocked: set[int]) -> int:
    """The end of the name that starts at ``start`` (exclusive token index)."""
    end, words = start + 1, 1
    while end < len(doc) and words < MAX_NAME_WORDS:
        if _hyphen_part(doc, end, blocked):
            end += 2
        elif is_name_token(doc[end], blocked):
            end, words = end + 1, words + 1
        elif _particle_run(doc, end, blocked):
            end = _particle_run(doc, end, blocked)
        else:
            break
    return end


def _hyphen_part(doc: Doc, i: int, blocked: set[int]) -> bool:
    """``doc[i]`` is a hyphen glued to the name on both sides ("Jong" "-" "un")."""
    return (
        i + 1 < len(doc)
        and doc[i].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i + 1].is_alpha
        and doc[i + 1].i not in blocked
    )


def _particle_run(doc: Doc, i: int, blocked: set[int]) -> int:
    """End of particles followed by a name token ("von der Leyen"), or 0."""
    j = i
    while j < len(doc) and doc[j].text in PARTICLES:
        j += 1
    if j > i and j < len(doc) and is_name_token(doc[j], blocked):
        return j + 1
    return 0


def role_before(doc: Doc, i: int, lang: str, owner_at: dict[int, str]) -> RoleCue | None:
    """The role phrase that ends right before token ``i``, if any."""
    for role in multi_word_roles(lang).get(doc[i - 1].text, []) if i > 0 else []:
        n = len(role.words)
        if i - n >= 0 and tuple(t.text for t in doc[i - n : i]) == role.words:
            return _with_country(role, i - n, owner_at, doc, i)
    single = role_for_word(doc[i - 1].text, lang) if i > 0 else None
    return _with_country(single, i - 1, owner_at, doc, i) if single else None


def _with_country(role: Role, start: int, owner_at: dict[int, str], doc: Doc, name_start: int) -> RoleCue:
    """Attach the country named by an adjective or hyphenated prefix before the role."""
    for j in (start - 1, start - 2):
        if j >= 0 and j in owner_at:
            return RoleCue(role, j, owner_at[j])
    return RoleCue(role, start, "")


def find_persons(doc: Doc, lang: str, blocked: set[int], owner_at: dict[int, str]) -> list[Candidate]:
    """Person candidates; ``blocked`` tokens belong to other entities already."""
    found: list[Candidate] = []
    given = first_names()
    i = 0
    while i < len(doc):
        cue = role_before(doc, i, lang, owner_at)
        opens = doc[i].text in given and i + 1 < len(doc) and (
            is_name_token(doc[i + 1], blocked) or _hyphen_part(doc, i + 1, blocked) or _particle_run(doc, i + 1, blocked) > 0
        )
        if is_name_token(doc[i], blocked) and (opens or cue):
            end = _name_end(doc, i, blocked)
            found.append(_person(doc, i, end, cue, opens))
            i = end
        else:
            i += 1
    return found


def _person(doc: Doc, start: int, end: int, cue: RoleCue | None, opens: bool) -> Candidate:
    label = doc[start:end].text
    attrs = {}
    if cue:
        attrs["role"] = " ".join(cue.role.words)
        if cue.role.leader and cue.leads:
            attrs["leads"] = cue.leads
    score = 0.9 if opens and cue else 0.8 if opens else 0.7
    return Candidate(start, end, "person", entity_id("person", label), label, "rule", score, "name", attrs)
