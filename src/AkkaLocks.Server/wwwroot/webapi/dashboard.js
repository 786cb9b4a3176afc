// AkkaLocks live dashboard. Reads the native v1 API: the held locks once (GET /v1/locks, all pages), then
// every transition pushed as Server-Sent Events (GET /v1/events), refreshing only the lock that changed.
// No build step and no dependencies: served as a static file by the server itself.
"use strict";

const locks = new Map();      // "context/name" -> LockInfo (+ waiters count)
const feedLimit = 200;

const el = (tag, { dataset = {}, ...props } = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  Object.assign(node.dataset, dataset);   // dataset itself is read-only; its entries are not
  node.append(...children);
  return node;
};
const keyOf = (context, name) => `${context}/${name}`;
const path = (context, name) => `/v1/locks/${encodeURIComponent(context)}/${encodeURIComponent(name)}`;

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

async function loadAllLocks() {
  locks.clear();
  let cursor = null;
  do {
    const page = await getJson(`/v1/locks?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    for (const item of page.items) locks.set(keyOf(item.context, item.name), withClock(item));
    cursor = page.nextCursor;
  } while (cursor);
  render();
}

// Remaining TTL counts down in the browser from the server's remainingMs at the time it was read.
const withClock = (info) => ({ ...info, readAt: performance.now(), waiters: info.waiters ? info.waiters.length : (locks.get(keyOf(info.context, info.name))?.waiters ?? 0) });

async function refreshLock(context, name) {
  const info = await getJson(path(context, name));
  if (info) locks.set(keyOf(context, name), withClock(info));
  else locks.delete(keyOf(context, name));
  render();
}

function remaining(info) {
  if (info.remainingMs == null) return null;
  return Math.max(0, info.remainingMs - (performance.now() - info.readAt));
}

function formatDuration(ms) {
  if (ms == null) return "until released";
  const s = Math.ceil(ms / 1000);
  return s >= 3600 ? `${Math.floor(s / 3600)}h ${Math.floor(s % 3600 / 60)}m` : s >= 60 ? `${Math.floor(s / 60)}m ${s % 60}s` : `${s}s`;
}

function render() {
  const container = document.getElementById("locks");
  const byContext = new Map();
  for (const info of [...locks.values()].sort((a, b) => keyOf(a.context, a.name).localeCompare(keyOf(b.context, b.name)))) {
    if (!byContext.has(info.context)) byContext.set(info.context, []);
    byContext.get(info.context).push(info);
  }
  document.getElementById("held-count").textContent = String(locks.size);
  if (byContext.size === 0) {
    container.replaceChildren(el("p", { className: "empty", textContent: "No locks are held." }));
    return;
  }
  container.replaceChildren(...[...byContext].flatMap(([context, items]) => [
    el("h3", { textContent: context }),
    el("table", { className: "locks", dataset: { context } },
      el("thead", {}, el("tr", {}, ...["Lock", "Owner", "Fencing token", "TTL left", "Waiting", "Data"].map(h => el("th", { textContent: h })))),
      el("tbody", {}, ...items.map(row))),
  ]));
}

function row(info) {
  const left = remaining(info);
  return el("tr", { dataset: { lock: keyOf(info.context, info.name) } },
    el("td", { textContent: info.name }),
    el("td", { textContent: info.owner }),
    el("td", { textContent: String(info.fencingToken) }),
    el("td", { className: "ttl" + (left != null && left < 5000 ? " soon" : ""), textContent: formatDuration(left) }),
    el("td", { textContent: String(info.waiters ?? 0) }),
    el("td", { className: "data", textContent: info.data == null ? "" : JSON.stringify(info.data) }));
}

function addToFeed(kind, data) {
  const feed = document.getElementById("feed");
  const time = new Date(data.time).toLocaleTimeString();
  const token = data.fencingToken != null ? ` #${data.fencingToken}` : "";
  feed.prepend(el("li", {}, el("time", { textContent: time }), el("span", { className: `kind ${kind}`, textContent: kind }),
    `${data.context}/${data.name} ${data.owner}${token}${data.detail ? ` (${data.detail})` : ""}`));
  while (feed.children.length > feedLimit) feed.lastElementChild.remove();
}

function onTransition(kind, data) {
  addToFeed(kind, data);
  const key = keyOf(data.context, data.name);
  if (kind === "released" || kind === "expired" || kind === "force-released") {
    locks.delete(key);
    render();
  } else if (kind === "waiter-queued" || kind === "waiter-left") {
    const info = locks.get(key);
    if (info) { info.waiters = Math.max(0, (info.waiters ?? 0) + (kind === "waiter-queued" ? 1 : -1)); render(); }
  } else {
    refreshLock(data.context, data.name).catch(console.error);
  }
}

function watch() {
  const status = document.getElementById("connection");
  const source = new EventSource("/v1/events");
  source.onopen = () => { status.dataset.state = "live"; status.textContent = "live"; loadAllLocks().catch(console.error); };
  source.onerror = () => { status.dataset.state = "down"; status.textContent = "reconnecting…"; };
  for (const kind of ["acquired", "extended", "released", "expired", "force-released", "waiter-queued", "waiter-left"]) {
    source.addEventListener(kind, (e) => onTransition(kind, JSON.parse(e.data)));
  }
}

async function loadService() {
  const [startDate, uptimeMs] = await Promise.all([getJson("/api/status/start_date"), getJson("/api/status/uptime")]);
  document.getElementById("start-date").textContent = new Date(startDate).toLocaleString();
  const startedAt = performance.now() - uptimeMs;
  const tick = () => { document.getElementById("uptime").textContent = formatDuration(performance.now() - startedAt); };
  tick();
  setInterval(tick, 1000);
}

setInterval(() => { if (locks.size > 0) render(); }, 1000);   // the TTL countdown; data itself is pushed
document.addEventListener("DOMContentLoaded", () => {
  loadService().catch(console.error);
  watch();
});
