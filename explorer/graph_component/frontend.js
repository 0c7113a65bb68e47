// Entente graph component (Streamlit components v2). Appended after the vis-network UMD
// bundle, which (evaluated as a module, where `this` is undefined) sets globalThis.vis.
//
// Streamlit calls the default export again on every data or theme change WITHOUT running
// the previous cleanup (that only runs on unmount), so each mount point keeps one Network
// and swaps its data only when the Python-side signature changes.

const MOUNTS = new WeakMap();  // parentElement -> mount state
const DIM_ALPHA = 0.14;          // what is left of a dimmed node or edge
const PATH_COLOR = "#d62728";    // the connection path's edges
const PATH_EXTRA_WIDTH = 3;
const SHOWN_LABEL_PX = 14;       // = scaling.label.drawThreshold: emphasised labels show at any zoom
const MAX_LABEL_PX = 16;         // = scaling.label.maxVisible, which vis-network 9.1.2 does not apply
const FIT_PAD_PX = 24;
const DATA_LOOK = "data";        // an item as the data drew it (see dataLooks)
const DEFAULT_TEXT = "#31333f";
const LABEL_CHAR_EM = 0.58;      // explorer/labels.py CHAR_EM and LINE_EM: the same label box model
const LABEL_LINE_EM = 1.3;
const PNG_SCALE = 2;             // the PNG export: twice the canvas's CSS pixels
const FILL_GAP_PX = 12;          // height <= 0 fills the window down to this gap (presentation mode)
const MIN_FILL_PX = 240;  // Streamlit's light text colour, until the theme is read           // free screen pixels around the nodes when fitting (more below, for labels)

const WAITING = new WeakMap();  // parentElement -> the newest call made before vis-network was there

// vis-network comes from the "_vis" loader component (explorer/graph_component/__init__.py), whose
// module may run after this one: until it has, keep the newest call and try again next frame.
export default function (component) {
  if (!globalThis.vis) return waitForVis(component);
  return render(component);
}

function waitForVis(component) {
  const waiting = WAITING.has(component.parentElement);
  WAITING.set(component.parentElement, component);
  if (!waiting) requestAnimationFrame(function retry() {
    if (!globalThis.vis) { requestAnimationFrame(retry); return; }
    const newest = WAITING.get(component.parentElement);
    WAITING.delete(component.parentElement);
    render(newest);
  });
  return () => {  // unmounted: forget the waiting call, or take down what it drew meanwhile
    WAITING.delete(component.parentElement);
    const m = MOUNTS.get(component.parentElement);
    if (m) unmount(component.parentElement, m);
  };
}

function render(component) {
  const { data, parentElement, setStateValue } = component;
  const m = MOUNTS.get(parentElement) || mount(parentElement, data);
  m.setStateValue = setStateValue;  // the latest closure knows the current widget value
  m.legend = data.legend ?? [];
  applyTheme(m);  // before a swap, whose options then carry the theme: one pass over the new items, not two
  const swapped = m.sig !== data.sig;
  if (swapped) swapData(m, data);
  else if (m.fill) fillWindow(m);  // what stands above the canvas may have changed height
  applySelection(m, data.selected ?? null, swapped);
  m.el.dataset.selected = JSON.stringify(data.selected ?? null);  // for tests: this run's selection
  applyPath(m, data.highlight ?? null, swapped);
  requestPng(m, data.png_request ?? 0);
  applyTexts(m, data.texts ?? {});
  return () => unmount(parentElement, m);
}

