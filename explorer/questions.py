"""The question box: a few question templates in German and English, answered from the Snapshot.

No language model and no guessing: a question either fits one of ``TEMPLATES`` (its names found with
the sidebar's search, ``explorer.search``) or the answer is the list of questions this box understands.
Every line of an answer names what opens its evidence: an aggregated edge (``{"kind": "edge", "id"}``),
as a click on the graph does.  Pure functions over the Snapshot, so tests need no Streamlit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

import pandas as pd

from explorer.data import Snapshot
from explorer.i18n import relation_name
from explorer.queries import Filters, explain_paths
from explorer.question_dates import parse_day
from explorer.search import fold, match_rank, matching_ids, search_keys

MAX_LINES = 12
CO_MENTIONED = "co_mentioned"
_ARTICLE = re.compile(r"^(?:the|der|die|das|dem|den)\s+", re.IGNORECASE)
_AND = re.compile(r"\s+(?:and|und|&)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    """One line of an answer and the edge whose evidence sentences it opens."""

    text: str
    selection: dict[str, str]


@dataclass(frozen=True)
class Answer:
    """What the box shows: a heading, the lines (at most ``MAX_LINES``, ``more`` left out) and
    whether the question was understood (if not, ``examples`` lists the questions that are)."""

    heading: str
    lines: tuple[Line, ...] = ()
    understood: bool = True
    more: int = 0
    examples: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Query:
    """What an answer function gets: the entity ids named, the day (ISO, "" without one) and the
    question's language (for the notes on each line)."""

    ids: list[str]
    day: str = ""
    lang: str = "en"


@dataclass(frozen=True)
class Template:
    """A kind of question: its phrasings per language ({x}, {y}: names, {pair}: "X and Y", {names}:
    one or two names, {date}: a day), the heading of its answer per language (with the same
    placeholders, names as labels), and the function that answers it."""

    name: str
    phrasings: dict[str, tuple[str, ...]]
    headings: dict[str, str]
    answer: Callable[[Snapshot, Query], list[Line]]


@dataclass(frozen=True)
class Parsed:
    """A question that fits a template: the template, its language, the name texts by placeholder
    (folded, in question order) and the date text (None when the template takes no date)."""

    template: Template
    lang: str
    names: dict[str, str]
    date: str | None = None


# -- answers ------------------------------------------------------------------------------------


def edge_line(snapshot: Snapshot, row: pd.Series, note: str = "", lang: str = "en") -> Line:
    """"A — relation → B" (with a note; the relation named in ``lang``), opening the edge's evidence."""
    labels = snapshot.entities["label"]
    text = f"{labels.get(row['source'], row['source'])} — {relation_name(lang, str(row['relation']))} → " \
           f"{labels.get(row['target'], row['target'])}"
    return Line(text + (f" ({note})" if note else ""), {"kind": "edge", "id": str(row["edge_id"])})


def edges_of(snapshot: Snapshot, relations: Sequence[str], source: str = "", target: str = "") -> pd.DataFrame:
    """One row per aggregated edge of these relations from ``source`` and/or to ``target``, with
    ``support`` (sentences), best supported first."""
    rows = snapshot.relations
    keep = rows["relation"].isin(relations)
    if source:
        keep &= rows["source"] == source
    if target:
        keep &= rows["target"] == target
    found = rows[keep]
    support = found["edge_id"].map(found["edge_id"].value_counts())
    edges = found.assign(support=support.to_numpy()).drop_duplicates("edge_id")
    return edges.sort_values(["support", "edge_id"], ascending=[False, True], ignore_index=True)


def lines_of(snapshot: Snapshot, edges: pd.DataFrame, lang: str) -> list[Line]:
    """A line per edge row, noting its number of sentences."""
    notes = NOTES[lang]
    return [edge_line(snapshot, row, notes["one"] if row["support"] == 1 else notes["many"].format(n=row["support"]), lang)
            for _, row in edges.iterrows()]


def who_met(snapshot: Snapshot, query: Query) -> list[Line]:
    """Meetings either way round (``meets`` is symmetric, its direction is the sentence's)."""
    entity = query.ids[0]
    edges = pd.concat([edges_of(snapshot, ["meets"], source=entity), edges_of(snapshot, ["meets"], target=entity)])
    return lines_of(snapshot, edges.sort_values(["support", "edge_id"], ascending=[False, True]), query.lang)


def where_travelled(snapshot: Snapshot, query: Query) -> list[Line]:
    return lines_of(snapshot, edges_of(snapshot, ["visits", "travels_to"], source=query.ids[0]), query.lang)


def agreements(snapshot: Snapshot, query: Query) -> list[Line]:
    """Agreements every named entity is party to; each line opens the first entity's party_to edge."""
    parties = [edges_of(snapshot, ["party_to"], source=entity) for entity in query.ids]
    shared = set(parties[0]["target"]).intersection(*(set(p["target"]) for p in parties[1:]))
    return lines_of(snapshot, parties[0][parties[0]["target"].isin(shared)], query.lang)


