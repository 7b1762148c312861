// The tollwatch dashboard. Everything a report says is untrusted: it only ever reaches the page as textContent or
// as an attribute value set through the DOM, never as markup.
'use strict';

const METRICS = ['killed', 'injured', 'displaced'];
const POPULATIONS = ['all', 'civilians', 'children', 'combatants'];
const state = {
  metric: 'killed',
  totals: new Map(),      // REGION|metric|population → Total
  countries: null,        // GeoJSON features
  selected: null,         // country code
  region: null,           // region code shown in the chart
  openEvidence: new Set(), // figures whose evidence sentence is shown, kept across live redraws
  streamed: new Set(),     // keys changed on the live stream since the list was last loaded
};

const $ = (id) => document.getElementById(id);
const fmt = new Intl.NumberFormat('en');
const key = (t) => `${t.region}|${t.metric}|${t.population}`;
const isSubdivision = (code) => code.includes('-');

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v; else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c != null) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

async function getJson(url) {
  for (let attempt = 0; ; attempt++) {
    const r = await fetch(url, {headers: {Accept: 'application/json'}});
    if (r.status === 503 && attempt < 10) {
      await new Promise((ok) => setTimeout(ok, 1000 * Number(r.headers.get('Retry-After') || 1)));
      continue;
    }
    if (!r.ok) throw new Error(`${url}: ${r.status}`);
    return r.json();
  }
}

function total(region, population = 'all', metric = state.metric) {
  return state.totals.get(`${region}|${metric}|${population}`);
}

function counterText(t) {
  return t.counters.map((c) => `${c.counter} ${fmt.format(c.value)}`).join(' · ');
}

function rangeText(t) {
  return t.low === t.high ? '' : `${fmt.format(t.low)} – ${fmt.format(t.high)}`;
}

// ---- world map -------------------------------------------------------------------------------------------------

const projection = d3.geoNaturalEarth1();
const path = d3.geoPath(projection);
const SVG_NS = 'http://www.w3.org/2000/svg';

function color(value, max) {
  if (!value) return '#eef0f2';
  const t = Math.log1p(value) / Math.log1p(max || 1);
  const light = 88 - 52 * t;
  return `hsl(4, ${45 + 30 * t}%, ${light}%)`;
}

function drawMap() {
  const svg = $('map');
  const width = 960;
  const height = 470;
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  projection.fitExtent([[4, 4], [width - 4, height - 4]], {type: 'FeatureCollection', features: state.countries});
  svg.replaceChildren();
  for (const f of state.countries) {
    const p = document.createElementNS(SVG_NS, 'path');
    p.setAttribute('d', path(f) || '');
    p.setAttribute('class', 'country');
    if (f.properties.code) p.dataset.code = f.properties.code;
    const title = document.createElementNS(SVG_NS, 'title');
    p.append(title);
    p.addEventListener('click', () => f.properties.code && select(f.properties.code));
    svg.append(p);
  }
  shadeMap();
}

function countryRows() {
  return [...state.totals.values()]
    .filter((t) => !isSubdivision(t.region) && t.metric === state.metric && t.population === 'all')
    .sort((a, b) => b.best - a.best);
}

function shadeMap() {
  const rows = countryRows();
  const max = rows.length ? rows[0].best : 0;
  for (const p of $('map').querySelectorAll('path.country')) {
    const code = p.dataset.code;
    const t = code && total(code);
    p.style.fill = color(t ? t.best : 0, max);
    p.classList.toggle('selected', code === state.selected);
    const name = state.countries.find((f) => f.properties.code === code)?.properties.name || '';
    p.firstChild.textContent = t ? `${t.region_name || name}: ${fmt.format(t.best)} ${state.metric}` : name;
  }
  const legend = $('legend');
  legend.replaceChildren(el('span', {class: 'swatch low'}), ' fewer', el('span', {class: 'swatch high'}),
    ` more ${state.metric} (best figure, all people)`);
  const body = $('ranking').tBodies[0];
  body.replaceChildren(...rows.map((t) => {
    const tr = el('tr', {'data-region': t.region}, el('td', null, t.region_name || t.region),
      el('td', {class: 'num', 'data-key': key(t)}, fmt.format(t.best)), el('td', {class: 'range'}, rangeText(t)));
    tr.addEventListener('click', () => select(t.region));
    if (t.region === state.selected) tr.className = 'selected';
    return tr;
  }));
}

// ---- a country and its subdivisions ----------------------------------------------------------------------------

