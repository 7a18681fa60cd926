// annals dashboard. Article text is untrusted: every string from the API
// goes into the page through textContent, never as HTML.
//
// The URL is the dashboard's state: #VIEW[/ARG]?a=&b=&interval=&from=&to=
// &bucket= plus the event browser's filters. Every control changes the URL
// and every view draws from it, so any screen can be bookmarked, reloaded
// or shared. A query string (?a=PAK&b=IRN) is read too on first load.
"use strict";

const api = (path, params) => {
  const u = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) if (v !== "" && v != null) u.searchParams.set(k, v);
  return fetch(u).then(r => r.json().then(body => {
    if (!r.ok) throw new Error(body.error || r.statusText);
    return body;
  }));
};

// pages follows next_cursor until max events are in hand; it reports
// whether it stopped before the end.
async function pages(params, max) {
  const out = [];
  let cursor = "";
  do {
    const page = await api("/api/v1/events", { ...params, limit: 1000, cursor });
    out.push(...page.events);
    cursor = page.next_cursor || "";
  } while (cursor && out.length < max);
  return { events: out, truncated: !!cursor };
}

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

function svg(tag, attrs, text) {
  const n = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, v);
  if (text != null) n.textContent = text;
  return n;
}

const QUADS = ["", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
const COLORS = ["#999", "#8fd19e", "#2e8b57", "#f4a261", "#c0392b"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const fmtDate = iso => { const [y, m, d] = iso.split("-"); return `${+d} ${MONTHS[m - 1]} ${y}`; };
const fmtN = n => n.toLocaleString("en");

// --- state in the URL ----------------------------------------------------
const KEYS = ["a", "b", "interval", "from", "to", "bucket", "actor", "dyad", "place", "at", "root", "quad", "q", "mode"];
const VIEWS = ["dyad", "map", "network", "events", "doc"];

function parseState(hash, search) {
  const st = { view: "dyad", arg: "" };
  for (const src of [search, hash]) {
    if (!src) continue;
    const i = src.indexOf("?");
    const head = src === search ? "" : (i < 0 ? src : src.slice(0, i));
    const qs = new URLSearchParams(i < 0 ? (src === search ? src : "") : src.slice(i + 1));
    for (const k of KEYS) if (qs.has(k)) st[k] = qs.get(k);
    if (src === search && qs.has("view")) st.view = qs.get("view");
    if (head) {
      const [v, ...rest] = head.split("/");
      st.view = v;
      st.arg = decodeURIComponent(rest.join("/"));
    }
  }
  if (!VIEWS.includes(st.view)) st.view = "dyad";
  if (!["day", "week", "month"].includes(st.interval)) st.interval = "week";
  for (const k of ["from", "to", "bucket"]) if (st[k] && !/^\d{4}-\d{2}-\d{2}$/.test(st[k])) delete st[k];
  if (st.a) st.a = st.a.toUpperCase();
  if (st.b) st.b = st.b.toUpperCase();
  return st;
}

function hashOf(st) {
  const qs = new URLSearchParams();
  for (const k of KEYS) if (st[k]) qs.set(k, st[k]);
  const head = st.view + (st.arg ? "/" + encodeURIComponent(st.arg) : "");
  const q = qs.toString();
  return "#" + head + (q ? "?" + q : "");
}

let state = parseState(location.hash.slice(1), location.search.slice(1));

// navigate changes the state; the hashchange it causes draws the views.
function navigate(patch, replace) {
  const next = { ...state, ...patch };
  for (const k of Object.keys(next)) if (next[k] === "" || next[k] == null) delete next[k];
  const h = hashOf(next);
  if (h === location.hash && !replace) { route(); return; }
  if (replace) { history.replaceState(null, "", location.pathname + h); route(); }
  else location.hash = h;
}
const link = patch => { const n = { ...state, ...patch }; for (const k of Object.keys(n)) if (n[k] === "" || n[k] == null) delete n[k]; return hashOf(n); };

// The status bar belongs to the view on screen: a view's late answer
// never writes over another's, nor over a newer request of its own.
const statusFor = {};
function status(view, msg) {
  statusFor[view] = msg;
  if (state.view === view) document.getElementById("status").textContent = msg;
}
const rangeText = () => state.from || state.to ? ` from ${state.from ? fmtDate(state.from) : "the start"} to ${state.to ? fmtDate(state.to) : "the end"}` : "";

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
  const card = el("div", { class: "event q" + e.quad_class, "data-id": e.id, "data-date": e.event_date || "" });
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
    `${QUADS[e.quad_class] || ""} · mode ${e.mode} · confidence ${e.confidence.toFixed(2)} · rule ${e.rule} · ${e.num_articles} article(s), ${e.num_mentions} mention(s)${place} · `,
    ev ? el("a", { href: link({ view: "doc", arg: ev.doc_id, bucket: "" }) }, "document") : ""));
  return card;
}

