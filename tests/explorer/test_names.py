"""Entity labels in the reader's language: gazetteer names first, then the articles' own forms."""

from __future__ import annotations

from explorer.data import Snapshot
from explorer.localize import StoredNames, gazetteer_name, localized, stored_names
from explorer.names import Form, choose_label, forms_by_entity, labels_for, most_written
from pipelines.store import Store

BEIJING = [Form("Beijing", "en", 5), Form("Peking", "de", 7)]


def test_choose_label_country_takes_the_gazetteer_name_over_the_stored_one() -> None:
    forms = [Form("Litauen", "de", 3), Form("Lithuania", "en", 1)]
    assert choose_label("country", "Litauen", forms, "Lithuania", "en") == "Lithuania"
    assert choose_label("country", "Lithuania", forms, "Litauen", "de") == "Litauen"


def test_choose_label_place_without_gazetteer_name_uses_the_form_written_in_that_language() -> None:
    assert choose_label("place", "Beijing", BEIJING, "", "de") == "Peking"
    assert choose_label("place", "Peking", BEIJING, "", "en") == "Beijing"  # fewer mentions, but English


def test_choose_label_place_without_a_form_in_that_language_takes_the_most_written_then_stored() -> None:
    assert choose_label("place", "Hải Phòng", [Form("Hai Phong", "de", 2), Form("Hải Phòng", "de", 1)], "", "en") == "Hai Phong"
    assert choose_label("organization", "KCNA", [], "", "de") == "KCNA"


def test_choose_label_person_is_the_most_written_form_whatever_the_language() -> None:
    forms = [Form("Wladimir Putin", "de", 9), Form("Vladimir Putin", "en", 8)]
    assert choose_label("person", "Vladimir Putin", forms, "", "en") == "Wladimir Putin"
    assert choose_label("person", "Wladimir Putin", forms, "Gazetteer Name", "de") == "Wladimir Putin"


def test_most_written_tie_goes_to_the_language_then_the_stored_label() -> None:
    tied = [Form("Sergej Lawrow", "de", 2), Form("Sergey Lavrov", "en", 2)]
    assert most_written(tied, "Sergej Lawrow", "en") == "Sergey Lavrov"
    assert most_written([Form("A B", "en", 1), Form("A. B", "en", 1)], "A. B", "en") == "A. B"
    assert most_written([Form("Never Written", "en", 0)], "x", "en") == ""


def test_choose_label_agreement_keeps_the_stored_label() -> None:
    assert choose_label("agreement", "Abkommen X–Y", [Form("Agreement X–Y", "en", 4)], "", "en") == "Abkommen X–Y"


def test_labels_for_asks_the_gazetteer_only_for_gazetteer_types() -> None:
    asked: list[str] = []

    def gazetteer(entity_id: str, entity_type: str, lang: str) -> str:
        asked.append(entity_id)
        return "Schweden" if entity_id == "country:SE" else ""

    rows = [("country:SE", "country", "Sweden"), ("person:x", "person", "X Y")]
    assert labels_for(rows, {"person:x": [Form("X Y", "en", 1)]}, gazetteer, "de") == ["Schweden", "X Y"]
    assert asked == ["country:SE"]


def test_forms_by_entity_groups_store_rows() -> None:
    found = forms_by_entity([("place:beijing", "Beijing", "en", 5), ("place:beijing", "Peking", "", 0)])
    assert found == {"place:beijing": [Form("Beijing", "en", 5), Form("Peking", "", 0)]}


def test_gazetteer_name_reads_cldr_and_the_curated_tables() -> None:
    assert gazetteer_name("country:LT", "country", "de") == "Litauen"
    assert gazetteer_name("country:LT", "country", "en") == "Lithuania"
    assert gazetteer_name("organization:european-union", "organization", "de") == "Europäische Union"
    assert gazetteer_name("place:black-sea", "place", "de") == "Schwarzes Meer"
    assert gazetteer_name("place:no-such-town", "place", "de") == ""  # not known: the articles decide
    assert gazetteer_name("country:XX", "country", "de") == ""


def test_localized_sample_labels_follow_the_language(store: Store, snapshot: Snapshot) -> None:
    names = stored_names(store)
    ids = ["country:LT", "country:DE", "organization:european-union", "place:beijing"]
    german, english = (localized(snapshot, names, lang).entities.loc[ids, "label"].tolist() for lang in ("de", "en"))
    assert german == ["Litauen", "Deutschland", "Europäische Union", "Peking"]
    assert english == ["Lithuania", "Germany", "European Union", "Beijing"]
    assert snapshot.entities.loc["country:LT", "label"] == "Litauen"  # the stored snapshot is left alone


def test_localized_keeps_a_curated_rename_in_every_language(store: Store, snapshot: Snapshot) -> None:
    names = stored_names(store)
    renamed = StoredNames(names.forms, frozenset({"country:LT"}))
    assert {localized(snapshot, renamed, lang).entities.at["country:LT", "label"] for lang in ("de", "en")} == {"Litauen"}
    assert localized(snapshot, names, "en").entities.at["country:LT", "label"] == "Lithuania"


def test_localized_agreement_labels_are_made_again_in_the_language(store: Store, snapshot: Snapshot) -> None:
    names = stored_names(store)
    treaty = "agreement:agreement-kp-ru-2024"  # stored from an English article: "Treaty North Korea–Russia 2024"
    assert localized(snapshot, names, "de").entities.at[treaty, "label"] == "Vertrag Nordkorea–Russland 2024"
    assert localized(snapshot, names, "en").entities.at[treaty, "label"] == "Treaty North Korea–Russia 2024"
    renamed = StoredNames(names.forms, frozenset({treaty}))
    assert localized(snapshot, renamed, "de").entities.at[treaty, "label"] == snapshot.entities.at[treaty, "label"]
