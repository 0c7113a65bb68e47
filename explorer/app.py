"""Entente explorer: ``streamlit run explorer/app.py``.

Thin on purpose: data comes from ``explorer.data`` / ``explorer.queries`` (pure), the page from
``explorer.views``; this module wires them together, caches, and keeps the URL in step with the view.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # `streamlit run explorer/app.py` from anywhere

from explorer import change_marks, corroboration, timeline  # noqa: E402
from explorer import db as database  # noqa: E402
from explorer.backbone import NOTHING_KEPT, Keep, drawn_edges  # noqa: E402
from explorer.data import Snapshot, load_snapshot, sentence_text  # noqa: E402
from explorer.export_context import evidence_dates, export_evidence  # noqa: E402
from explorer.graph_component import data_signature, vis_payload  # noqa: E402
from explorer.graph_component.payload import label_fonts  # noqa: E402
from explorer.i18n import DEFAULT_LANGUAGE  # noqa: E402
from explorer.layout import layout_positions  # noqa: E402
from explorer.localize import StoredNames, localized, stored_names  # noqa: E402
from explorer.picks import entity_choices  # noqa: E402
from explorer.queries import Filters, View, compute_view, entity_card, explain_paths, facets, path_highlight, with_path  # noqa: E402
from explorer.questions import Answer, answer  # noqa: E402
from explorer.search import matching_ids  # noqa: E402
from explorer.state import (  # noqa: E402
    LIST_FIELDS,
    Known,
    Link,
    params_from_filters,
    params_from_language,
    params_from_look,
    params_from_selection,
    read_link,
)
from explorer.structure import Look, Styling, recolour, resize, styling  # noqa: E402
from explorer.summary import filter_summary  # noqa: E402
from explorer.text import inert  # noqa: E402
from explorer.views import ask, curation, details, exports, graph, paths, pick, sidebar, tables, upload, words  # noqa: E402
from explorer.views import changes as changes_view  # noqa: E402
from explorer.views import look as look_controls  # noqa: E402
from explorer.views import present as presentation  # noqa: E402
from explorer.views import timeline as timeline_view  # noqa: E402
from explorer.views.empty import nothing_matches  # noqa: E402
from explorer.views.words import tr  # noqa: E402
from pipelines.backends import Target, public_target  # noqa: E402
from pipelines.errors import EntenteError  # noqa: E402
from pipelines.store import Store  # noqa: E402

st.set_page_config(page_title="Entente", page_icon="🕸️", layout="wide")
PANEL_HEIGHT = 760  # the details panel, px: about the graph column's height
# Streamlit leaves 6rem above the page for its 3.75rem header; 3.5rem keeps the title clear of the
# Deploy button and brings the tabs under the graph into a 1000 px high window (style only: st.html
# sends it to the event container, so it takes no space)
PAGE_CSS = """<style>[data-testid="stMainBlockContainer"], .block-container { padding-top: 3.5rem; }</style>"""


@st.cache_resource
def open_store(path: str) -> Store:
    return Store.open(path)


@st.cache_resource(max_entries=2)
def stored_snapshot(path: str, data: str) -> tuple[Snapshot, StoredNames]:
    """The store as loaded (labels as first stored) and its name forms, once per data version."""
    store = open_store(path)
    return load_snapshot(store), stored_names(store)


@st.cache_resource(max_entries=4)
def snapshot(path: str, version: str) -> Snapshot:
    """The snapshot labelled in one language; ``version`` is ``"<data version>/<lang>"``."""
    data, _, lang = version.rpartition("/")
    return localized(*stored_snapshot(path, data), lang)


@st.cache_resource(max_entries=2)
def facets_of(path: str, version: str) -> dict[str, Any]:
    """The sidebar's choices, once per data version (read only)."""
    return facets(snapshot(path, version))


@st.cache_resource(max_entries=2)
def labels_of(path: str, version: str) -> dict[str, str]:
    """Entity labels by id, once per data version (read only)."""
    snap = snapshot(path, version)
    return dict(zip(snap.entities["id"], snap.entities["label"], strict=False))