function showList(container, events, append) {
  if (!append) container.replaceChildren();
  if (!events.length && !append) container.append(el("p", { class: "empty" }, "No events."));
  for (const e of events) container.append(eventCard(e));
}

const byDate = (x, y) => (x.event_date || "9999").localeCompare(y.event_date || "9999") || x.id - y.id;

// --- the shared time range -------------------------------------------------
function syncControls() {
  document.getElementById("range-from").value = state.from || "";
  document.getElementById("range-to").value = state.to || "";
  document.getElementById("dyad-interval").value = state.interval;
  const f = document.getElementById("events-form");
  for (const k of ["actor", "dyad", "place", "at", "root", "quad", "q", "mode"]) f.elements[k].value = state[k] || "";
  document.querySelectorAll("nav a").forEach(a => {
    a.classList.toggle("active", a.dataset.view === state.view);
    a.href = link({ view: a.dataset.view, arg: "" });
  });
}

document.getElementById("range").addEventListener("change", () => {
  let from = document.getElementById("range-from").value, to = document.getElementById("range-to").value;
  if (from && to && from > to) [from, to] = [to, from];
  navigate({ from, to, bucket: "" });
});
document.getElementById("range").addEventListener("submit", ev => ev.preventDefault());
document.getElementById("range-all").addEventListener("click", () => navigate({ from: "", to: "", bucket: "" }));

// --- relations over time -------------------------------------------------
let actorsLoaded;
function loadActors() {
  actorsLoaded = actorsLoaded || api("/api/v1/actors", { by: "country", limit: 60 }).then(({ actors }) => {
    for (const id of ["dyad-a", "dyad-b"]) {
      document.getElementById(id).replaceChildren(...actors.map(x => el("option", { value: x.code }, `${x.code} (${fmtN(x.events)})`)));
    }
    return actors;
  });
  return actorsLoaded;
}

function ensureOption(sel, code) {
  if (code && ![...sel.options].some(o => o.value === code)) sel.append(el("option", { value: code }, code));
  sel.value = code;
}

const tl = { key: "", buckets: null, gen: 0, bucketKey: "", bucketGen: 0 };

async function showDyad() {
  const actors = await loadActors();
  if (state.view !== "dyad") return;
  if (!state.a || !state.b) {
    if (actors.length < 2) { status("dyad", "No actors yet: ingest some articles."); return; }
    navigate({ a: state.a || actors[0].code, b: state.b || (actors[0].code === actors[1].code ? actors[0].code : actors[1].code) }, true);
    return;
  }
  ensureOption(document.getElementById("dyad-a"), state.a);
  ensureOption(document.getElementById("dyad-b"), state.b);
  const { a, b, interval, from, to } = state;
  const key = [a, b, interval, from, to].join("|");
  const pair = `${a}–${b}`;
  if (key !== tl.key) {
    tl.key = key; tl.buckets = null;
    const gen = ++tl.gen;
    clearBucket();
    document.getElementById("timeline").replaceChildren(el("p", { class: "empty" }, `Loading ${pair}…`));
    status("dyad", `${pair}: loading…`);
    let res;
    try {
      res = await api(`/api/v1/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/timeline`, { interval, from, to });
    } catch (err) {
      if (gen === tl.gen) { status("dyad", `${pair}: error: ${err.message}`); document.getElementById("timeline").replaceChildren(el("p", { class: "empty" }, err.message)); }
      return;
    }
    if (gen !== tl.gen) return; // the selection moved on
    tl.buckets = res.buckets;
    const n = res.buckets.reduce((n, x) => n + x.events, 0);
    status("dyad", `${pair}: ${fmtN(n)} events in ${fmtN(res.buckets.length)} ${interval}s${rangeText()}`);
  }
  if (!tl.buckets) return;
  drawChart();
  if (state.bucket) openBucket(); else clearBucket();
}

