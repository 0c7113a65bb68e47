"""A store the explorer must not trust: bad dates, Markdown and HTML in every text, damaged rows.

Built with the store's own API (no NLP: the extraction records are written here by hand), then
damaged with plain SQL the way an older version, another tool or a broken disk could leave it.
Used by the AppTest tests and the browser tests.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pipelines.records import Article, Entity, Extraction, Mention, Relation, Sentence
from pipelines.store import Store

IMAGE_URL = "http://example.invalid/a.png"
TITLE = f"![x]({IMAGE_URL}) **bold** <script>window.__xss=1</script>"
SOURCE = "*Agentur* <img src=x onerror=window.__xss=2>"
BAD_NAME = "**Fett** Mann"
BAD_DATES = ("19.06.2024", "Wed, 19 Jun 2024 10:00:00 GMT", "2024-02-30")
GOOD_DATE = "2024-06-18"
PERSON = "person:fett-mann"
PLACE = "place:bildstadt"
WEAPON = "weapon:wunderwaffe"
EDGE = f"{PERSON}|visits|{PLACE}"


def _record(number: int, title: str, published: str) -> tuple[Article, Extraction]:
    """One article: the person visits the place, and a thing of an unknown type is named."""
    text = f"{BAD_NAME} besuchte am Montag Bildstadt und sprach dort lange. Die Wunderwaffe {number} blieb geheim."
    person, place = text.index(BAD_NAME), text.index("Bildstadt")
    thing = text.index("Wunderwaffe")
    split = text.index("lange.") + len("lange.")
    mentions = {
        PERSON: (Mention(person, person + len(BAD_NAME), BAD_NAME, 0, "rule", 0.9),),
        PLACE: (Mention(place, place + 9, "Bildstadt", 0, "gazetteer", 0.9),),
        WEAPON: (Mention(thing, thing + 11, "Wunderwaffe", 1, "rule", 0.5),),
    }
    entities = (Entity(PERSON, "person", BAD_NAME, {}, mentions[PERSON]),
                Entity(PLACE, "place", "Bildstadt", {"country": "DE"}, mentions[PLACE]),
                Entity(WEAPON, "weapon", "Wunderwaffe", {}, mentions[WEAPON]))
    relation = Relation(PERSON, "visits", PLACE, 0, text[:split], "reported", 0.8)
    key = f"hostile-{number}.txt"
    record = Extraction(key, "de", title, text, (Sentence(0, split), Sentence(split + 1, len(text))),
                        entities, (relation,), published, SOURCE, "javascript:alert(1)")
    article = Article(key, key, text, "de", title, published, SOURCE, "javascript:alert(1)")
    return article, record


def build_hostile_store(db: Path, damaged: bool = True) -> Path:
    """A SQLite store at ``db``: one article per bad date and one dated well, every text hostile
    (one title empty); when ``damaged``, also broken attrs JSON and a score that is no number."""
    dates = (*BAD_DATES, GOOD_DATE)
    items = [_record(number, TITLE if number else "", published) for number, published in enumerate(dates)]
    with Store.open(db) as store:
        store.save_batch(items)
    if not damaged:
        return db
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE entities SET attrs = '{broken' WHERE id = ?", (PLACE,))
        connection.execute("UPDATE relations SET score = 'abc'")
    return db