@st.cache_resource(max_entries=2)
def known_of(path: str, data: str) -> Known:
    """What a link may name in this data (checked once per data version; labels do not matter)."""
    snap = stored_snapshot(path, data)[0]
    values = facets(snap)
    lists = {name: frozenset(values[name]) for name in LIST_FIELDS}
    return Known(lists, dict(zip(snap.entities["id"], snap.entities["label"], strict=False)),
                 frozenset(snap.relations["edge_id"].unique()), snap.resolve)


@st.cache_data(max_entries=64)
def view_of(path: str, version: str, filters: Filters) -> View:
    return compute_view(snapshot(path, version), filters)


def digest(*parts: Any) -> str:
    """A cache key for large tuples of plain values: Streamlit's own hashing walks them item by item
    (0.16 s for the 2,400 edge pairs of a synthetic view), their ``repr`` hashes in under 1 ms."""
    return hashlib.sha1(repr(parts).encode("utf-8")).hexdigest()


@st.cache_data(max_entries=64)
def positions_of(key: str, _node_ids: tuple[str, ...], _pairs: tuple[tuple[str, str], ...],
                 _sizes: tuple[float, ...]) -> dict[str, tuple[float, float]]:
    """``layout_positions``, cached by ``key`` = ``digest`` of the three other arguments (not hashed)."""
    return layout_positions(_node_ids, _pairs, sizes=dict(zip(_node_ids, _sizes, strict=True)))


@st.cache_data(max_entries=64)
def styling_of(key: str, _nodes: tuple[tuple[str, str, str, float], ...], _pairs: tuple[tuple[str, str], ...],
               chosen: Look, lang: str) -> Styling:
    """``structure.styling`` of (id, label, type, weight) rows, cached (by ``key`` = ``digest`` of the
    rows and pairs, which are not hashed): Louvain and PageRank run once per view."""
    return styling([{"id": i, "label": label, "type": kind, "weight": w} for i, label, kind, w in _nodes], _pairs, chosen, lang)


@st.cache_data(max_entries=256)
def choices_of(path: str, version: str, text: str, keep: tuple[str, ...]) -> list[str]:
    """``entity_choices``, cached: every rerun draws the focus and Connections pickers again (with
    nothing typed, each sorted the 5,000 entities of the synthetic store by mentions)."""
    return entity_choices(snapshot(path, version), text, keep)


def finder(path: str, version: str) -> pick.Find:
    """The entities a picker offers for a typed text and the current choice (``choices_of``)."""
    return lambda text, keep: choices_of(path, version, text, tuple(keep))


@st.cache_data(max_entries=32)
def answer_of(path: str, version: str, question: str) -> Answer:
    return answer(snapshot(path, version), question)


@st.cache_data(max_entries=16)
def paths_of(path: str, version: str, filters: Filters, a: str, b: str) -> list[list[dict[str, Any]]]:
    return explain_paths(snapshot(path, version), filters, a, b, k=3)


@st.cache_data(max_entries=32)
def timeline_of(path: str, version: str, filters: Filters, unit: str) -> timeline.Timeline:
    return timeline.timeline(snapshot(path, version), view_of(path, version, filters), unit)


@st.cache_data(max_entries=8)
def diff_of(path: str, version: str, choice: changes_view.Choice) -> dict[str, Any]:
    return change_marks.diff_of(snapshot(path, version), *choice)


def hidden_co_mentions(path: str, version: str, filters: Filters, view: View) -> int:
    """Co-mention edges the co_min_support rule hides from this view (0 when it hides none)."""
    if filters.hide_co_mentioned or filters.co_min_support <= max(filters.min_support, 1):
        return 0
    return view_of(path, version, replace(filters, co_min_support=1)).total_edges - view.total_edges


@dataclass(frozen=True)
class Drawn:
    """What the graph column shows for one view: the view (with the drawn path's entities), the
    co-mentions it hides, the path (hops, [] when none), the component's payload and signature, and
    the styling (for the legend, which says how many weaker connections the backbone hides)."""

    view: View
    hidden_co: int
    route: list[dict[str, Any]]
    payload: Any
    signature: str
    styled: Styling
    hidden_weak: int = 0