async function select(country) {
  state.selected = country;
  state.region = null;
  $('region').hidden = true;
  renderCountry();
  shadeMap();
}

function renderCountry() {
  const code = state.selected;
  if (!code) return;
  $('hint').hidden = true;
  $('country').hidden = false;
  const own = total(code);
  const feature = state.countries.find((f) => f.properties.code === code);
  $('country-name').textContent = own?.region_name || feature?.properties.name || code;
  $('country-best').textContent = own ? `${fmt.format(own.best)} ${state.metric}` : `no ${state.metric} reported`;
  $('country-best').dataset.key = own ? key(own) : '';
  $('country-range').textContent = own && rangeText(own) ? `range ${rangeText(own)}` : '';
  $('country-counters').textContent = own && own.counters.length ? `counted by ${counterText(own)}` : '';
  $('country-populations').replaceChildren(...POPULATIONS.slice(1).map((p) => total(code, p))
    .filter(Boolean).map((t) => el('span', {class: 'pill'}, `${t.population} ${fmt.format(t.best)}`)));

  const subs = [...state.totals.values()]
    .filter((t) => t.country === code && isSubdivision(t.region) && t.metric === state.metric && t.population === 'all')
    .sort((a, b) => b.best - a.best);
  const sum = subs.reduce((s, t) => s + t.best, 0);
  $('sum-note').textContent = subs.length
    ? `${subs.length} with figures, summing to ${fmt.format(sum)}; the country total is the larger of that sum and its own country-wide figures`
    : '';
  const body = $('subdivisions').tBodies[0];
  body.replaceChildren(...subs.map((t) => {
    const tr = el('tr', {'data-region': t.region},
      el('td', null, t.region_name || t.region),
      el('td', {class: 'num', 'data-key': key(t)}, fmt.format(t.best)),
      el('td', {class: 'range'}, rangeText(t) || '—'),
      el('td', {class: 'counters'}, counterText(t)));
    tr.addEventListener('click', () => showRegion(t.region));
    if (t.region === state.region) tr.className = 'selected';
    return tr;
  }));
  if (!subs.length) {
    body.append(el('tr', null, el('td', {colspan: '4', class: 'note'}, 'No subdivision has figures of its own.')));
  }
  if (!state.region) showRegion(subs.length ? subs[0].region : code);
}

// ---- one region: daily chart and the figures behind it ---------------------------------------------------------

let chart = null;

async function showRegion(region) {
  state.region = region;
  $('region').hidden = false;
  for (const tr of $('subdivisions').tBodies[0].rows) tr.classList.toggle('selected', tr.dataset.region === region);
  const t = total(region);
  $('region-name').textContent = `${t?.region_name || region}: daily ${state.metric}`;
  const [days, figures] = await Promise.all([
    getJson(`/api/daily/${encodeURIComponent(region)}?metric=${state.metric}&population=all`),
    getJson(`/api/figures/${encodeURIComponent(region)}?limit=20`),
  ]);
  if (state.region !== region) return;
  drawChart(days);
  drawFigures(figures);
}

function drawChart(days) {
  const host = $('chart');
  if (chart) { chart.destroy(); chart = null; }
  host.replaceChildren();
  $('chart-note').textContent = days.length ? '' : 'No incident figures by day for this region yet.';
  if (!days.length) return;
  const xs = days.map((d) => Date.parse(d.day) / 1000);
  const opts = {
    width: Math.max(320, host.clientWidth || 560), height: 200,
    scales: {x: {time: true}},
    series: [{}, {label: 'best', stroke: '#b0342b', fill: 'rgba(176,52,43,0.12)', width: 2,
      points: {show: true, size: 6}}, {label: 'low', stroke: '#7a8591', dash: [4, 4], width: 1}],
    axes: [{}, {values: (u, vals) => vals.map((v) => fmt.format(v))}],
  };
  chart = new uPlot(opts, [xs, days.map((d) => d.best), days.map((d) => d.low)], host);
}

