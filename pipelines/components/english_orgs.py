"""English organisations told by their words' class: a firm's or brand's name standing alone ("Siemens",
"Nokia"), as the English word clusters know it (class ``company`` in ``data/name_classes_en.tsv``).

A company word only names the company when it stands alone: beside another capitalised word it is part of
a longer name ("Disney Channel", "Walt Disney") that the name rules read as a whole, and after a title it
is a person's surname ("Mr Dillard").
"""

from __future__ import annotations

from pipelines.components.candidates import Candidate, rule_candidate
from pipelines.components.names import TITLES, free_name_word
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import WordTest, glued_to_next, glued_to_previous
from pipelines.knowledge.people import english_name_classes

# Words after which a company word is a person's surname ("Mr Dillard") or a place ("in Hollister").
NOT_BEFORE = TITLES | {"in", "near"}
COMPANY_WORDS = WordTest(lambda word: english_name_classes().get(word) == "company")


def company_names(tokens: Tokens, taken: set[int]) -> list[Candidate]:
    """An organisation for each company word on a free token (not in ``taken``) that stands alone."""
    return [
        rule_candidate(tokens, i, i + 1, "organization", {})
        for i in tokens.where(COMPANY_WORDS)
        if i not in taken and _alone(tokens, i, taken)
    ]


def _alone(tokens: Tokens, i: int, taken: set[int]) -> bool:
    """Token ``i`` has no capitalised name word nor an entity beside it, is glued by no hyphen to a word
    ("Sony-Quillon" is one name), and no title or preposition of place stands before it ("in Hollister")."""
    before, after = i - 1, i + 1
    return (
        not _beside(tokens, before, taken) and not _beside(tokens, after, taken)
        and not glued_to_next(tokens, i) and not glued_to_previous(tokens, i)
        and not (before >= 0 and tokens.words[before] in NOT_BEFORE)
    )


def _beside(tokens: Tokens, i: int, taken: set[int]) -> bool:
    """Token ``i`` is a capitalised name word or part of an entity (a longer name goes on there)."""
    return 0 <= i < len(tokens) and (i in taken or free_name_word(tokens, i, set()))
