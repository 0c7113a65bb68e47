"""Firms and brands in German text named by a word the German word classes do not know.

A company's or brand's name is the same in any language ("Samsung", "Intel"): the English word clusters'
``company`` class (``data/name_classes_en.tsv``) knows many that the German clusters never saw. Such a word
names an organisation in German text when the German classes hold it in no class at all (a German noun, given,
family or place name there keeps its meaning: German nouns are capitalised too), no title precedes it and it
stands alone, not inside a longer capitalised name or a hyphenated compound ("Samsung-Konsole" is no mention of
the firm here). Registered in ``german_registry``.

The same clusters tell the everyday abbreviations ("GP", "FB", "ABC": class ``abbreviation``) that the acronym
rule (``german_rules.acronym_candidates``) must not take for an organisation when they stand alone."""

from __future__ import annotations

from pipelines.components.candidates import Candidate, rule_candidate
from pipelines.components.names import is_name_word
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import glued_to_next, glued_to_previous
from pipelines.knowledge.offices import office_meaning
from pipelines.knowledge.people import english_name_classes, name_classes, role_for_word
from pipelines.knowledge.tables import not_names

# Words after which a noun heads a longer name or is a common noun ("Bündnis zur …", "Bündnis der Staaten").
LINKS = frozenset({"für", "zur", "zum", "der", "des", "von", "gegen"})


def english_company_cue(word: str) -> bool:
    """``word`` is a firm's or brand's name to the English clusters and unknown to the German ones."""
    return (
        english_name_classes().get(word) == "company" and name_classes().get(word) is None
        and word not in not_names() and role_for_word(word, "de") is None and office_meaning(word, "de") is None
    )


def english_company_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """An organisation at each cue word that no other entity holds and that stands alone."""
    return [rule_candidate(tokens, i, i + 1, "organization", {}) for i in hits if i not in blocked and _alone(tokens, i)]


def _alone(tokens: Tokens, i: int) -> bool:
    """Token ``i`` is no part of a hyphenated compound, has no name word after it (a longer name goes on
    there: "Intel Core") nor a purpose or genitive ("Bündnis für …": a common noun heads a name there),
    and no capitalised word before it but one opening the sentence ("Jäger Intel", "Herr Samsung")."""
    after = i + 1 < len(tokens) and (is_name_word(tokens.words[i + 1], "de") or tokens.words[i + 1] in LINKS)
    return not (after or _capitalised_before(tokens, i) or glued_to_next(tokens, i) or glued_to_previous(tokens, i))


def _capitalised_before(tokens: Tokens, i: int) -> bool:
    """A capitalised word that does not open the sentence stands right before token ``i``."""
    k = i - 1
    return k >= 0 and tokens.words[k][:1].isupper() and k != tokens.sents[tokens.sent_of[k]][0]


SHORT_ABBREVIATION = 3


def everyday_abbreviation(word: str) -> bool:
    """A short word in capitals that the English clusters place with common words, not with organisations
    ("GP", "ABC"), and that the German clusters do not know as an organisation's."""
    return len(word) <= SHORT_ABBREVIATION and english_name_classes().get(word) == "abbreviation" and name_classes().get(word) is None
