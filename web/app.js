// annals dashboard. Article text is untrusted: every string from the API
// goes into the page through textContent, never as HTML.
"use strict";

const api = (path, params) => {
  const u = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) if (v !== "" && v != null) u.searchParams.set(k, v);
  return fetch(u).then(r => r.json().then(body => {
    if (!r.ok) throw new Error(body.error || r.statusText);
    return body;
  }));
};

function el(tag, attrs, ...kids) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") n.className = v;
    else if (k.startsWith("on")) n.addEventListener(k.slice(2), v);
    else n.setAttribute(k, v);
  }
  for (const k of kids) if (k != null) n.append(k instanceof Node ? k : document.createTextNode(String(k)));
  return n;
}

function svg(tag, attrs) {
  const n = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, v);
  return n;
}

const status = msg => { document.getElementById("status").textContent = msg; };

// highlight returns the sentence with source, target and trigger spans
// marked; spans are document offsets, sentenceStart makes them relative.
function highlight(sentence, start, marks) {
  const spans = marks.filter(m => m.span && m.span.end > m.span.start)
    .map(m => ({ s: m.span.start - start, e: m.span.end - start, cls: m.cls, title: m.title }))
    .filter(m => m.s >= 0 && m.e <= sentence.length)
    .sort((a, b) => a.s - b.s);
  const out = el("span", {});
  let pos = 0;
  for (const m of spans) {
    if (m.s < pos) continue; // overlapping marks: keep the first
    out.append(sentence.slice(pos, m.s));
    out.append(el("span", { class: m.cls, title: m.title || "" }, sentence.slice(m.s, m.e)));
    pos = m.e;
  }
  out.append(sentence.slice(pos));
  return out;
}

function eventCard(e) {
  const ev = (e.evidence && e.evidence[0]) || null;
  const card = el("div", { class: "event q" + e.quad_class, "data-id": e.id });
  card.append(el("div", { class: "head" },
    `${e.event_date || "undated"}  ${e.source || "?"} → ${e.target || "–"}  ${e.code} ${e.plover || ""}`));
  if (ev) {
    card.append(el("div", { class: "evidence" }, highlight(ev.sentence, ev.sentence_start, [
      { span: ev.source_span, cls: "src", title: "source " + e.source },
      { span: ev.target_span, cls: "tgt", title: "target " + e.target },
      { span: ev.trigger_span, cls: "trg", title: "trigger" },
    ])));
  }
  const place = e.location ? ` · ${e.location.name} (${e.location.precision})` : "";
  card.append(el("div", { class: "meta" },
    `mode ${e.mode} · confidence ${e.confidence.toFixed(2)} · rule ${e.rule} · ${e.num_articles} article(s), ${e.num_mentions} mention(s)${place} · `,
    ev ? el("a", { href: "#doc/" + encodeURIComponent(ev.doc_id) }, "document") : ""));
  return card;
}

function showList(container, events, append) {
  if (!append) container.replaceChildren();
  if (!events.length && !append) container.append(el("p", { class: "empty" }, "No events."));
  for (const e of events) container.append(eventCard(e));
}

// --- relations over time -------------------------------------------------
async function loadActors() {
  const { actors } = await api("/api/v1/actors", { by: "country", limit: 60 });
  const a = document.getElementById("dyad-a"), b = document.getElementById("dyad-b");
  for (const sel of [a, b]) sel.replaceChildren(...actors.map(x => el("option", { value: x.code }, `${x.code} (${x.events})`)));
  if (actors.length > 1) { a.value = actors[0].code; b.value = actors[1].code; }
}