@st.cache_resource(max_entries=32)
def drawn_of(path: str, version: str, filters: Filters, chosen: Look, ends: tuple[str, str], height: int,
             new: frozenset[str] = frozenset(), selected: tuple[str, str] = ("", "")) -> Drawn:
    """The view drawn with the first path between ``ends`` (two entity ids picked under
    "Connections"), once per view: a rerun of the same view (a click, a tab, the card's "Show
    more") reuses it without copying or hashing the payload again.  Callers only read it.  ``new``:
    ids "What changed" marks; ``selected``: (kind, id) of the selection, whose edges the backbone keeps."""
    snap = snapshot(path, version)
    view = view_of(path, version, filters)
    found = paths_of(path, version, filters, *ends) if all(ends) and ends[0] != ends[1] else []
    route = found[0] if found else []
    drawn = with_path(snap, view, route) if route else view
    keep = Keep.of(snap.resolve(filters.focus) if filters.focus else "", selected, path_highlight(route)["edges"] if route else [])
    payload, styled, hidden = graph_payload(snap, drawn, filters, chosen, new, keep)
    nodes, edges, options = payload
    return Drawn(drawn, hidden_co_mentions(path, version, filters, view), route, payload,
                 data_signature(nodes, edges, options, height), styled, hidden)


def graph_payload(snap: Snapshot, view: View, filters: Filters, chosen: Look,
                  new: frozenset[str] = frozenset(), keep: Keep = NOTHING_KEPT) -> tuple[Any, Styling, int]:
    """vis nodes, edges and options: the view laid out along its plain backbone (so the positions stay
    when a click or "all" draws more edges; the hairball of all edges gives no shape), coloured and
    sized as ``chosen`` says (on all its edges), its edges thinned to the backbone unless
    ``chosen.edges`` is "all" (``keep``: what the backbone always draws), the focus, search
    matches and ``new`` ids ("What changed") marked, edge widths by ``weigh_by``; and the styling
    (for the legend, with how many edges are hidden); and that number."""
    pairs = tuple(zip(view.edges["source"], view.edges["target"], strict=True))
    rows = tuple(zip(view.nodes["id"], view.nodes["label"], view.nodes["type"], view.nodes["weight"].astype(float), strict=True))
    styled = styling_of(digest(rows, pairs), rows, pairs, replace(chosen, edges=Look.edges), words.current())
    thinned = drawn_edges(view.edges, chosen.edges, keep_nodes=keep.nodes, keep_edges=keep.edges, weigh_by=filters.weigh_by)
    spine = drawn_edges(view.edges, "backbone", weigh_by=filters.weigh_by).edges  # the same with all edges or a click
    ids, sizes = tuple(view.nodes["id"]), tuple(styled.sizes[n] for n in view.nodes["id"])
    spine_pairs = tuple(zip(spine["source"], spine["target"], strict=True))
    positions = positions_of(digest(ids, spine_pairs, sizes), ids, spine_pairs, sizes)
    matches = set(matching_ids(snap, filters.search)) & set(view.nodes["id"]) if filters.search else set()
    nodes, edges, options = vis_payload(view.nodes, thinned.edges, positions, focus=snap.resolve(filters.focus) if filters.focus else "",
                                        matches=matches, weigh_by=filters.weigh_by, new=new, lang=words.current())
    recolour(nodes, styled.colours)
    resize(nodes, styled.sizes)
    label_fonts(nodes)  # label placement follows the new sizes
    return (nodes, edges, options), graph.noting_hidden(styled, thinned.hidden), thinned.hidden


def ensure_database(db: Target) -> None:
    """Build the database from sample_data/ on first run, with visible progress."""
    if not database.needs_build(db):
        return
    total = max(1, database.sample_count())
    with st.status(tr("building", db=public_target(db)), expanded=True) as status:
        bar, done = st.progress(0.0), [0]

        def step(n: int) -> None:
            done[0] += n
            bar.progress(min(1.0, done[0] / total), text=tr("building_progress", done=done[0], total=total))

        report = database.build_from_samples(db, step)
        status.update(label=tr("built", n=report.new), state="complete", expanded=False)


def refresh() -> None:
    """After new articles: forget cached data so everything is recomputed from the store."""
    view_of.clear()
    drawn_of.clear()
    facets_of.clear()
    labels_of.clear()
    known_of.clear()
    snapshot.clear()
    stored_snapshot.clear()