function mount(root, data) {
  const el = document.createElement("div");
  el.className = "kg-canvas";
  el.dataset.drawn = "0";
  root.appendChild(el);
  const net = new globalThis.vis.Network(el, { nodes: [], edges: [] }, {});
  const m = { el, net, key: data.key, sig: null, theme: null, bg: "#ffffff", fg: null,
              pending: false, t0: 0, passed: undefined, shown: "null", png: data.png_request ?? 0,
              setStateValue: null, items: null, looks: new Map(), path: { nodes: [], edges: [] },
              pathSig: undefined, dragged: loadDragged(data.key) };
  m.tools = toolbar(el, m);
  net.on("click", (params) => onClick(m, params));
  net.on("beforeDrawing", () => capLabels(m));
  net.on("afterDrawing", () => onDrawn(m));
  net.on("dragEnd", (params) => onDragEnd(m, params));
  net.on("zoom", () => emphasise(m));
  m.onResize = () => { if (m.fill) fillWindow(m); };
  window.addEventListener("resize", m.onResize);
  MOUNTS.set(root, m);
  (window.__kg ||= {})[m.key] = net;  // test hook
  return m;
}

function unmount(root, m) {
  window.removeEventListener("resize", m.onResize);
  m.net.destroy();
  m.el.remove();
  m.tools.remove();
  MOUNTS.delete(root);
  if (window.__kg && window.__kg[m.key] === m.net) delete window.__kg[m.key];
}

// New data of the same nodes (a click that draws the clicked node's hidden edges too, "Show all
// connections") keeps the reader's zoom and pan; other data is framed whole.
function swapData(m, data) {
  const graph = expandGraph(data.graph);  // wire.js
  const nodes = graph.nodes.map((n) => (m.dragged[n.id] ? { ...n, ...m.dragged[n.id] } : n));
  const keepView = sameNodes(m, nodes) && m.height === data.height;
  const view = keepView ? { position: m.net.getViewPosition(), scale: m.net.getScale() } : null;
  m.height = data.height;
  m.fill = !(data.height > 0);
  if (m.fill) fillWindow(m, false);
  else m.el.style.height = `${data.height}px`;
  m.el.dataset.drawn = "0";
  m.pending = false;  // only a draw of THIS data counts as drawn
  m.t0 = performance.now();
  m.net.setData({ nodes: [], edges: [] });  // the options below then pass over no old items
  m.net.setOptions(themed(m, data.options || {}));
  m.items = { nodes: new Map(nodes.map((n) => [n.id, n])), edges: new Map(graph.edges.map((e) => [e.id, e])),
              edgeColor: data.options?.edges?.color ?? {} };
  m.looks = dataLooks(m);
  m.net.setData({ nodes: new globalThis.vis.DataSet(nodes),
                  edges: new globalThis.vis.DataSet(graph.edges) });
  if (view) m.net.moveTo({ ...view, animation: false });
  else fitNodes(m, null, false);  // positions come from the server: frame them all
  m.sig = data.sig;
  m.pending = true;
}

// The data's options with the theme's label colours (canvas text ignores CSS), so that no second
// setOptions has to pass over every item again after the swap.
function themed(m, options) {
  if (!m.fg) return options;
  const font = { color: m.fg, strokeColor: m.bg };
  return { ...options, nodes: { ...options.nodes, font: { ...options.nodes?.font, ...font } },
           edges: { ...options.edges, font: { ...options.edges?.font, ...font } } };
}

function sameNodes(m, nodes) {
  return !!m.items && m.items.nodes.size === nodes.length
    && nodes.every((n) => { const old = m.items.nodes.get(n.id); return old && old.x === n.x && old.y === n.y; });
}

// First draw of each data set: flag it for tests and the benchmark
// (__kgDrawn: ms since navigation start; __kgDrawMs: setData to drawn).
function onDrawn(m) {
  if (!m.pending) return;
  m.pending = false;
  const now = performance.now();
  m.el.dataset.drawn = "1";
  m.el.dataset.sig = m.sig;
  (window.__kgDrawn ||= {})[m.key] = now;
  (window.__kgDrawMs ||= {})[m.key] = now - m.t0;
}

