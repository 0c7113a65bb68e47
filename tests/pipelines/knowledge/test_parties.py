"""English nicknames of the parties of Party Facts (``pipelines.knowledge.parties``)."""

from __future__ import annotations

from pipelines.knowledge.parties import parties_by_nickname, plural_member


def test_parties_nickname_plural_of_a_party_family() -> None:
    nicknames = parties_by_nickname()
    assert "organization:liberal-party-of-canada" in {p.id for p in nicknames["Liberals"]}
    assert "organization:republican-party" in {p.id for p in nicknames["Republicans"]}
    assert "organization:labour" in {p.id for p in nicknames["Labour"]}


def test_parties_nickname_not_from_a_people_or_region() -> None:
    nicknames = parties_by_nickname()
    assert not {"Russians", "Croatians", "Bavarians"} & set(nicknames)


def test_parties_plural_member_follows_the_word_ending() -> None:
    assert [plural_member(w) for w in ("Democratic", "Liberal", "Green", "Socialist", "Reform")] == [
        "Democrats", "Liberals", "Greens", "Socialists", None,
    ]