def who_leads(snapshot: Snapshot, query: Query) -> list[Line]:
    return lines_of(snapshot, edges_of(snapshot, ["leader_of"], target=query.ids[0]), query.lang)


def what_links(snapshot: Snapshot, query: Query) -> list[Line]:
    """The hops of up to three shortest paths (co-mentions included), in path order, each opening
    its edge; an arrow against the path's reading order shows a relation that points back."""
    lines = []
    paths = explain_paths(snapshot, Filters(co_min_support=1), query.ids[0], query.ids[1], k=3)
    for number, path in enumerate(paths, start=1):
        for hop in path:
            relation = relation_name(query.lang, str(hop["relation"]))
            arrow = f"— {relation} →" if hop.get("direction", "forward") == "forward" else f"← {relation} —"
            text = f"{number}. {hop['source_label']} {arrow} {hop['target_label']}"
            lines.append(Line(text, {"kind": "edge", "id": str(hop["edge_id"])}))
    return lines


def what_is_new(snapshot: Snapshot, query: Query) -> list[Line]:
    """Edges of the entity (co-mentions aside) first reported on or after the day, newest first."""
    rows, entity = snapshot.relations, query.ids[0]
    rows = rows[((rows["source"] == entity) | (rows["target"] == entity)) & (rows["relation"] != CO_MENTIONED)]
    published = rows["document_id"].map(snapshot.documents.set_index("id")["published"])
    first = published[published != ""].groupby(rows["edge_id"]).min()
    new = first[first >= query.day].sort_values(ascending=False)
    edges = rows.drop_duplicates("edge_id").set_index("edge_id", drop=False)
    return [edge_line(snapshot, edges.loc[edge], NOTES[query.lang]["first"].format(day=day), query.lang)
            for edge, day in new.items()]


TEMPLATES: tuple[Template, ...] = (
    Template("met", {
        "en": ("who met {x}", "who has met {x}", "who did {x} meet", "whom did {x} meet", "who meets {x}"),
        "de": ("wer traf {x}", "wer hat {x} getroffen", "wen traf {x}", "mit wem traf sich {x}", "wer trifft {x}"),
    }, {"en": "Who met {x}", "de": "Wer {x} traf"}, who_met),
    Template("travel", {
        "en": ("where did {x} travel to", "where did {x} travel", "where has {x} travelled", "where has {x} traveled",
               "where did {x} go"),
        "de": ("wohin reiste {x}", "wohin ist {x} gereist", "wohin reist {x}", "wo war {x}"),
    }, {"en": "Where {x} travelled", "de": "Wohin {x} reiste"}, where_travelled),
    Template("agreements", {
        "en": ("which agreements involve {names}", "what agreements involve {names}", "which treaties involve {names}"),
        "de": ("welche abkommen betreffen {names}", "welche Verträge betreffen {names}",
               "welche abkommen gibt es zwischen {names}"),
    }, {"en": "Agreements involving {names}", "de": "Abkommen mit {names}"}, agreements),
    Template("leads", {
        "en": ("who leads {x}", "who heads {x}", "who runs {x}", "who is the leader of {x}", "who is the head of {x}"),
        "de": ("wer führt {x}", "wer leitet {x}", "wer regiert {x}", "wer steht an der spitze von {x}"),
    }, {"en": "Who leads {x}", "de": "Wer {x} führt"}, who_leads),
    Template("links", {
        "en": ("what links {pair}", "what connects {pair}", "how are {pair} connected", "how are {pair} linked",
               "how is {x} connected to {y}"),
        "de": ("was verbindet {pair}", "wie sind {pair} verbunden", "wie hängen {pair} zusammen",
               "wie ist {x} mit {y} verbunden"),
    }, {"en": "What links {pair}", "de": "Was {pair} verbindet"}, what_links),
    Template("new", {
        "en": ("what is new about {x} since {date}", "what's new about {x} since {date}",
               "what is new with {x} since {date}", "what's new with {x} since {date}"),
        "de": ("was gibt es Neues über {x} seit {date}", "was gibt es neues zu {x} seit {date}",
               "was ist neu über {x} seit {date}", "was ist neu bei {x} seit {date}"),
    }, {"en": "New about {x} since {date}", "de": "Neu über {x} seit {date}"}, what_is_new),
)
EXAMPLES = {
    "en": ("Who met X?", "Where did X travel?", "Which agreements involve X (and Y)?", "Who leads X?",
           "What links X and Y?", "What is new about X since 2024-05-01?"),
    "de": ("Wer traf X?", "Wohin reiste X?", "Welche Abkommen betreffen X (und Y)?", "Wer führt X?",
           "Was verbindet X und Y?", "Was gibt es Neues über X seit dem 1. Mai 2024?"),
}


# -- parsing ------------------------------------------------------------------------------------


