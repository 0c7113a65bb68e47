"""A German page through AppTest: relation names, tooltips, cards, tables, the what-changed headline and
curation decisions in German, while URLs and the graph's data keep the stored English keys."""

from __future__ import annotations

import html
import re
from pathlib import Path

from explorer.i18n import DE, EN
from tests.explorer.test_app import app_db, graph_data, open_tab, param, run_app  # noqa: F401 -- app_db is a fixture

VISIT = "person:wladimir-putin|visits|country:KP"
# English relation names (and tooltip words) that differ from the German ones: none may show on a German page
ENGLISH = sorted({EN[key] for key in EN if key.startswith("rel_") and EN[key] != DE[key]}
                 | {"mentions", "sentences", "documents", "articles", "outlets", "texts", "languages", "seen", "single source"})


def english_in(text: str) -> list[str]:
    """The English words of ``ENGLISH`` in ``text`` (whole words only)."""
    return [word for word in ENGLISH if re.search(rf"\b{re.escape(word)}\b", text)]


def test_app_words_german_graph_has_german_relation_names_and_tooltips(app_db: Path) -> None:  # noqa: F811
    at = run_app(lang="de", top_n="300", co_min_support="1")
    data = graph_data(at)
    edges = {e["id"]: e for e in data["edges"]}
    assert edges[VISIT]["label"] == "besucht" and edges[VISIT]["relation"] == "visits"
    assert not [e["label"] for e in data["edges"] if english_in(e["label"])]
    assert not [e["title"] for e in data["edges"] if english_in(e["title"])]
    assert not [n["title"] for n in data["nodes"] if english_in(n["title"].split("\n", 1)[1])]  # the label is data
    assert "Wladimir Putin —besucht→ Nordkorea\n" in edges[VISIT]["title"]
    assert "besucht" in at.sidebar.multiselect(key="f_relations").options


def test_app_words_german_relation_card_and_table(app_db: Path) -> None:  # noqa: F811
    at = run_app(lang="de", edge=VISIT)
    assert at.subheader[0].value == "Wladimir Putin — besucht → Nordkorea"
    reach = next(c.value for c in at.caption if c.value.startswith("Berichterstattung"))
    assert "Medien" in reach and not english_in(reach)
    table = open_tab(at, "Beziehungen").dataframe[0].value
    assert "besucht" in set(table["relation"]) and not english_in(" ".join(table["relation"]))
    assert set(table["modality"]) <= {DE[key] for key in DE if key.startswith("mod_")}
    assert param(at, "edge") == VISIT  # the URL keeps the stored key


def test_app_words_german_what_changed_headline(app_db: Path) -> None:  # noqa: F811
    at = run_app(lang="de")
    at.sidebar.radio(key="c_mode").set_value("since the last ingest").run()
    title = next(e.label for e in at.expander if e.label.startswith("Was sich seit"))
    assert "neue Entitäten" in title and "verschwunden" in title and not english_in(title)


def test_app_words_german_curation_decision_is_said_in_german(app_db: Path) -> None:  # noqa: F811
    edge = "person:javier-milei|leader_of|country:PY"
    at = run_app(lang="de", edge=edge)
    next(b for b in at.button if b.label == "Diese Beziehung verwerfen").click().run()
    assert not at.exception
    said = [html.unescape(m.value) for m in at.sidebar.success]
    assert said == ["Entscheidung 1: Beziehung Javier Milei (person:javier-milei) —leitet→ Paraguay (country:PY) verworfen"]


def test_app_words_german_link_notice(app_db: Path) -> None:  # noqa: F811
    at = run_app(lang="de", hops="99", weird="1")
    notice = next(html.unescape(c.value) for c in at.caption if c.value.startswith("⚠️"))
    assert notice == "⚠️ Dieser Link wurde angepasst: unbekannter Parameter weird ignoriert; hops=99 liegt außerhalb von 1–3: 3 gilt"