def current_selection(link: Link, labels: dict[str, str]) -> dict[str, str] | None:
    chosen = st.session_state.get("selection") or link.selection
    return chosen if chosen and (chosen["kind"] == "edge" or chosen["id"] in labels) else None


def read_url(path: str, data: str) -> Link:
    """The URL's view, checked (its language taken on a session's first run); what was changed is
    said in one small line, in the page's language (known only once the link is read)."""
    params = {name: st.query_params.get_all(name) for name in st.query_params}
    link = read_link(params, known_of(path, data))
    words.seed(link.lang)
    if link.notices and words.current() != DEFAULT_LANGUAGE:
        link = read_link(params, known_of(path, data), words.current())
    if link.notices:
        shown = "; ".join(inert(notice) for notice in link.notices[:8])
        more = tr("link_adjusted_more", n=len(link.notices) - 8) if len(link.notices) > 8 else ""
        st.caption(tr("link_adjusted", notices=shown) + more)
    return link


def main() -> None:
    graph.preload()
    db = database.database_path()
    with st.container():  # the same place in the page with or without the build message: no graph remount
        ensure_database(db)
    path = str(db)
    store = open_store(path)
    data = database.data_version(store)
    link = read_url(path, data)
    version = f"{data}/{words.current()}"
    snap = snapshot(path, version)
    present = link.present
    labels = labels_of(path, version)
    sidebar.seed_from_url(link.filters)
    look_controls.seed_from_url(link.look)
    with st.sidebar:
        filters = sidebar.render(facets_of(path, version), labels, finder(path, version))
        chosen = look_controls.render()
        curation.rejected_list(store, labels)
        choice = changes_view.controls(facets_of(path, version))
    # the timeline spans the sidebar's dates; it is built only when shown or narrowing the graph
    whole = partial(timeline_of, path, version, filters, timeline_view.unit())
    timeline_shown = st.session_state.get("lower_tab") == tr("tab_timeline") and not present
    if timeline_shown or timeline_view.narrowed():
        filters = timeline_view.window_filters(filters, whole().periods)
    diff = diff_of(path, version, choice) if choice else None
    ends = (st.session_state.get("p_from") or "", st.session_state.get("p_to") or "")
    selection = graph.this_run_selection(current_selection(link, labels))
    drawn = drawn_of(path, version, filters, chosen, ends, 0 if present else 640,
                     change_marks.new_ids(diff) if diff else frozenset(), graph.kept_selection(selection, chosen))
    view, hidden_co, route, payload, styled = drawn.view, drawn.hidden_co, drawn.route, drawn.payload, drawn.styled
    if present:
        presentation.header("Entente", filter_summary(filters, labels, (len(view.nodes), view.total_nodes, len(payload[1])),
                                                       words.current()))
    else:
        st.html(PAGE_CSS)
        st.title("Entente")
    left, right = st.columns([3, 1] if present else [2, 1])
    with left:
        if view.nodes.empty:
            st.warning(nothing_matches(filters, snap.entities.empty))
        clicked = graph.render(payload, view, selection, height=0 if present else 640, png_request=st.session_state.get("png", 0),
                               hidden_co=hidden_co, highlight=path_highlight(route) if route else None, styling=styled,
                               present=present, signature=drawn.signature, vis_sent=True, hidden_weak=drawn.hidden_weak)
        new_top = filters.top_n if present else graph.size_controls(view, filters.top_n, hidden_co)
        if not present and not timeline_shown and timeline_view.narrowed():
            timeline_view.narrowed_note(whole())
        if diff and not present:
            changes_view.render(diff, labels)
    if clicked != st.session_state.get("last_click"):
        st.session_state["last_click"] = clicked
        selection = clicked
    if new_top != filters.top_n:
        st.session_state[sidebar.PREFIX + "top_n"] = new_top
        st.rerun()
    # the details scroll on their own in a panel of fixed height, so the tabs below never move
    with right, st.container(key=presentation.DETAILS_KEY if present else None, height="content" if present else PANEL_HEIGHT, border=False):
        show_selection(store, snap, selection, labels, finder(path, version), curate=not present)
    st.session_state["selection"] = selection
    if not present:
        picked = lower_tabs(path, version, db, snap, view, filters, payload, labels, styled, whole)
        if picked != st.session_state.get("last_pick"):
            st.session_state["last_pick"] = picked
            if picked:
                st.session_state["selection"] = picked
                st.rerun()
    sync_url(filters, st.session_state["selection"], present, chosen)


