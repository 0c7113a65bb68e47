"""Structure at a glance: what colours a node (its type or its community) and what sizes it
(mentions, degree or PageRank), and the legend that says so.

Pure functions over plain ids and pairs, so the app, the exports and the tests share them.
Communities are networkx's Louvain on the view as drawn (undirected, weighted by the number of
relations between two entities) with a fixed seed, so the same view always gets the same colours;
they are numbered largest first and named after their most mentioned member.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from explorer.backbone import CHOICES as EDGE_CHOICES
from explorer.graph_component.payload import NODE_SIZE, OTHER_COLOR, TYPE_COLORS, scaled
from explorer.i18n import DEFAULT_LANGUAGE, translate, type_name

COLOURINGS = ("type", "community")
SIZINGS = ("mentions", "degree", "pagerank")
SEED = 7  # Louvain is randomised: a fixed seed keeps a view's communities (and colours) stable
COMMUNITY_COLORS = (  # Tableau 20's strong half, then its light half: distinct on light and dark
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#a0cbe8", "#ffbe7d", "#8cd17d", "#b6992d", "#f1ce63", "#86bcb6", "#d37295",
)
SMALL_COMMUNITY_COLOR = "#bab0ac"  # communities beyond the palette (the smallest ones)
Pair = tuple[str, str]


@dataclass(frozen=True)
class Styling:
    """What a Look gives a view: vis radius and fill per node id, and the legend's (colour, text)
    entries and size note."""

    sizes: dict[str, float]
    colours: dict[str, str]
    legend: list[tuple[str, str]]
    note: str


@dataclass(frozen=True)
class Look:
    """How the graph is drawn: ``colour`` one of COLOURINGS, ``size`` one of SIZINGS, ``edges`` one
    of EDGE_CHOICES (the readable backbone or every edge, see ``explorer.backbone``)."""

    colour: str = "type"
    size: str = "mentions"
    edges: str = EDGE_CHOICES[0]


def communities(node_ids: Sequence[str], pairs: Iterable[Pair]) -> dict[str, int]:
    """Community number per node (0: the largest); a node without edges is a community of its own."""
    graph = nx.Graph()
    graph.add_nodes_from(node_ids)
    for a, b in pairs:
        if a != b and a in graph and b in graph:
            weight = graph.edges[a, b]["weight"] + 1 if graph.has_edge(a, b) else 1
            graph.add_edge(a, b, weight=weight)
    groups = nx.community.louvain_communities(graph, weight="weight", seed=SEED)
    ordered = sorted(groups, key=lambda group: (-len(group), min(group)))
    return {node: number for number, group in enumerate(ordered) for node in group}


def community_colour(number: int) -> str:
    """The colour of community ``number`` (the smallest ones share one grey)."""
    return COMMUNITY_COLORS[number] if 0 <= number < len(COMMUNITY_COLORS) else SMALL_COMMUNITY_COLOR


def node_measure(node_ids: Sequence[str], pairs: Iterable[Pair], mentions: Mapping[str, float],
                 how: str) -> dict[str, float]:
    """What sizes each node: its ``mentions``, its ``degree`` (distinct neighbours in the view) or
    its ``pagerank`` (on the directed view; a relation's direction passes importance to its target)."""
    if how == "mentions":
        return {node: float(mentions.get(node, 0.0)) for node in node_ids}
    graph = nx.DiGraph()
    graph.add_nodes_from(node_ids)
    graph.add_edges_from((a, b) for a, b in pairs if a != b and a in graph and b in graph)
    if how == "degree":
        undirected = graph.to_undirected(as_view=True)
        return {node: float(undirected.degree(node)) for node in node_ids}
    if how == "pagerank":
        return {node: float(value) for node, value in nx.pagerank(graph).items()} if len(graph) else {}
    raise ValueError(f"unknown size measure {how!r}; choose one of: {', '.join(SIZINGS)}")


def recolour(nodes: list[dict[str, Any]], colours: Mapping[str, str]) -> None:
    """Give each vis node its new fill; a marked node (focus, search match) keeps its border."""
    for node in nodes:
        fill = colours.get(node["id"])
        if fill is None:
            continue
        if isinstance(node.get("color"), dict):
            colour = node["color"]
            colour["background"] = fill
            for state in ("highlight", "hover"):
                colour[state] = {**colour.get(state, {}), "background": fill}
        else:
            node["color"] = fill


def resize(nodes: list[dict[str, Any]], sizes: Mapping[str, float]) -> None:
    """Give each vis node its new radius."""
    for node in nodes:
        if node["id"] in sizes:
            node["size"] = sizes[node["id"]]


def community_legend(membership: Mapping[str, int], labels: Mapping[str, str],
                     mentions: Mapping[str, float], lang: str = DEFAULT_LANGUAGE) -> list[tuple[str, str]]:
    """(colour, text) per coloured community, named after its most mentioned member
    ("around Wladimir Putin (12)"); the small ones that share the grey in one entry. Texts in ``lang``."""
    members: dict[int, list[str]] = {}
    for node, number in membership.items():
        members.setdefault(number, []).append(node)
    entries = []
    for number in sorted(members):
        if number >= len(COMMUNITY_COLORS):
            rest = sum(len(members[n]) for n in members if n >= number)
            entries.append((SMALL_COMMUNITY_COLOR, translate(lang, "legend_small_communities", n=len(members) - number, members=rest)))
            break
        top = max(members[number], key=lambda node: (mentions.get(node, 0.0), node))
        entries.append((community_colour(number), translate(lang, "legend_around", name=labels.get(top, top), members=len(members[number]))))
    return entries


def size_note(how: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The legend's line on what the node size shows, in ``lang``."""
    measure = translate(lang, f"choice_{how}") if how in SIZINGS else how
    return translate(lang, "legend_size", measure=measure)


def styling(nodes: Sequence[Mapping[str, Any]], pairs: Sequence[Pair], look: Look,
            lang: str = DEFAULT_LANGUAGE) -> Styling:
    """The sizes, colours and legend ``look`` gives the view's ``nodes`` (rows with id, label,
    type, weight) and relation ``pairs``; legend texts in ``lang``."""
    ids = [str(node["id"]) for node in nodes]
    mentions = {str(node["id"]): float(node.get("weight") or 0) for node in nodes}
    values = node_measure(ids, pairs, mentions, look.size)
    top = max(values.values(), default=0.0)
    sizes = {node: scaled(value, top, NODE_SIZE) for node, value in values.items()}
    if look.colour == "community":
        membership = communities(ids, pairs)
        labels = {str(node["id"]): str(node.get("label") or node["id"]) for node in nodes}
        colours = {node: community_colour(number) for node, number in membership.items()}
        return Styling(sizes, colours, community_legend(membership, labels, mentions, lang), size_note(look.size, lang))
    types = {str(node.get("type") or "") for node in nodes}
    legend = [(colour, type_name(lang, kind)) for kind, colour in TYPE_COLORS.items()]
    legend += [(OTHER_COLOR, translate(lang, "legend_other"))] if types - set(TYPE_COLORS) else []
    return Styling(sizes, {}, legend, size_note(look.size, lang))
