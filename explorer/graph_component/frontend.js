// Entente graph component (Streamlit components v2). Appended after the vis-network UMD
// bundle, which (evaluated as a module, where `this` is undefined) sets globalThis.vis.
//
// Streamlit calls the default export again on every data or theme change WITHOUT running
// the previous cleanup (that only runs on unmount), so each mount point keeps one Network
// and swaps its data only when the Python-side signature changes.

const MOUNTS = new WeakMap();  // parentElement -> mount state

export default function (component) {
  const { data, parentElement, setStateValue } = component;
  const m = MOUNTS.get(parentElement) || mount(parentElement, data);
  m.setStateValue = setStateValue;  // the latest closure knows the current widget value
  const swapped = m.sig !== data.sig;
  if (swapped) swapData(m, data);
  applyTheme(m);
  applySelection(m, data.selected ?? null, swapped);
  requestPng(m, data.png_request ?? 0);
  return () => unmount(parentElement, m);
}

function mount(root, data) {
  const el = document.createElement("div");
  el.className = "kg-canvas";
  el.dataset.drawn = "0";
  root.appendChild(el);
  const net = new globalThis.vis.Network(el, { nodes: [], edges: [] }, {});
  const m = { el, net, key: data.key, sig: null, theme: null, bg: "#ffffff",
              pending: false, t0: 0, passed: undefined, shown: "null", png: data.png_request ?? 0,
              setStateValue: null };
  net.on("click", (params) => onClick(m, params));
  net.on("afterDrawing", () => onDrawn(m));
  MOUNTS.set(root, m);
  (window.__kg ||= {})[m.key] = net;  // test hook
  return m;
}

function unmount(root, m) {
  m.net.destroy();
  m.el.remove();
  MOUNTS.delete(root);
  if (window.__kg && window.__kg[m.key] === m.net) delete window.__kg[m.key];
}

function swapData(m, data) {
  m.el.style.height = `${data.height}px`;
  m.el.dataset.drawn = "0";
  m.pending = false;  // only a draw of THIS data counts as drawn
  m.t0 = performance.now();
  m.net.setOptions(data.options || {});
  m.net.setData({ nodes: new globalThis.vis.DataSet(data.nodes),
                  edges: new globalThis.vis.DataSet(data.edges) });
  m.net.fit({ animation: false });  // positions come from the server: frame them all
  m.sig = data.sig;
  m.pending = true;
  m.theme = null;  // setOptions may have reset fonts: copy the theme again
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
  if (!fg || `${fg}/${bg}` === m.theme) return;
  const font = { color: fg, strokeColor: bg || "#ffffff" };
  m.net.setOptions({ nodes: { font }, edges: { font } });
  m.theme = `${fg}/${bg}`;
  m.bg = bg || "#ffffff";
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
}

// A click on a node wins over the edges under it; empty canvas clears the selection.
// Nothing is sent when the selection did not change (each send reruns the app).
function onClick(m, params) {
  let selection = null;
  if (params.nodes.length) selection = { kind: "node", id: String(params.nodes[0]) };
  else if (params.edges.length) selection = { kind: "edge", id: String(params.edges[0]) };
  const value = JSON.stringify(selection);
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

// The canvas is transparent: paint the theme background under it so slides look right.
function downloadPng(m) {
  const canvas = m.el.querySelector("canvas");
  const out = document.createElement("canvas");
  out.width = canvas.width;
  out.height = canvas.height;
  const ctx = out.getContext("2d");
  ctx.fillStyle = m.bg;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(canvas, 0, 0);
  out.toBlob((blob) => {
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = "entente-graph.png";
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }, "image/png");
}
