"""Building pipelines: the offline default, and a trained pipeline used whenever one is installed."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import spacy

from pipelines import nlp as nlp_module
from pipelines.extract import extract
from pipelines.records import Article

PACKAGE_INIT = '''
from pathlib import Path
import spacy

def load(**overrides):
    return spacy.load(Path(__file__).parent / "pipeline", **overrides)
'''


def _install_trained_pipeline(root: Path) -> None:
    """A real spaCy pipeline package named like the German small model, with an NER-like component
    (an entity ruler stands in for the statistical model: both fill ``doc.ents``)."""
    trained = spacy.blank("de")
    ruler: Any = trained.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns([{"label": "PER", "pattern": "Xandor Zabelberger"}, {"label": "ORG", "pattern": "Tiefbaukontor"}])
    package = root / "de_core_news_sm"
    (package / "pipeline").mkdir(parents=True)
    trained.to_disk(package / "pipeline")
    (package / "__init__.py").write_text(PACKAGE_INIT, encoding="utf-8")


@pytest.fixture
def installed_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    _install_trained_pipeline(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    nlp_module.get_nlp.cache_clear()
    yield
    sys.modules.pop("de_core_news_sm", None)
    nlp_module.get_nlp.cache_clear()


def test_nlp_default_is_offline_blank_pipeline_with_kg_components() -> None:
    nlp = nlp_module.get_nlp("en")
    assert nlp_module.installed_pipeline("en") is None or nlp.meta.get("name") != "pipeline"
    assert [name for name in nlp.pipe_names if name.startswith("kg_")] == ["kg_paragraphs", "kg_entities", "kg_agreements", "kg_relations"]


def test_nlp_installed_trained_pipeline_is_used_and_merged(installed_model: None) -> None:
    assert nlp_module.installed_pipeline("de") == "de_core_news_sm"
    # "Xandor Zabelberger": a name that no lexicon of the rules knows, so only the model finds it.
    text = "Xandor Zabelberger vom Tiefbaukontor traf Bundeskanzler Olaf Scholz in Berlin."
    record = extract(Article(id="m", key="m", text=text, lang="de"))
    methods = {e.id: e.mentions[0].method for e in record.entities}
    assert methods["person:xandor-zabelberger"] == "model"
    assert methods["organization:tiefbaukontor"] == "model"
    assert methods["person:olaf-scholz"] == "rule" and methods["place:berlin"] == "gazetteer"


def test_nlp_unknown_language_falls_back_to_multilingual() -> None:
    nlp = nlp_module.get_nlp("zz")
    assert nlp.lang == "xx" and nlp.has_pipe("kg_entities")


def _numbered_articles(prefix: str) -> list[Article]:
    text = "Bundeskanzler Olaf Scholz traf {}{}x in Berlin."
    return [Article(id=str(i), key=str(i), text=text.format(prefix, i), lang="de") for i in range(50)]


def test_nlp_vocabulary_stops_growing_at_the_warm_up_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipelines.extract import extract_many

    nlp = nlp_module.get_nlp("de")
    articles = _numbered_articles("Wort")
    list(extract_many(articles[:1]))
    before = len(nlp.vocab.strings)
    monkeypatch.setitem(nlp_module._string_limits, nlp, before)  # the budget is spent
    records = list(extract_many(articles))
    assert len(nlp.vocab.strings) == before
    assert records[-1][1].text.endswith("Wort49x in Berlin.")


def test_nlp_vocabulary_keeps_words_within_the_warm_up_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipelines.extract import extract_many

    nlp = nlp_module.get_nlp("de")
    before = len(nlp.vocab.strings)
    monkeypatch.setitem(nlp_module._string_limits, nlp, before + 1_000)
    list(extract_many(_numbered_articles("Warm")))
    assert "Warm49x" in nlp.vocab.strings and len(nlp.vocab.strings) > before