@st.fragment
def show_selection(store: Store, snap: Snapshot, selection: dict[str, str] | None, labels: dict[str, str],
                   find: pick.Find, curate: bool = True) -> None:
    """The selected entity's or relation's card; with ``curate``, its curation controls above it
    (``find``: the entities "Merge with…" offers for a typed text).

    A fragment: "Show 20 more articles" and the curation inputs rerun only the card, not the page
    (a decision still reruns the page: it changes the graph)."""
    if not selection:
        st.info(tr("click_hint"))
    elif selection["kind"] == "node":
        card = entity_card(snap, selection["id"])
        if curate:
            curation.entity_panel(store, card, labels, find)
        details.entity(store, card, corroboration.entity_summary(snap, card["id"]) if card else None)
    else:
        if curate:
            curation.relation_panel(store, selection["id"], labels)
        details.relation(store, selection["id"], labels, corroboration.edge_summary(snap, selection["id"]))


def lower_tabs(path: str, version: str, db: Target, snap: Snapshot, view: View, filters: Filters, payload: Any, labels: dict[str, str],
               styled: Styling, whole: Callable[[], timeline.Timeline]) -> dict[str, str] | None:
    """Paths, timeline, tables, uploads, exports and questions; returns a selection made in a table.

    Each tab's content is built only while the tab is open (a tab click reruns the page): the
    relations table of a large view alone is a few hundred KB that every rerun would resend, and
    every widget in a closed tab is still sent and drawn.  What must outlive a closed tab is kept
    outside its widgets: the Connections picks (``p_from``/``p_to``, which draw the path), the
    question; an upload running in the background keeps its tab's polling alive.
    """
    tab_paths, tab_time, tab_entities, tab_relations, tab_add, tab_export, tab_ask = st.tabs(
        [tr(f"tab_{name}") for name in ("connections", "timeline", "entities", "relations", "add", "export", "ask")],
        key="lower_tab", on_change="rerun")
    if tab_paths.open:
        with tab_paths:
            paths.render(lambda a, b: paths_of(path, version, filters, a, b), labels, finder(path, version),
                         lambda hop: sentence_text(open_store(path), hop["document_id"], hop["sentence"]))
    if tab_time.open:
        with tab_time:
            timeline_view.render(whole())
    picked = None
    if tab_entities.open:
        with tab_entities:
            picked = tables.entities(view)
    if tab_relations.open:
        with tab_relations:
            picked = tables.relations(view, labels)
    if tab_add.open or upload.running():
        with tab_add:
            upload.render(db, refresh)
    if tab_export.open:
        with tab_export:
            presentation.enter_button()
            nodes, edges, _ = payload
            shown = graph.picture_legend({str(n.get("mark")) for n in nodes}, False, styled.legend, styled.note)
            if exports.render(payload, tr("export_title"), shown,
                              partial(export_evidence, open_store(path), nodes, edges, labels, words.current()),
                              partial(evidence_dates, snap, [n["id"] for n in nodes], [e["id"] for e in edges])):
                st.session_state["png"] = st.session_state.get("png", 0) + 1
                st.rerun()
    if tab_ask.open:
        with tab_ask:
            ask.render(lambda question: answer_of(path, version, question), lambda line: details.relation(open_store(path), line["id"], labels))
    return picked


def sync_url(filters: Filters, selection: dict[str, str] | None, present: bool, chosen: Look) -> None:
    """Keep the URL equal to the view, so copying it shares the view."""
    wanted = {**params_from_filters(filters), **params_from_selection(selection), **params_from_look(chosen),
              **({"present": "1"} if present else {}), **params_from_language(words.current())}
    if wanted != st.query_params.to_dict():
        st.query_params.from_dict(wanted)


try:
    main()
except EntenteError as error:  # a bad database path or file: say which and what to do, no traceback
    st.error(tr("cannot_open", error=error))