// niceStep is 1, 2 or 5 times a power of ten, near span/n.
function niceStep(span, n) {
  const raw = Math.max(span / n, 1e-9), p = Math.pow(10, Math.floor(Math.log10(raw)));
  return [1, 2, 5, 10].map(m => m * p).find(s => s >= raw);
}

function tickLabel(iso, interval) {
  const [, m, d] = iso.split("-");
  return interval === "month" ? MONTHS[m - 1] : `${+d} ${MONTHS[m - 1]}`;
}

function drawChart() {
  const buckets = tl.buckets, { a, b, interval } = state;
  const box = document.getElementById("timeline");
  if (!buckets.length) {
    box.replaceChildren(el("p", { class: "empty" }, `No events between ${a} and ${b}${rangeText()}.`));
    return;
  }
  const W = Math.max(280, Math.floor(box.clientWidth || 900)), H = W < 600 ? 280 : 340;
  const m = { l: W < 600 ? 38 : 50, r: W < 600 ? 38 : 50, t: 26, b: 46 };
  const pw = W - m.l - m.r, ph = H - m.t - m.b;
  const s = svg("svg", { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `events between ${a} and ${b} by ${interval}` });
  box.replaceChildren(s);
  const n = buckets.length, step = pw / n, bw = Math.max(1, Math.min(step * 0.8, step - 1, 60));
  const maxEv = Math.max(1, ...buckets.map(x => x.events));
  const cstep = Math.max(1, niceStep(maxEv, 4)), cmax = Math.ceil(maxEv / cstep) * cstep;
  const yc = v => m.t + ph - (v / cmax) * ph;
  const yg = g => m.t + ph / 2 - (g / 10) * (ph / 2);
  const xc = i => m.l + i * step + step / 2;

  // count axis (left) with grid lines, Goldstein axis (right)
  const grid = svg("g", { class: "grid" }), yl = svg("g", { class: "axis y-count" }), yr = svg("g", { class: "axis y-goldstein" });
  for (let v = 0; v <= cmax; v += cstep) {
    grid.append(svg("line", { x1: m.l, x2: W - m.r, y1: yc(v), y2: yc(v) }));
    yl.append(svg("text", { x: m.l - 6, y: yc(v) + 4, "text-anchor": "end" }, fmtN(v)));
  }
  for (const g of [-10, -5, 0, 5, 10]) {
    yr.append(svg("line", { x1: W - m.r, x2: W - m.r + 4, y1: yg(g), y2: yg(g) }));
    yr.append(svg("text", { x: W - m.r + 7, y: yg(g) + 4, "text-anchor": "start" }, g > 0 ? "+" + g : String(g).replace("-", "−")));
  }
  yl.append(svg("line", { x1: m.l, x2: m.l, y1: m.t, y2: m.t + ph }));
  yr.append(svg("line", { x1: W - m.r, x2: W - m.r, y1: m.t, y2: m.t + ph }));
  yl.append(svg("text", { class: "axis-title", x: m.l - 6, y: m.t - 10, "text-anchor": "start" }, "events"));
  yr.append(svg("text", { class: "axis-title", x: W - m.r + 6, y: m.t - 10, "text-anchor": "end" }, "mean Goldstein"));
  s.append(grid, yl, yr);
  s.append(svg("line", { class: "zero", x1: m.l, x2: W - m.r, y1: yg(0), y2: yg(0) }));

  // bars, each bucket with a full-height target to click
  const bars = svg("g", { class: "bars" });
  // past a thousand buckets, empty ones get no element of their own
  const sparse = n > 1000;
  buckets.forEach((bk, i) => {
    if (sparse && !bk.events) return;
    const g = svg("g", { class: "bucket" + (bk.start === state.bucket ? " selected" : ""), "data-start": bk.start, "data-events": bk.events, tabindex: 0 });
    g.append(svg("rect", { class: "hit", x: m.l + i * step, y: m.t, width: step, height: ph }));
    let acc = 0;
    for (let q = 1; q <= 4; q++) {
      if (!bk.quad[q]) continue;
      const y0 = yc(acc), y1 = yc(acc + bk.quad[q]);
      g.append(svg("rect", { class: "q" + q, x: xc(i) - bw / 2, y: y1, width: bw, height: Math.max(1, y0 - y1), fill: COLORS[q] }));
      acc += bk.quad[q];
    }
    const parts = [1, 2, 3, 4].filter(q => bk.quad[q]).map(q => `${bk.quad[q]} ${QUADS[q]}`);
    g.append(svg("title", {}, `${interval} of ${fmtDate(bk.start)}: ${bk.events ? `${bk.events} events (${parts.join(", ")}), mean Goldstein ${bk.goldstein}` : "no events"}`));
    const pick = () => navigate({ bucket: bk.start === state.bucket ? "" : bk.start });
    g.addEventListener("click", pick);
    g.addEventListener("keydown", ev => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); } });
    bars.append(g);
  });
  s.append(bars);

  // Goldstein: one sub-path per run of buckets with events; an empty
  // bucket breaks the line; a dot marks each bucket's mean.
  let d = "", prev = false;
  buckets.forEach((bk, i) => {
    if (!bk.events) { prev = false; return; }
    const p = `${xc(i).toFixed(1)},${yg(bk.goldstein).toFixed(1)}`;
    d += (prev ? "L" : "M") + p;
    prev = true;
  });
  s.append(svg("path", { d, class: "goldstein" }));
  const dots = svg("g", { class: "gdots" });
  buckets.forEach((bk, i) => {
    const lone = !(buckets[i - 1] && buckets[i - 1].events) && !(buckets[i + 1] && buckets[i + 1].events);
    if (bk.events && (lone || n <= 400)) dots.append(svg("circle", { cx: xc(i), cy: yg(bk.goldstein), r: lone ? 3.5 : 2.5 }));
  });
  s.append(dots);

  // date ticks: as many as fit the width, at a step natural for the interval
  const xa = svg("g", { class: "axis x-axis" });
  xa.append(svg("line", { x1: m.l, x2: W - m.r, y1: m.t + ph, y2: m.t + ph }));
  s.append(xa);
  const probe = svg("text", {}, interval === "month" ? "May" : "30 May");
  xa.append(probe);
  const lw = (probe.getComputedTextLength() || 40) + 10;
  probe.remove();
  const nice = { day: [1, 2, 7, 14, 28, 56, 91, 182, 364], week: [1, 2, 4, 8, 13, 26, 52, 104], month: [1, 2, 3, 6, 12, 24, 60, 120] }[interval];
  const need = Math.ceil(lw / step);
  const every = nice.find(k => k >= need) || need;
  let lastYear = "";
  const ticks = svg("g", { class: "x-ticks" });
  for (let i = 0; i < n; i += every) {
    const iso = buckets[i].start, x = xc(i), year = iso.slice(0, 4);
    ticks.append(svg("line", { x1: x, x2: x, y1: m.t + ph, y2: m.t + ph + 4 }));
    const t = svg("text", { class: "x-tick", x, y: m.t + ph + 16, "text-anchor": "middle", "data-date": iso }, tickLabel(iso, interval));
    ticks.append(t);
    if (year !== lastYear) {
      ticks.append(svg("text", { class: "x-year", x, y: m.t + ph + 31, "text-anchor": "middle" }, year));
      lastYear = year;
    }
  }
  xa.append(ticks);
}