// Canvas text ignores CSS, so copy the Streamlit theme's colours into the options.
function applyTheme(m) {
  const style = getComputedStyle(m.el);
  const fg = style.getPropertyValue("--st-text-color").trim();
  const bg = style.getPropertyValue("--st-background-color").trim();
  if (!fg && !m.themeRetry) {  // a fresh mount may not see the theme yet: look again next frame
    m.themeRetry = requestAnimationFrame(() => { m.themeRetry = 0; applyTheme(m); });
  }
  if (!fg || `${fg}/${bg}` === m.theme) return;
  const font = { color: fg, strokeColor: bg || "#ffffff" };
  m.net.setOptions({ nodes: { font }, edges: { font } });
  m.theme = `${fg}/${bg}`;
  m.bg = bg || "#ffffff";
  m.fg = fg;
  for (const [key, look] of m.looks) if (look !== DATA_LOOK) m.looks.delete(key);  // made with the old theme
  emphasise(m);
}

// Show the selection Python passes in, but only when it changed (or the data did):
// otherwise a stale `selected` would undo the user's newer click.
function applySelection(m, selected, swapped) {
  const wanted = JSON.stringify(selected);
  if (wanted === m.passed && !swapped) return;
  m.passed = wanted;
  const body = m.net.body.data;
  if (selected && selected.kind === "node" && body.nodes.get(selected.id)) {
    m.net.selectNodes([selected.id]);
  } else if (selected && selected.kind === "edge" && body.edges.get(selected.id)) {
    m.net.setSelection({ nodes: [], edges: [selected.id] });
  } else {
    m.net.unselectAll();
  }
  m.shown = wanted;
  emphasise(m);
}

// The connection path Python passes in ({nodes, edges} ids, or null): drawn until it changes.
function applyPath(m, path, swapped) {
  const wanted = JSON.stringify(path);
  if (wanted === m.pathSig && !swapped) return;
  m.pathSig = wanted;
  m.path = { nodes: path?.nodes ?? [], edges: path?.edges ?? [] };
  emphasise(m);
}

// A click on a node wins over the edges under it; empty canvas clears the selection.
// Nothing is sent when the selection did not change (each send reruns the app).
function onClick(m, params) {
  let selection = null;
  if (params.nodes.length) selection = { kind: "node", id: String(params.nodes[0]) };
  else if (params.edges.length) selection = { kind: "edge", id: String(params.edges[0]) };
  const value = JSON.stringify(selection);
  emphasise(m);  // at once, before Python answers
  if (value === m.shown) return;
  m.shown = value;
  m.setStateValue("selection", selection);
}

// png_request is a counter: a new value asks for a download of the canvas.
function requestPng(m, counter) {
  if (counter === m.png) return;
  m.png = counter;
  if (m.el.dataset.drawn === "1") downloadPng(m);
  else m.net.once("afterDrawing", () => downloadPng(m));
}

// The PNG: the view drawn again at PNG_SCALE x the canvas's CSS pixels on the theme background
// (the canvas itself is transparent), with the legend drawn into its bottom left corner.
function downloadPng(m) {
  const out = renderScaled(m, PNG_SCALE);
  drawLegend(out.getContext("2d"), m, PNG_SCALE, out.height);
  out.toBlob((blob) => {
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = "entente-graph.png";
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }, "image/png");
}

// vis's renderer draws at canvas.pixelRatio; raise it for one synchronous draw (the public redraw()
// would reset it from window.devicePixelRatio first), copy, and put the canvas back as it was.
function renderScaled(m, factor) {
  const surface = m.net.canvas, canvas = surface.frame.canvas;
  const [w, h] = [canvas.clientWidth, canvas.clientHeight];
  const saved = [surface.pixelRatio, canvas.width, canvas.height];
  surface.pixelRatio = factor;
  [canvas.width, canvas.height] = [w * factor, h * factor];
  m.net.renderer._redraw();
  const out = document.createElement("canvas");
  [out.width, out.height] = [w * factor, h * factor];
  const ctx = out.getContext("2d");
  ctx.fillStyle = m.bg;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(canvas, 0, 0);
  [surface.pixelRatio, canvas.width, canvas.height] = saved;
  m.net.renderer._redraw();
  return out;
}

