"""English agreement phrases: plural agreements with a list of partners, words that are verbs too, whole
words only."""

from __future__ import annotations

from tests.pipelines.components.test_recognition import ids, run


def test_english_agreements_plural_with_a_list_is_one_agreement_per_partner() -> None:
    text = ("Canada wants fewer crossings, the Canadian minister said. Canada is ready. "
            "Our deals with Chile and Peru already work, she added.")
    assert ids(run(text, "en"), "agreement") == {"agreement:agreement-ca-cl", "agreement:agreement-ca-pe"}


def test_english_agreements_verb_deals_names_no_agreement() -> None:
    assert ids(run("The ministry deals with Chile and Peru every week.", "en"), "agreement") == set()


def test_english_agreements_word_that_only_ends_in_a_term_is_none() -> None:
    assert ids(run("Chile and Peru agreed on one ideal: open trade.", "en"), "agreement") == set()