const tlResize = (() => { let t; return () => { clearTimeout(t); t = setTimeout(() => { if (state.view === "dyad" && tl.buckets) drawChart(); }, 120); }; })();
window.addEventListener("resize", tlResize);

function bucketEnd(start, interval) {
  const d = new Date(start + "T00:00:00Z");
  if (interval === "week") d.setUTCDate(d.getUTCDate() + 6);
  else if (interval === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
  return d.toISOString().slice(0, 10);
}

function clearBucket() {
  tl.bucketKey = ""; tl.bucketGen++;
  document.getElementById("bucket-title").textContent = "";
  document.getElementById("bucket-events").replaceChildren();
}

const DRILL_SHOW = 500;

// openBucket lists the selected bucket's events, by date, from the events
// endpoint with the bucket's dates (clipped to the time range).
async function openBucket() {
  const { a, b, interval, bucket } = state;
  const key = [tl.key, bucket].join("|");
  if (key === tl.bucketKey) return;
  clearBucket();
  tl.bucketKey = key;
  const gen = tl.bucketGen;
  let from = bucket, to = bucketEnd(bucket, interval);
  if (state.from && state.from > from) from = state.from;
  if (state.to && state.to < to) to = state.to;
  const title = document.getElementById("bucket-title");
  title.textContent = `${a}–${b}, ${fmtDate(from)} to ${fmtDate(to)}: loading…`;
  const { events, truncated } = await pages({ dyad: `${a},${b}`, from, to }, 5000);
  if (gen !== tl.bucketGen) return;
  events.sort(byDate);
  const shown = events.slice(0, DRILL_SHOW);
  title.textContent = `${a}–${b}, ${fmtDate(from)} to ${fmtDate(to)}: ${fmtN(events.length)}${truncated ? "+" : ""} events by date` +
    (shown.length < events.length ? `, the first ${fmtN(shown.length)} shown` : "");
  showList(document.getElementById("bucket-events"), shown);
}

function dyadForm() {
  navigate({ a: document.getElementById("dyad-a").value, b: document.getElementById("dyad-b").value, interval: document.getElementById("dyad-interval").value, bucket: "" });
}
document.getElementById("dyad-form").addEventListener("submit", ev => { ev.preventDefault(); dyadForm(); });
document.getElementById("dyad-form").addEventListener("change", dyadForm);

// --- map -----------------------------------------------------------------
// The map draws the server's count of events per place and quad class
// (GET /api/v1/places, one aggregate however many events there are): one
// marker per place, coloured by its most frequent kind of event. Clicking
// a place opens its events, a page at a time, from the events endpoint
// with the place's point (at=LAT,LON) and the same time range.
const PLACE_PAGE = 10;
let map, cluster, mapKey = "", mapGen = 0;

const dominant = quad => { let best = 1; for (let q = 2; q <= 4; q++) if (quad[q] >= quad[best]) best = q; return best; };
const quadText = quad => [1, 2, 3, 4].filter(q => quad[q]).map(q => `${fmtN(quad[q])} ${QUADS[q]}`).join(", ");
const pointOf = p => `${p.lat},${p.lon}`;

function placeIcon(p) {
  const d = Math.round(14 + Math.min(22, Math.sqrt(p.n) * 4));
  const inner = el("span", { class: "n", "data-events": p.n, "data-place": p.name, "data-at": pointOf(p) }, p.n > 1 ? fmtN(p.n) : "");
  return L.divIcon({ className: "place-marker q" + dominant(p.quad), html: inner, iconSize: [d, d] });
}

function clusterIcon(c) {
  const quad = [0, 0, 0, 0, 0];
  let n = 0;
  for (const mk of c.getAllChildMarkers()) { n += mk.options.place.n; for (let q = 1; q <= 4; q++) quad[q] += mk.options.place.quad[q]; }
  const d = Math.round(24 + Math.min(22, Math.sqrt(n) * 2));
  const inner = el("span", { class: "n", "data-events": n }, fmtN(n));
  return L.divIcon({ className: "place-cluster q" + dominant(quad), html: inner, iconSize: [d, d] });
}

// placePopup is a place's counts and its events, latest first, a page at
// a time; mk's popup is laid out again (and the map panned to show it
// whole) as pages arrive.
function placePopup(p, mk) {
  const box = el("div", { class: "popup", "data-at": pointOf(p) });
  const range = { from: state.from, to: state.to };
  box.append(el("h3", {}, p.name + (p.country ? ` (${p.country})` : "")), el("p", { class: "meta" }, `${fmtN(p.n)} events${rangeText()}: ${quadText(p.quad)}`));
  const list = el("div", { class: "event-list" });
  const shown = el("p", { class: "meta shown" }, "Loading the events…");
  const more = el("button", { type: "button", class: "more", hidden: "" }, "More");
  box.append(list, shown, more,
    el("a", { href: link({ view: "events", arg: "", at: pointOf(p), place: "", actor: "", dyad: "", root: "", quad: "", q: "", mode: "", bucket: "" }) }, `all events at ${p.name} in the event browser`));
  let cursor = "", n = 0, busy = false;
  const load = async () => {
    if (busy) return;
    busy = true; more.disabled = true;
    try {
      const page = await api("/api/v1/events", { at: pointOf(p), ...range, sort: "-date", limit: PLACE_PAGE, cursor });
      showList(list, page.events, n > 0);
      n += page.events.length;
      cursor = page.next_cursor || "";
      shown.textContent = `${fmtN(n)} of ${fmtN(p.n)} events, latest first`;
      more.hidden = !cursor;
    } catch (err) {
      shown.textContent = "error: " + err.message;
    } finally {
      busy = false; more.disabled = false;
      if (mk.isPopupOpen()) mk.getPopup().update();
    }
  };
  more.addEventListener("click", load);
  load();
  return box;
}

function mapLegend() {
  const c = L.control({ position: "bottomright" });
  c.onAdd = () => {
    const box = el("div", { class: "map-legend legend" });
    for (let q = 1; q <= 4; q++) box.append(el("span", { class: "q" + q }, QUADS[q]));
    box.append(el("small", {}, "colour: the place's most frequent kind of event; size and number: events"));
    return box;
  };
  return c;
}

async function showMap() {
  if (!map) {
    map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([30, 45], 3);
    const world = await fetch("vendor/world-atlas/countries-110m.json").then(r => r.json());
    L.geoJSON(topojson.feature(world, world.objects.countries), { style: { color: "#8aa0b4", weight: 1, fillColor: "#fff", fillOpacity: 1 }, interactive: false }).addTo(map);
    cluster = L.markerClusterGroup({ iconCreateFunction: clusterIcon, maxClusterRadius: 36, showCoverageOnHover: false, removeOutsideVisibleBounds: true, chunkedLoading: true });
    map.addLayer(cluster);
    mapLegend().addTo(map);
  }
  map.invalidateSize();
  const key = [state.from, state.to].join("|");
  if (key === mapKey) { status("map", statusFor.map || ""); return; }
  mapKey = key;
  const gen = ++mapGen;
  status("map", "Loading places…");
  let res;
  try {
    res = await api("/api/v1/places", { from: state.from, to: state.to });
  } catch (err) {
    if (gen === mapGen) { mapKey = ""; status("map", "error: " + err.message); }
    return;
  }
  if (gen !== mapGen) return;
  cluster.clearLayers();
  const markers = [];
  for (const pl of res.places) {
    const p = { ...pl, n: pl.events };
    const mk = L.marker([p.lat, p.lon], { icon: placeIcon(p), title: `${p.name}: ${fmtN(p.n)} event${p.n > 1 ? "s" : ""}`, place: p });
    mk.bindTooltip(el("span", {}, `${p.name}${p.country ? ", " + p.country : ""}: ${fmtN(p.n)} event${p.n > 1 ? "s" : ""} (${quadText(p.quad)})`));
    // the content is made as the popup opens (a content function would
    // be called again, and its events fetched again, at every update)
    mk.bindPopup("", { maxWidth: 420, maxHeight: 420 });
    mk.on("popupopen", () => mk.setPopupContent(placePopup(p, mk)));
    markers.push(mk);
  }
  const shown = res.places.reduce((n, p) => n + p.events, 0);
  const done = () => {
    if (gen !== mapGen) return;
    status("map", `${fmtN(res.located)} located events in ${fmtN(res.total_places)} places${rangeText()}` +
      (res.unlocated ? `; ${fmtN(res.unlocated)} without a place` : "") +
      (res.truncated ? ` (the ${fmtN(res.places.length)} places with most events shown, ${fmtN(shown)} events)` : ""));
  };
  // many places are added in chunks, the page answering between them;
  // the status says the map is drawn once the last is in
  cluster.options.chunkProgress = (processed, total) => { if (processed === total) setTimeout(done); };
  if (markers.length) map.fitBounds(L.latLngBounds(markers.map(mk => mk.getLatLng())).pad(0.1), { maxZoom: 6, animate: false });
  if (markers.length) cluster.addLayers(markers); else done();
}

// --- network -------------------------------------------------------------
// One node per country, and one per organisation (IGO, NGO, MNC codes keep
// their full code); between two nodes, a green edge for cooperation and a
// red one for conflict, each as wide as its number of events.
let cy, netKey = "", netGen = 0;
const ORG = /^(IGO|NGO|NGM|MNC)/;
const nodeOf = code => ORG.test(code) ? code : code.slice(0, 3);

async function showNetwork() {
  const key = [state.from, state.to].join("|");
  if (cy && key === netKey) { cy.resize(); status("network", statusFor.network || ""); return; }
  netKey = key;
  const gen = ++netGen;
  status("network", "Loading the network…");
  const { edges } = await api("/api/v1/network", { by: "actor", limit: 1000, from: state.from, to: state.to });
  if (gen !== netGen) return;
  const nodes = new Map(), pairs = new Map();
  for (const e of edges) {
    const s = nodeOf(e.source), t = nodeOf(e.target);
    if (s === t) continue;
    for (const x of [s, t]) nodes.set(x, (nodes.get(x) || 0) + e.events);
    const [p, q] = s < t ? [s, t] : [t, s], k = p + "|" + q;
    const pr = pairs.get(k) || { a: p, b: q, coop: 0, conf: 0 };
    pr.coop += e.cooperation; pr.conf += e.conflict;
    pairs.set(k, pr);
  }
  const maxE = Math.max(1, ...[...pairs.values()].map(p => Math.max(p.coop, p.conf)));
  const width = n => 1.5 + 8 * Math.sqrt(n / maxE);
  const els = [...nodes].map(([id, n]) => ({ data: { id, label: id, n, size: 18 + Math.sqrt(n) * 4 }, classes: ORG.test(id) ? "org" : "" }));
  for (const p of pairs.values()) {
    if (p.coop) els.push({ data: { id: `coop:${p.a}|${p.b}`, source: p.a, target: p.b, n: p.coop, w: width(p.coop), sense: "cooperation" }, classes: "coop" });
    if (p.conf) els.push({ data: { id: `conf:${p.a}|${p.b}`, source: p.a, target: p.b, n: p.conf, w: width(p.conf), sense: "conflict" }, classes: "conflict" });
  }
  if (cy) cy.destroy();
  cy = cytoscape({
    container: document.getElementById("network"),
    elements: els,
    style: [
      { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)", "background-color": "#1d2733", color: "#1d2733", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3 } },
      { selector: "node.org", style: { shape: "round-rectangle", "background-color": "#5b6b7d" } },
      { selector: "edge", style: { width: "data(w)", "curve-style": "bezier", "control-point-step-size": 14, opacity: .85 } },
      { selector: "edge.coop", style: { "line-color": "#2e8b57" } },
      { selector: "edge.conflict", style: { "line-color": "#c0392b" } },
      { selector: ":selected", style: { "overlay-opacity": .15 } },
    ],
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 9000 },
    wheelSensitivity: 0.3,
  });
  const info = document.getElementById("network-info");
  cy.on("mouseover", "edge", ev => { const d = ev.target.data(); info.textContent = `${d.source}–${d.target}: ${fmtN(d.n)} ${d.sense} events${rangeText()}. Click for the evidence.`; });
  cy.on("mouseover", "node", ev => { const d = ev.target.data(); info.textContent = `${d.id}: ${fmtN(d.n)} events with the actors shown. Click for the evidence.`; });
  cy.on("tap", "edge", ev => { const d = ev.target.data(); navigate({ view: "events", arg: "", dyad: `${d.source},${d.target}`, actor: "", place: "", at: "", quad: "", bucket: "" }); });
  cy.on("tap", "node", ev => navigate({ view: "events", arg: "", actor: ev.target.id(), dyad: "", place: "", at: "", quad: "", bucket: "" }));
  const nConf = els.filter(x => x.classes === "conflict").length, nCoop = els.filter(x => x.classes === "coop").length;
  status("network", `${fmtN(nodes.size)} actors, ${fmtN(nCoop)} cooperation and ${fmtN(nConf)} conflict links${rangeText()}`);
}

