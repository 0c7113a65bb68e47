"""The question box's templates, German and English, answered from the sample snapshot."""

from __future__ import annotations

import pytest

from explorer.data import Snapshot
from explorer.question_dates import parse_day
from explorer.questions import EXAMPLES, MAX_LINES, answer, parse, resolve

PUTIN, KIM, BIDEN = "person:wladimir-putin", "person:kim-jong-un", "person:joe-biden"


def edges(snapshot: Snapshot, relations: set[str], source: str = "", target: str = "") -> set[str]:
    """The aggregated edge ids of these relations from source / to target, straight from the snapshot."""
    rows = snapshot.relations[snapshot.relations["relation"].isin(relations)]
    rows = rows[rows["source"] == source] if source else rows
    rows = rows[rows["target"] == target] if target else rows
    return set(rows["edge_id"])


def opened(question: str, snapshot: Snapshot) -> set[str]:
    found = answer(snapshot, question)
    assert found.understood and all(line.selection["kind"] == "edge" for line in found.lines)
    return {line.selection["id"] for line in found.lines}


@pytest.mark.parametrize("question", ["Who met Putin?", "who has met wladimir putin", "Wer traf Putin?",
                                      "Mit wem traf sich Putin?"])
def test_questions_who_met_lists_meetings_either_way(snapshot: Snapshot, question: str) -> None:
    wanted = edges(snapshot, {"meets"}, source=PUTIN) | edges(snapshot, {"meets"}, target=PUTIN)
    assert wanted and opened(question, snapshot) == wanted


@pytest.mark.parametrize("question", ["Where did Kim Jong-un travel?", "Wohin reiste Kim Jong-un?"])
def test_questions_where_travelled_lists_visits_and_journeys(snapshot: Snapshot, question: str) -> None:
    wanted = edges(snapshot, {"visits", "travels_to"}, source=KIM)
    assert wanted and opened(question, snapshot) == wanted


@pytest.mark.parametrize("question", ["Which agreements involve North Korea and Russia?",
                                      "Welche Abkommen betreffen Nordkorea und Russland?"])
def test_questions_agreements_of_two_parties_are_shared_ones(snapshot: Snapshot, question: str) -> None:
    of = {party: {e.split("|")[2] for e in edges(snapshot, {"party_to"}, source=party)} for party in ("country:KP", "country:RU")}
    shared = of["country:KP"] & of["country:RU"]
    assert shared and shared != of["country:RU"]
    assert opened(question, snapshot) == {f"country:KP|party_to|{agreement}" for agreement in shared}


@pytest.mark.parametrize("question", ["Which agreements involve Russia?", "Welche Abkommen betreffen Russland?"])
def test_questions_agreements_of_one_party(snapshot: Snapshot, question: str) -> None:
    wanted = edges(snapshot, {"party_to"}, source="country:RU")
    found = opened(question, snapshot)
    assert found <= wanted and len(found) == min(len(wanted), MAX_LINES)


@pytest.mark.parametrize("question", ["Who leads France?", "Wer führt Frankreich?", "wer regiert frankreich"])
def test_questions_who_leads_lists_leaders(snapshot: Snapshot, question: str) -> None:
    wanted = edges(snapshot, {"leader_of"}, target="country:FR")
    assert wanted and opened(question, snapshot) == wanted
    assert "Emmanuel Macron" in answer(snapshot, question).lines[0].text


@pytest.mark.parametrize("question", ["What links Putin and Biden?", "Was verbindet Putin und Biden?",
                                      "How is Putin connected to Biden?"])
def test_questions_what_links_walks_paths_from_one_to_the_other(snapshot: Snapshot, question: str) -> None:
    found = answer(snapshot, question)
    first = [line for line in found.lines if line.text.startswith("1. ")]
    assert first and "Wladimir Putin" in first[0].text and "Joe Biden" in first[-1].text
    assert {line.selection["id"] for line in found.lines} <= set(snapshot.relations["edge_id"])


@pytest.mark.parametrize(("question", "day"), [("What is new about Putin since 2024-06-01?", "2024-06-01"),
                                               ("Was gibt es Neues über Putin seit dem 1. Juni 2024?", "2024-06-01"),
                                               ("what's new about putin since June 2024", "2024-06-01")])
def test_questions_what_is_new_lists_edges_first_reported_since(snapshot: Snapshot, question: str, day: str) -> None:
    rows = snapshot.relations.merge(snapshot.documents[["id", "published"]], left_on="document_id", right_on="id")
    rows = rows[((rows["source"] == PUTIN) | (rows["target"] == PUTIN)) & (rows["relation"] != "co_mentioned")]
    first = rows[rows["published"] != ""].groupby("edge_id")["published"].min()
    wanted, older = set(first[first >= day].index), set(first[first < day].index)
    found = opened(question, snapshot)
    assert found and older and found <= wanted and not found & older
    assert len(found) == min(len(wanted), MAX_LINES)


def test_questions_answer_in_the_questions_language(snapshot: Snapshot) -> None:
    assert answer(snapshot, "Who leads France?").lines[0].text.endswith("(4 sentences)")
    assert answer(snapshot, "Wer führt Frankreich?").lines[0].text.endswith("(4 Sätze)")
    assert answer(snapshot, "Wer führt Frankreich?").heading.startswith("Wer ")


@pytest.mark.parametrize("question", ["What is the weather?", "Putin", "Erzähl mir was über Putin", ""])
def test_questions_unknown_question_gets_the_templates_not_a_guess(snapshot: Snapshot, question: str) -> None:
    found = answer(snapshot, question)
    assert not found.understood and not found.lines
    assert set(found.examples) == {*EXAMPLES["en"], *EXAMPLES["de"]}


def test_questions_unknown_name_and_unreadable_date_say_so(snapshot: Snapshot) -> None:
    nobody = answer(snapshot, "Who met Zorblax Quux?")
    assert nobody.understood and not nobody.lines and "zorblax quux" in nobody.heading
    undated = answer(snapshot, "What is new about Putin since yesterday?")
    assert not undated.lines and "yesterday" in undated.heading


def test_questions_resolve_prefers_exact_names_and_drops_articles(snapshot: Snapshot) -> None:
    assert resolve(snapshot, "Putin") == PUTIN
    assert resolve(snapshot, "the European Union") == resolve(snapshot, "European Union")
    assert snapshot.entities.loc[resolve(snapshot, "European Union"), "label"] == "European Union"


def test_questions_parse_reads_pairs_and_names_with_and(snapshot: Snapshot) -> None:
    parsed = parse("How are Putin and Biden linked?")
    assert parsed is not None and parsed.template.name == "links" and parsed.names == {"pair": "putin and biden"}
    assert answer(snapshot, "How are Putin and Biden linked?").heading == "What links Wladimir Putin and Joe Biden"


@pytest.mark.parametrize(("text", "day"), [("2024-05-01", "2024-05-01"), ("1.5.2024", "2024-05-01"),
                                           ("dem 1. Mai 2024", "2024-05-01"), ("May 1, 2024", "2024-05-01"),
                                           ("März 2024", "2024-03-01"), ("2024", "2024-01-01"),
                                           ("31.2.2024", ""), ("last week", "")])
def test_question_dates_parse_day(text: str, day: str) -> None:
    assert parse_day(text) == day
