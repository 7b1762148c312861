// Builds the dashboard's assets into the folder given as argument (the Maven build passes target/classes/dashboard):
// our page, script and styles, the pinned libraries' browser builds, and Natural Earth country shapes (world-atlas)
// as GeoJSON keyed by ISO 3166-1 alpha-2 code. Same inputs, same bytes.
import {copyFileSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {feature} from 'topojson-client';
import {iso31661} from 'iso-3166';

const out = process.argv[2];
if (!out) {
  throw new Error('usage: node build.mjs OUTPUT_DIR');
}
const assets = join(out, 'assets');
mkdirSync(assets, {recursive: true});

copyFileSync('src/index.html', join(out, 'index.html'));
for (const f of ['app.js', 'style.css']) {
  copyFileSync(join('src', f), join(assets, f));
}
copyFileSync('node_modules/d3-array/dist/d3-array.min.js', join(assets, 'd3-array.min.js'));
copyFileSync('node_modules/d3-geo/dist/d3-geo.min.js', join(assets, 'd3-geo.min.js'));
copyFileSync('node_modules/uplot/dist/uPlot.iife.min.js', join(assets, 'uPlot.iife.min.js'));
copyFileSync('node_modules/uplot/dist/uPlot.min.css', join(assets, 'uPlot.min.css'));

// world-atlas names countries by ISO 3166-1 numeric code; the API speaks alpha-2. Kosovo has no ISO code: XK.
const alpha2 = new Map(iso31661.map((c) => [c.numeric, c.alpha2]));
const topo = JSON.parse(readFileSync('node_modules/world-atlas/countries-110m.json', 'utf8'));
const countries = feature(topo, topo.objects.countries);
countries.features = countries.features
  .filter((f) => f.properties.name !== 'Antarctica')
  .map((f) => ({
    type: 'Feature',
    properties: {code: alpha2.get(f.id) ?? (f.properties.name === 'Kosovo' ? 'XK' : null), name: f.properties.name},
    geometry: f.geometry,
  }));
// Two decimals (about 1 km) are plenty for a world map and quarter the file.
writeFileSync(join(assets, 'countries.json'),
  JSON.stringify(countries, (k, v) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v)));
writeFileSync(join(assets, 'NOTICE.txt'), [
  'Country shapes: Natural Earth (public domain), via world-atlas 2.0.2 (ISC).',
  'd3-geo 3.1.1, d3-array 3.2.4 (ISC); uPlot 1.6.32 (MIT); topojson-client 3.1.0 (ISC); iso-3166 4.4.0 (MIT).',
  '',
].join('\n'));