// --- event browser -------------------------------------------------------
let nextCursor = "", evKey = "", evGen = 0;
const evQuery = () => ({ actor: state.actor, dyad: state.dyad, place: state.place, at: state.at, root: state.root, quad: state.quad, q: state.q, mode: state.mode, from: state.from, to: state.to });

async function searchEvents(append) {
  const q = evQuery(), key = JSON.stringify(q);
  if (!append && key === evKey) { status("events", statusFor.events || ""); return; }
  evKey = key;
  const gen = ++evGen;
  if (!append) { status("events", "Searching…"); nextCursor = ""; }
  const page = await api("/api/v1/events", { ...q, limit: 50, cursor: append ? nextCursor : "" });
  if (gen !== evGen) return;
  const list = document.getElementById("event-list");
  showList(list, page.events, append);
  nextCursor = page.next_cursor || "";
  document.getElementById("more").hidden = !nextCursor;
  const what = [q.dyad && `dyad ${q.dyad.replace(",", "–")}`, q.actor && `actor ${q.actor}`, q.place && `place ${q.place}`, q.at && `the point ${q.at}`, q.q && `text “${q.q}”`].filter(Boolean).join(", ");
  status("events", `${fmtN(list.querySelectorAll(".event").length)}${nextCursor ? "+" : ""} events${what ? " for " + what : ""}${rangeText()}`);
}