@cache
def _compiled(phrasing: str) -> re.Pattern[str]:
    """A phrasing as a regular expression over folded text; names match lazily, the date to the end."""
    parts = re.split(r"(\{\w+\})", fold(phrasing))
    body = "".join(f"(?P<{p[1:-1]}>.+?)" if p.startswith("{") else re.escape(p).replace(r"\ ", r"\s+") for p in parts)
    return re.compile(rf"\s*{body}\s*[?!.]*\s*")


def parse(question: str) -> Parsed | None:
    """The first template phrasing the whole question fits (case, accents and spacing ignored)."""
    text = fold(question.replace("’", "'"))
    for template in TEMPLATES:
        for lang, phrasings in template.phrasings.items():
            for phrasing in phrasings:
                found = _compiled(phrasing).fullmatch(text)
                if found:
                    groups = {name: value.strip() for name, value in found.groupdict().items()}
                    date = groups.pop("date", None)
                    return Parsed(template, lang, groups, date)
    return None


# -- names --------------------------------------------------------------------------------------


def resolve(snapshot: Snapshot, text: str) -> str:
    """The entity a name means, as the sidebar's search finds it: the best match (exact, then prefix,
    then word start, then anywhere) of the text or the text without a leading article, then the most
    mentioned.  "" when nothing matches."""
    keys, mentions = search_keys(snapshot), snapshot.entities["mentions"]
    found = [(match_rank(keys[i], fold(candidate)), -int(mentions[i]), str(i))
             for candidate in dict.fromkeys((text.strip(), _ARTICLE.sub("", text.strip()))) if candidate
             for i in matching_ids(snapshot, candidate)]
    return min(found)[2] if found else ""


def resolve_names(snapshot: Snapshot, text: str, count: Sequence[int]) -> list[str] | None:
    """``text`` as one name or as "X and Y" (``count``: the numbers of names allowed, in order of
    preference); a single name that is an exact match wins over splitting it.  None when no reading
    finds an entity for every name."""
    whole = resolve(snapshot, text)
    if 1 in count and whole and match_rank(search_keys(snapshot)[whole], fold(_ARTICLE.sub("", text))) == 0:
        return [whole]
    if 2 in count:
        for split in _AND.finditer(text):
            pair = [resolve(snapshot, text[: split.start()]), resolve(snapshot, text[split.end():])]
            if all(pair):
                return pair
    return [whole] if 1 in count and whole else None


def entity_ids(snapshot: Snapshot, parsed: Parsed) -> tuple[list[str], str]:
    """The entity ids of the question's names, or ([], the first name no entity answers to)."""
    ids: list[str] = []
    for group, text in parsed.names.items():
        found = resolve_names(snapshot, text, {"pair": (2,), "names": (1, 2)}.get(group, (1,)))
        if found is None:
            return [], text
        ids += found
    return ids, ""


# -- the answer ---------------------------------------------------------------------------------


def answer(snapshot: Snapshot, question: str) -> Answer:
    """The answer to a question; an unknown question gets the list of questions understood."""
    parsed = parse(question)
    if parsed is None:
        return Answer("", understood=False, examples=(*EXAMPLES["en"], *EXAMPLES["de"]))
    ids, missing = entity_ids(snapshot, parsed)
    if missing:
        return Answer(NO_ENTITY[parsed.lang].format(name=missing))
    day = parse_day(parsed.date) if parsed.date is not None else ""
    if parsed.date is not None and not day:
        return Answer(NO_DATE[parsed.lang].format(date=parsed.date))
    lines = parsed.template.answer(snapshot, Query(ids, day, parsed.lang))
    heading = _heading(snapshot, parsed, ids, day)
    if not lines:
        return Answer(heading + NOTHING[parsed.lang])
    return Answer(heading, tuple(lines[:MAX_LINES]), more=max(0, len(lines) - MAX_LINES))


def _heading(snapshot: Snapshot, parsed: Parsed, ids: list[str], day: str) -> str:
    labels = [str(snapshot.entities["label"].get(i, i)) for i in ids]
    joined = {"en": " and ", "de": " und "}[parsed.lang].join(labels)
    names = {"x": labels[0], "y": labels[-1], "pair": joined, "names": joined, "date": day}
    return parsed.template.headings[parsed.lang].format(**names)


NO_ENTITY = {"en": "No entity is called “{name}”. Try the sidebar's search for the name.",
             "de": "Keine Entität heißt „{name}“. Suchen Sie den Namen in der Seitenleiste."}
NO_DATE = {"en": "“{date}” is no date I can read: write it like 2024-05-01 or 1 May 2024.",
           "de": "„{date}“ ist kein lesbares Datum: schreiben Sie es etwa 2024-05-01 oder 1. Mai 2024."}
NOTES = {"en": {"one": "1 sentence", "many": "{n} sentences", "first": "first reported {day}"},
         "de": {"one": "1 Satz", "many": "{n} Sätze", "first": "zuerst berichtet am {day}"}}
NOTHING = {"en": ": nothing in the stored articles.", "de": ": nichts in den gespeicherten Artikeln."}
