// Speed of the wasm engine: annotate() of the built JavaScript API (dist/, the same
// claimlens-wasm-api.js + _bg.wasm the batch worker loads) on about 1 MB of generated
// news-like text, in Node. Prints MB/s (median of the runs); asserts nothing.
//
//   trunk build --release --offline && node scripts/bench-wasm.mjs [--mb 1] [--runs 5]
import { readFileSync } from 'node:fs';
import { runInThisContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { newsText } from './news-text.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const mb = arg('mb', 1);
const runs = arg('runs', 5);
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

// The no-modules build declares a global `wasm_bindgen`; evaluate it as a script.
runInThisContext(`${readFileSync(`${dist}claimlens-wasm-api.js`, 'utf8')}\nglobalThis.wasm_bindgen = wasm_bindgen;`);
const api = globalThis.wasm_bindgen;
api.initSync({ module: readFileSync(`${dist}claimlens-wasm-api_bg.wasm`) });

const text = newsText(mb * 1_000_000);
const size = Buffer.byteLength(text);
api.annotate(text.slice(0, 10_000), '2025-06-12'); // warm up
const times = [];
let spans = 0;
for (let i = 0; i < runs; i += 1) {
  const start = performance.now();
  const json = api.annotate(text, '2025-06-12');
  times.push(performance.now() - start);
  spans = JSON.parse(json).annotations?.length ?? spans;
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`claimlens wasm ${api.version()}: ${(size / 1e6).toFixed(2)} MB, ${spans} annotations`);
console.log(`annotate: median ${median.toFixed(0)} ms over ${runs} runs = ${(size / 1e6 / (median / 1000)).toFixed(1)} MB/s (best ${(size / 1e6 / (times[0] / 1000)).toFixed(1)} MB/s)`);