async function drawTimeline() {
  const a = document.getElementById("dyad-a").value, b = document.getElementById("dyad-b").value;
  const interval = document.getElementById("dyad-interval").value;
  if (!a || !b) return;
  const { buckets } = await api(`/api/v1/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/timeline`, { interval });
  const box = document.getElementById("timeline");
  const W = 900, H = 320, pad = 40;
  const s = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `timeline ${a}-${b}` });
  if (!buckets.length) {
    box.replaceChildren(el("p", { class: "empty" }, `No events between ${a} and ${b}.`));
    return;
  }
  const max = Math.max(1, ...buckets.map(x => x.events));
  const bw = Math.max(4, (W - 2 * pad) / buckets.length - 4);
  const x = i => pad + i * ((W - 2 * pad) / buckets.length);
  const y = v => H - pad - (v / max) * (H - 2 * pad);
  const gy = g => H / 2 - (g / 10) * (H / 2 - pad);
  s.append(svg("line", { x1: pad, x2: W - pad, y1: H - pad, y2: H - pad, stroke: "#999" }));
  s.append(svg("line", { x1: pad, x2: W - pad, y1: H / 2, y2: H / 2, stroke: "#ddd", "stroke-dasharray": "4 4" }));
  const colors = ["", "var(--q1)", "var(--q2)", "var(--q3)", "var(--q4)"];
  let path = "";
  buckets.forEach((bk, i) => {
    const g = svg("g", { class: "bucket", "data-start": bk.start, tabindex: 0 });
    let acc = 0;
    for (let q = 1; q <= 4; q++) {
      if (!bk.quad[q]) continue;
      const y0 = y(acc), y1 = y(acc + bk.quad[q]);
      g.append(svg("rect", { x: x(i), y: y1, width: bw, height: Math.max(1, y0 - y1), fill: colors[q] }));
      acc += bk.quad[q];
    }
    const t = svg("title", {}); t.textContent = `${bk.start}: ${bk.events} events, mean Goldstein ${bk.goldstein}`;
    g.append(t);
    g.addEventListener("click", () => openBucket(a, b, interval, bk, g));
    s.append(g);
    if (bk.events) path += (path ? "L" : "M") + (x(i) + bw / 2) + "," + gy(bk.goldstein);
    const lbl = svg("text", { x: x(i), y: H - pad + 14, "font-size": 10, fill: "#666" });
    if (buckets.length < 30 || i % Math.ceil(buckets.length / 15) === 0) { lbl.textContent = bk.start; s.append(lbl); }
  });
  s.append(svg("path", { d: path, fill: "none", stroke: "#1d2733", "stroke-width": 2, class: "goldstein" }));
  box.replaceChildren(s);
  status(`${a}–${b}: ${buckets.reduce((n, x) => n + x.events, 0)} events in ${buckets.length} ${interval}s`);
}