function drawFigures(figures) {
  const list = $('figures');
  list.replaceChildren(...figures.map((f) => {
    const head = el('div', {class: 'figure-head'},
      el('strong', null, fmt.format(f.value)), ` ${f.metric}`,
      f.population !== 'all' ? ` (${f.population})` : '',
      el('span', {class: 'meta'}, ` ${f.basis} · ${f.counter} · ${f.day} · via ${f.source}`));
    const item = el('li', {'data-report': f.report_id}, head);
    const tools = el('div', {class: 'figure-tools'});
    if (f.evidence) {
      const id = [f.report_id, f.metric, f.population, f.counter, f.day].join('|');
      const open = state.openEvidence.has(id);
      const quote = el('blockquote', {class: 'evidence'}, f.evidence);
      quote.hidden = !open;
      const button = el('button', {type: 'button'}, open ? 'hide evidence' : 'evidence');
      button.addEventListener('click', () => {
        quote.hidden = !quote.hidden;
        if (quote.hidden) state.openEvidence.delete(id); else state.openEvidence.add(id);
        button.textContent = quote.hidden ? 'evidence' : 'hide evidence';
      });
      tools.append(button);
      item.append(tools, quote);
    } else {
      item.append(tools);
    }
    if (f.url && /^https?:\/\//i.test(f.url)) {
      const a = el('a', {rel: 'noopener noreferrer nofollow', target: '_blank'}, 'report');
      a.href = f.url;
      tools.append(a);
    }
    tools.append(el('span', {class: 'meta'}, ` report ${f.report_id}`));
    return item;
  }));
}

// ---- live updates ----------------------------------------------------------------------------------------------

// The server sends `ready` once it is listening for changes; the list is loaded only then.
function connect(onReady) {
  const source = new EventSource('/api/stream');
  source.addEventListener('open', () => setLive(true));
  source.addEventListener('error', () => setLive(false));
  source.addEventListener('ready', onReady);
  source.addEventListener('total', (e) => {
    const t = JSON.parse(e.data);
    state.totals.set(key(t), t);
    state.streamed.add(key(t));
    refresh(t);
  });
}

// The list is read from the query views, which follow the totals topic a little behind the live stream: a total
// streamed to the page is newer than the list's copy, and a total streamed before the page was listening reaches it
// only through the list, once the views have it. Hence the list is loaded again every few seconds, and after a
// reconnect (when changes may have been missed) it may replace what was streamed before.
const RECONCILE_MS = 5000;

/** @return whether the list changed anything */
async function loadTotals(afterReconnect) {
  if (afterReconnect) state.streamed = new Set();
  const totals = await getJson('/api/totals');
  let changed = false;
  for (const t of totals) {
    const k = key(t);
    if (state.streamed.has(k) || JSON.stringify(state.totals.get(k)) === JSON.stringify(t)) continue;
    state.totals.set(k, t);
    changed = true;
  }
  return changed;
}

let pending = null;
function refresh(changed) {
  if (!state.countries) return;
  clearTimeout(pending);
  pending = setTimeout(() => {
    shadeMap();
    renderCountry();
    for (const cell of document.querySelectorAll(`[data-key="${CSS.escape(key(changed))}"]`)) {
      cell.classList.remove('flash');
      void cell.offsetWidth;
      cell.classList.add('flash');
    }
    if (state.region && (changed.region === state.region)) showRegion(state.region);
  }, 150);
}

function setLive(on) {
  const live = $('live');
  live.className = on ? 'live on' : 'live off';
  live.textContent = on ? 'live' : 'reconnecting…';
}

// ---- start -----------------------------------------------------------------------------------------------------

function metricButtons() {
  $('metrics').replaceChildren(...METRICS.map((m) => {
    const b = el('button', {type: 'button', 'data-metric': m}, m);
    b.classList.toggle('active', m === state.metric);
    b.addEventListener('click', () => {
      state.metric = m;
      metricButtons();
      shadeMap();
      renderCountry();
      if (state.region) showRegion(state.region);
    });
    return b;
  }));
}

async function start() {
  metricButtons();
  const shapes = getJson('/assets/countries.json');
  let first = true;
  await new Promise((ok) => connect(() => {
    if (first) {
      first = false;
      ok();
    } else {
      reload(true).catch(showError);
    }
  }));
  await loadTotals(true);
  state.countries = (await shapes).features;
  drawMap();
  const top = countryRows()[0];
  if (top) select(top.region);
  document.body.dataset.ready = 'true';
  setInterval(() => reload(false).catch(showError), RECONCILE_MS);
}

async function reload(afterReconnect) {
  if (!(await loadTotals(afterReconnect)) || !state.countries) return;
  shadeMap();
  renderCountry();
  if (state.region) showRegion(state.region);
}

function showError(e) {
  $('hint').textContent = `The dashboard could not load: ${e.message}`;
}

start().catch(showError);
