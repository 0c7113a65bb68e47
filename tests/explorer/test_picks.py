"""The pickers' short option lists: best matches first, the current choice kept, never more than asked."""

from __future__ import annotations

from explorer.data import Snapshot
from explorer.picks import entity_choices, title_choices

PUTIN = "person:wladimir-putin"


def test_entity_choices_ranks_an_exact_name_before_a_substring(snapshot: Snapshot) -> None:
    found = entity_choices(snapshot, "putin")
    assert found[0] == PUTIN  # a word of his name starts with it; "Sputnik" only contains it
    assert all("putin" in snapshot.entities.loc[i, "label"].casefold() or i == PUTIN for i in found)


def test_entity_choices_without_text_offers_the_most_mentioned(snapshot: Snapshot) -> None:
    found = entity_choices(snapshot, "", limit=5)
    mentions = snapshot.entities.loc[found, "mentions"].tolist()
    assert len(found) == 5 and mentions == sorted(mentions, reverse=True)
    assert mentions[-1] >= snapshot.entities["mentions"].nlargest(5).iloc[-1]


def test_entity_choices_keeps_the_current_choice_first_and_the_limit(snapshot: Snapshot) -> None:
    found = entity_choices(snapshot, "a", keep=["place:pyongyang", "nobody:here"], limit=4)
    assert found[0] == "place:pyongyang" and "nobody:here" not in found
    assert len(found) == 5 and len(set(found)) == 5


def test_entity_choices_folds_diacritics(snapshot: Snapshot) -> None:
    assert "person:to-lam" in entity_choices(snapshot, "to lam")


def test_title_choices_match_a_folded_part_of_the_title() -> None:
    titles = {"d1": "Ministerin besucht Tallinn", "d2": "Gipfel in Brüssel", "d3": "Brussels summit ends"}
    assert title_choices(titles, "brussel") == ["d2", "d3"]
    assert title_choices(titles, "BRÜSSEL", keep=["d1", "gone"]) == ["d1", "d2", "d3"]
    assert title_choices(titles, "", limit=2) == ["d1", "d2"]