function bucketEnd(start, interval) {
  const d = new Date(start + "T00:00:00Z");
  if (interval === "week") d.setUTCDate(d.getUTCDate() + 6);
  else if (interval === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
  return d.toISOString().slice(0, 10);
}

async function openBucket(a, b, interval, bk, g) {
  document.querySelectorAll("#timeline .bucket.selected").forEach(n => n.classList.remove("selected"));
  g.classList.add("selected");
  const to = bucketEnd(bk.start, interval);
  document.getElementById("bucket-title").textContent = `${a}–${b}, ${bk.start} to ${to}`;
  const { events } = await api("/api/v1/events", { dyad: `${a},${b}`, from: bk.start, to, limit: 200 });
  showList(document.getElementById("bucket-events"), events);
}

// --- map -----------------------------------------------------------------
let map;
async function drawMap() {
  if (map) return;
  map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([30, 45], 3);
  const world = await fetch("vendor/world-atlas/countries-110m.json").then(r => r.json());
  L.geoJSON(topojson.feature(world, world.objects.countries), { style: { color: "#8aa0b4", weight: 1, fillColor: "#fff", fillOpacity: 1 } }).addTo(map);
  const cluster = L.markerClusterGroup();
  const colors = ["", "#8fd19e", "#2e8b57", "#f4a261", "#c0392b"];
  let cursor = "", n = 0;
  do {
    const page = await api("/api/v1/events", { limit: 1000, cursor });
    for (const e of page.events) {
      if (!e.location) continue;
      const m = L.circleMarker([e.location.lat, e.location.lon], { radius: 7, color: colors[e.quad_class], fillOpacity: .8 });
      m.bindPopup(() => eventCard(e));
      cluster.addLayer(m);
      n++;
    }
    cursor = page.next_cursor || "";
  } while (cursor && n < 20000);
  map.addLayer(cluster);
  status(`${n} located events`);
}

// --- network -------------------------------------------------------------
let cy;
async function drawNetwork() {
  if (cy) return;
  const { nodes, edges } = await api("/api/v1/network", { by: "country", limit: 150 });
  const maxE = Math.max(1, ...edges.map(e => e.events));
  cy = cytoscape({
    container: document.getElementById("network"),
    elements: [
      ...nodes.map(n => ({ data: { id: n.id, label: n.id, size: 20 + Math.sqrt(n.events) * 4 } })),
      ...edges.map((e, i) => ({ data: { id: "e" + i, source: e.source, target: e.target, w: 1 + 6 * e.events / maxE,
        color: e.cooperation >= e.conflict ? "#2e8b57" : "#c0392b" } })),
    ],
    style: [
      { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)", "background-color": "#1d2733", color: "#1d2733", "font-size": 11 } },
      { selector: "edge", style: { width: "data(w)", "line-color": "data(color)", "target-arrow-color": "data(color)", "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: .8 } },
    ],
    layout: { name: "cose", animate: false },
  });
  status(`${nodes.length} actors, ${edges.length} links`);
}

// --- event browser -------------------------------------------------------
let nextCursor = "", lastQuery = {};
async function searchEvents(append) {
  const q = append ? { ...lastQuery, cursor: nextCursor } : Object.fromEntries(new FormData(document.getElementById("events-form")));
  if (!append) lastQuery = q;
  const page = await api("/api/v1/events", { ...q, limit: 50 });
  showList(document.getElementById("event-list"), page.events, append);
  nextCursor = page.next_cursor || "";
  document.getElementById("more").hidden = !nextCursor;
}

// --- document ------------------------------------------------------------
async function showDocument(id) {
  const d = await api("/api/v1/documents/" + encodeURIComponent(id));
  document.getElementById("doc-title").textContent = d.article.title || d.article.id;
  document.getElementById("doc-meta").textContent = [d.article.source, (d.article.published || "").slice(0, 10), d.article.url].filter(Boolean).join(" · ");
  const marks = d.mentions.map(m => ({ span: m, cls: "mention" + (m.code ? "" : " uncoded"), title: (m.code || "uncoded") + (m.entry ? " · " + m.entry : "") }));
  for (const e of d.events) for (const ev of e.evidence || []) if (ev.doc_id === d.article.id) marks.push({ span: ev.trigger_span, cls: "trg", title: `${e.code} ${e.plover} (${e.mode})` });
  document.getElementById("doc-text").replaceChildren(highlight(d.article.text, 0, marks));
  showList(document.getElementById("doc-events"), d.events);
}

// --- routing -------------------------------------------------------------
async function route() {
  const [view, arg] = (location.hash.slice(1) || "dyad").split("/");
  const name = { dyad: "dyad", map: "map", network: "network", events: "events", doc: "doc" }[view] || "dyad";
  document.querySelectorAll(".view").forEach(v => v.classList.toggle("active", v.id === "view-" + name));
  document.querySelectorAll("nav a").forEach(a => a.classList.toggle("active", a.dataset.view === name));
  try {
    if (name === "map") await drawMap();
    if (name === "network") await drawNetwork();
    if (name === "events" && !document.getElementById("event-list").childElementCount) await searchEvents();
    if (name === "doc") await showDocument(decodeURIComponent(arg || ""));
  } catch (err) { status("error: " + (err && err.message || err)); console.error(err); }
}

document.getElementById("dyad-form").addEventListener("submit", ev => { ev.preventDefault(); drawTimeline().catch(e => status("error: " + e.message)); });
document.getElementById("events-form").addEventListener("submit", ev => { ev.preventDefault(); searchEvents().catch(e => status("error: " + e.message)); });
document.getElementById("more").addEventListener("click", () => searchEvents(true));
window.addEventListener("hashchange", route);
loadActors().then(drawTimeline).catch(e => status("error: " + e.message));
route();