// m.legend: [[colour, text], ...] as Python sent it; an entry without a colour is a text line.
function drawLegend(ctx, m, factor, height) {
  if (!m.legend.length) return;
  const px = 13 * factor, line = px * 1.5, pad = 8 * factor;
  ctx.font = `${px}px sans-serif`;
  const width = Math.max(...m.legend.map(([, text]) => ctx.measureText(text).width)) + px * 1.6 + 2 * pad;
  const top = height - m.legend.length * line - 2 * pad - 4 * factor;
  ctx.fillStyle = m.bg;
  ctx.globalAlpha = 0.9;
  ctx.fillRect(4 * factor, top, width, m.legend.length * line + 2 * pad);
  ctx.globalAlpha = 1;
  ctx.textBaseline = "middle";
  m.legend.forEach(([colour, text], i) => {
    const y = top + pad + line * (i + 0.5);
    if (colour) {
      ctx.fillStyle = colour;
      ctx.beginPath();
      ctx.arc(4 * factor + pad + px * 0.5, y, px * 0.4, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.fillStyle = m.fg ?? DEFAULT_TEXT;
    ctx.fillText(text, 4 * factor + pad + (colour ? px * 1.4 : 0), y);
  });
}

// Presentation mode: the canvas reaches down to the window's bottom edge, never past it.
function fillWindow(m, refit = true) {
  const top = m.el.getBoundingClientRect().top + window.scrollY;
  const height = Math.max(MIN_FILL_PX, Math.floor(window.innerHeight - top - FILL_GAP_PX));
  if (m.el.style.height === `${height}px`) return;
  m.el.style.height = `${height}px`;
  if (refit) requestAnimationFrame(() => fitNodes(m, null, false));
}

// ---- following a thread: emphasis, zoom to the selection, dragged positions -------------------

// The selected node with its neighbours (or the selected edge with its ends) and the connection
// path stay as they are; everything else fades.  Emphasised nodes show their label at any zoom when
// it clears the labels of the ones before them (selection first, then by rank).  Only items whose
// look changed are updated.
function emphasise(m) {
  if (!m.items) return;
  const { nodes, edges } = focusSets(m);
  const active = nodes.size > 0;
  const pathEdges = new Set(m.path.edges);
  const fontPx = SHOWN_LABEL_PX / m.net.getScale();
  const labelled = active ? clearLabels(m, nodes) : new Set();
  const nodeUpdates = [], edgeUpdates = [];
  for (const [id, item] of m.items.nodes) {
    const look = !active ? "plain" : !nodes.has(id) ? "dim" : labelled.has(id) ? `shown:${Math.round(fontPx)}` : "kept";
    if (changed(m, id, look)) { m.looks.set(id, look); nodeUpdates.push(nodeLook(m, item, look, fontPx)); }
  }
  for (const [id, item] of m.items.edges) {
    const look = pathEdges.has(id) ? "path" : active && !edges.has(id) ? "dim" : "plain";
    const key = `e:${id}`;
    if (changed(m, key, look)) { m.looks.set(key, look); edgeUpdates.push(edgeLook(m, item, look)); }
  }
  if (nodeUpdates.length) m.net.body.data.nodes.update(nodeUpdates);
  if (edgeUpdates.length) m.net.body.data.edges.update(edgeUpdates);
  m.el.dataset.emphasis = active ? String(nodes.size) : "0";
}

// Every item as its data drew it: plain, with no colour of its own (the theme's colours are options),
// so a theme change leaves it right.  Any update of a vis DataSet re-processes every edge (2,900 edges:
// as long as the first draw), so items keep this look until emphasis really changes them.
function dataLooks(m) {
  const keys = [...m.items.nodes.keys(), ...[...m.items.edges.keys()].map((id) => `e:${id}`)];
  return new Map(keys.map((key) => [key, DATA_LOOK]));
}

function changed(m, key, look) {
  const now = m.looks.get(key);
  return now !== look && !(now === DATA_LOOK && look === "plain");
}

// Of the emphasised nodes (the selected one first, then by rank), those whose label box, at the
// current zoom, overlaps none of the boxes taken before it.
function clearLabels(m, nodes) {
  const [first] = m.net.getSelectedNodes();
  const order = [...nodes].sort((a, b) => (a === first ? -1 : b === first ? 1 : rank(m, a) - rank(m, b)));
  const taken = [], clear = new Set();
  for (const id of order) {
    const item = m.items.nodes.get(id), node = m.net.body.nodes[id];
    if (!item || !node) continue;
    const p = m.net.canvasToDOM({ x: node.x, y: node.y });
    const half = String(item.label ?? "").length * LABEL_CHAR_EM * MAX_LABEL_PX / 2;
    const top = p.y + (node.options.size ?? 10) * m.net.getScale();
    const box = [p.x - half - 3, top, p.x + half + 3, top + LABEL_LINE_EM * MAX_LABEL_PX];
    if (taken.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) continue;
    taken.push(box);
    clear.add(id);
  }
  return clear;
}

function rank(m, id) {
  return m.items.nodes.get(id)?.rank ?? Infinity;
}

function focusSets(m) {
  const nodes = new Set(m.path.nodes.filter((id) => m.items.nodes.has(id)));
  const edges = new Set(m.path.edges.filter((id) => m.items.edges.has(id)));
  const [node] = m.net.getSelectedNodes();
  const [edge] = m.net.getSelectedEdges();
  if (node !== undefined) {
    nodes.add(node);
    m.net.getConnectedNodes(node).forEach((n) => nodes.add(n));
    m.net.getConnectedEdges(node).forEach((e) => edges.add(e));
  } else if (edge !== undefined && m.items.edges.has(edge)) {
    const item = m.items.edges.get(edge);
    edges.add(edge);
    nodes.add(item.from);
    nodes.add(item.to);
  }
  return { nodes, edges };
}

function nodeLook(m, item, look, fontPx) {
  const size = item.font?.size ?? SHOWN_LABEL_PX;
  if (look === "dim") {
    const faded = fade(typeof item.color === "string" ? item.color : item.color.background);
    return { id: item.id, color: { background: faded, border: faded }, font: { size, color: fade(m.fg ?? DEFAULT_TEXT) } };
  }
  const shown = look.startsWith("shown") ? Math.max(size, fontPx) : size;
  return { id: item.id, color: item.color, font: { size: shown, color: m.fg ?? DEFAULT_TEXT } };
}

function edgeLook(m, item, look) {
  const color = item.color ?? m.items.edgeColor;
  if (look === "dim") return { id: item.id, color: { color: fade(color.color ?? "#8c8c8c"), inherit: false }, width: item.width };
  if (look === "path") {
    return { id: item.id, color: { color: PATH_COLOR, highlight: PATH_COLOR, hover: PATH_COLOR, inherit: false },
             width: (item.width ?? 1) + PATH_EXTRA_WIDTH };
  }
  return { id: item.id, color, width: item.width };
}

// "#rrggbb" or "rgb(r, g, b)" -> the same colour at DIM_ALPHA.
function fade(colour) {
  const text = String(colour).trim();
  let rgb = [150, 150, 150];
  if (/^#[0-9a-f]{6}$/i.test(text)) rgb = [1, 3, 5].map((i) => parseInt(text.slice(i, i + 2), 16));
  else if (text.startsWith("rgb")) rgb = text.slice(text.indexOf("(") + 1, -1).split(",").slice(0, 3).map(Number);
  return `rgba(${rgb.join(",")},${DIM_ALPHA})`;
}

// Two buttons over the canvas: zoom to the selected node (or edge), and back to the whole view.
function toolbar(frame, m) {
  const bar = document.createElement("div");
  bar.className = "kg-tools";
  const zoom = document.createElement("button");
  zoom.type = "button";
  zoom.className = "kg-zoom";
  zoom.textContent = "Zoom to selection";
  zoom.title = "Centre and enlarge the selected node and its neighbours";
  zoom.addEventListener("click", () => zoomToSelection(m));
  const fit = document.createElement("button");
  fit.type = "button";
  fit.className = "kg-fit";
  fit.textContent = "Show all";
  fit.addEventListener("click", () => fitNodes(m, null, true));
  bar.append(zoom, fit);
  frame.appendChild(bar);
  return bar;
}

// The buttons' words in the page's language (texts: {zoom, zoom_title, fit}; absent ones stay).
function applyTexts(m, texts) {
  const zoom = m.tools.querySelector(".kg-zoom"), fit = m.tools.querySelector(".kg-fit");
  if (texts.zoom) zoom.textContent = texts.zoom;
  if (texts.zoom_title) zoom.title = texts.zoom_title;
  if (texts.fit) fit.textContent = texts.fit;
}

function zoomToSelection(m) {
  const { nodes } = focusSets(m);
  if (!nodes.size) return;
  fitNodes(m, [...nodes], true, 2.5);
}

// A node the user dragged keeps its place when the data is swapped (a rerun, a filter change that
// keeps it, a remount in the same browser tab).
function onDragEnd(m, params) {
  if (!params.nodes.length) return;
  const positions = m.net.getPositions(params.nodes);
  for (const id of params.nodes) {
    m.dragged[id] = { x: positions[id].x, y: positions[id].y };
    if (m.items.nodes.has(id)) m.items.nodes.set(id, { ...m.items.nodes.get(id), ...m.dragged[id] });
  }
  // an update of a node's look sends its whole data item, x and y too: keep them current
  m.net.body.data.nodes.update(params.nodes.map((id) => ({ id, ...m.dragged[id] })));
  try { sessionStorage.setItem(`kg-dragged:${m.key}`, JSON.stringify(m.dragged)); } catch (e) { /* private mode */ }
  emphasise(m);
}

function loadDragged(key) {
  try { return JSON.parse(sessionStorage.getItem(`kg-dragged:${key}`) || "{}") || {}; } catch (e) { return {}; }
}

// Frame the nodes (all when ids is null) by their positions and sizes only: vis's own fit also
// counts label boxes, which are measured at the previous zoom and so frame too much or too little.
function fitNodes(m, ids, animate, maxScale = 4) {
  const positions = m.net.getPositions(ids ?? undefined);
  const keys = Object.keys(positions);
  if (!keys.length) return;
  let [left, right, top, bottom] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const id of keys) {
    const { x, y } = positions[id];
    const r = m.net.body.nodes[id]?.options.size ?? 10;
    left = Math.min(left, x - r); right = Math.max(right, x + r);
    top = Math.min(top, y - r); bottom = Math.max(bottom, y + r);
  }
  const width = m.el.clientWidth - 2 * FIT_PAD_PX, height = m.el.clientHeight - 3 * FIT_PAD_PX;
  const scale = Math.min(maxScale, width / Math.max(right - left, 1), height / Math.max(bottom - top, 1));
  const position = { x: (left + right) / 2, y: (top + bottom) / 2 + (FIT_PAD_PX / 2) / scale };
  m.net.moveTo({ position, scale, animation: animate ? { duration: 300 } : false });
}

// vis-network 9.1.2 ignores scaling.label.maxVisible: keep every label at most MAX_LABEL_PX tall
// on screen by capping the font it measures and draws with (the node's own size stays in options).
function capLabels(m) {
  const limit = MAX_LABEL_PX / m.net.getScale();
  for (const item of [...Object.values(m.net.body.nodes), ...Object.values(m.net.body.edges)]) {
    const label = item.labelModule;
    if (!label || !item.options.font) continue;
    const want = Math.min(item.options.font.size, limit);
    if (label.fontOptions.size !== want) {
      label.fontOptions.size = want;
      label.labelDirty = true;
    }
  }
}
