// The graph's compact form (explorer/graph_component/wire.py) -> vis node and edge items, exactly
// as vis_payload made them.  Plain functions: frontend.js (appended after this) calls expandGraph.

// {nodes, edges, lines} -> {nodes: [...], edges: [...]}
function expandGraph(wire) {
  const nodes = expandItems(wire.nodes);
  const edges = expandItems(wire.edges);
  const ids = nodes.map((n) => n.id);
  const labels = new Map(nodes.map((n) => [n.id, n.label]));
  for (const e of edges) {
    if (typeof e.from === "number") e.from = ids[e.from];
    if (typeof e.to === "number") e.to = ids[e.to];
    if (e.id === undefined) e.id = `${e.from}|${e.relation}|${e.to}`;
  }
  const lines = wire.lines ?? [];
  addTitles(nodes, wire.nodes.title, (n, ref) => lineOf(lines, n, ref, null));
  addTitles(edges, wire.edges.title, (e, ref) => lineOf(lines, e, ref, labels));
  return { nodes, edges };
}

// {n, cols: {key: column}} -> n items; a column is {v: [...]} (dense) or {d, x: {index: value}}
// (sparse), its values indices into t when it has a table.  null: the item lacks the key.
function expandItems(part) {
  const items = Array.from({ length: part.n }, () => ({}));
  for (const [key, col] of Object.entries(part.cols)) {
    const value = col.t ? (v) => (v === null ? null : col.t[v]) : (v) => v;
    const set = (i, v) => { const real = value(v); if (real !== null) items[i][key] = real; };
    if (col.v) col.v.forEach((v, i) => set(i, v));
    else {
      if (col.d !== null) for (let i = 0; i < part.n; i++) set(i, col.d);
      for (const [i, v] of Object.entries(col.x)) { delete items[+i][key]; set(+i, v); }
    }
  }
  return items;
}

function addTitles(items, tips, line) {
  if (!tips) return;
  tips.forEach((tip, i) => { if (tip !== null) items[i].title = tip.map((ref) => line(items[i], ref)).join("\n"); });
}

// A line reference: an index into lines, "l" (the item's label), "i" (its id), or [k] for an edge's
// "A —name→ B" with name lines[k].
function lineOf(lines, item, ref, labels) {
  if (ref === "l") return item.label;
  if (ref === "i") return item.id;
  if (Array.isArray(ref)) return `${labels.get(item.from)} —${lines[ref[0]]}→ ${labels.get(item.to)}`;
  return lines[ref];
}