document.getElementById("events-form").addEventListener("submit", ev => {
  ev.preventDefault();
  const f = Object.fromEntries(new FormData(ev.target));
  navigate({ view: "events", arg: "", actor: f.actor.trim(), dyad: f.dyad.replace(/\s+/g, ""), place: f.place.trim(), at: f.at.replace(/\s+/g, ""), root: f.root.trim(), quad: f.quad, q: f.q, mode: f.mode });
});
document.getElementById("more").addEventListener("click", () => { evKey = ""; searchEvents(true).catch(e => status("events", "error: " + e.message)); });

// --- document ------------------------------------------------------------
async function showDocument(id) {
  status("doc", "Loading the document…");
  const d = await api("/api/v1/documents/" + encodeURIComponent(id));
  if (state.view !== "doc" || state.arg !== id) return;
  document.getElementById("doc-title").textContent = d.article.title || d.article.id;
  document.getElementById("doc-meta").textContent = [d.article.source, (d.article.published || "").slice(0, 10), d.article.url].filter(Boolean).join(" · ");
  const marks = d.mentions.map(m => ({ span: m, cls: "mention" + (m.code ? "" : " uncoded"), title: (m.code || "uncoded") + (m.entry ? " · " + m.entry : "") }));
  for (const e of d.events) for (const ev of e.evidence || []) if (ev.doc_id === d.article.id) marks.push({ span: ev.trigger_span, cls: "trg", title: `${e.code} ${e.plover} (${e.mode})` });
  document.getElementById("doc-text").replaceChildren(highlight(d.article.text, 0, marks));
  showList(document.getElementById("doc-events"), d.events);
  status("doc", `document ${d.article.id}: ${d.events.length} events`);
}

// --- routing -------------------------------------------------------------
async function route() {
  state = parseState(location.hash.slice(1), "");
  syncControls();
  document.querySelectorAll(".view").forEach(v => v.classList.toggle("active", v.id === "view-" + state.view));
  document.getElementById("status").textContent = statusFor[state.view] || "";
  document.body.dataset.view = state.view;
  try {
    if (state.view === "dyad") await showDyad();
    if (state.view === "map") await showMap();
    if (state.view === "network") await showNetwork();
    if (state.view === "events") await searchEvents();
    if (state.view === "doc") await showDocument(state.arg);
  } catch (err) { status(state.view, "error: " + (err && err.message || err)); console.error(err); }
}

window.addEventListener("hashchange", route);
// a query-string link (?a=PAK&b=IRN&view=map) becomes the hash form
if (location.search) history.replaceState(null, "", location.pathname + hashOf(state));
route();
