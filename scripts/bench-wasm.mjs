// Speed of the wasm engine: annotate() of the JavaScript API as shipped in the release
// build (dist/claimlens-app-<hash>.js + _bg.wasm, the files the batch worker loads), on
// about 1 MB of generated news-like text, in Node. Prints MB/s by wall time and by the
// process's CPU time (which a loaded, shared machine skews far less); asserts nothing.
//
//   trunk build --release --offline && node scripts/bench-wasm.mjs [--mb 1] [--runs 5] [--dist DIR]
//
// --dist reads another build's directory (e.g. one made with `trunk build --dist DIR`),
// so two builds can be compared on the same text. --mb takes a list (`--mb 0.25,1,2`)
// for the table of crates/core/benches/README.md. On a shared machine the best CPU
// time is the steadiest figure (another process can only make a run slower).
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { newsText } from './news-text.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const sizes = arg('mb', '1').split(',').map(Number);
const runs = Number(arg('runs', 5));
const distArg = process.argv.indexOf('--dist');
const dist = distArg > 0
  ? `${process.argv[distArg + 1].replace(/\/$/, '')}/`
  : fileURLToPath(new URL('../dist/', import.meta.url));
const glue = readdirSync(dist).find((f) => /^claimlens-app-[0-9a-f]+\.js$/.test(f));
if (!glue) throw new Error('no dist/claimlens-app-*.js: run trunk build --release --offline first');

// The app's start function renders nothing where there is no window, so the module
// loads in Node as in a worker.
const api = await import(pathToFileURL(`${dist}${glue}`).href);
api.initSync({ module: readFileSync(`${dist}${glue.replace(/\.js$/, '_bg.wasm')}`) });

const mbps = (bytes, ms) => (bytes / 1e6 / (ms / 1000)).toFixed(1);
const median = (xs) => xs[Math.floor(xs.length / 2)];
api.annotate(newsText(20_000), '2025-06-12'); // warm up
for (const mb of sizes) {
  const text = newsText(mb * 1_000_000);
  const size = Buffer.byteLength(text);
  const times = [];
  const cpuTimes = [];
  let counts = '';
  for (let i = 0; i < runs; i += 1) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const json = api.annotate(text, '2025-06-12');
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    const doc = JSON.parse(json);
    counts = `${doc.actors.length} actors, ${doc.dates.length} dates, ${doc.claims.length} claims`;
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  console.log(`claimlens wasm API ${api.version()} (${glue}): ${(size / 1e6).toFixed(2)} MB of text, ${counts}`);
  console.log(`annotate (incl. JSON out), ${runs} runs: wall median ${median(times).toFixed(0)} ms = ${mbps(size, median(times))} MB/s (best ${mbps(size, times[0])}); CPU median ${median(cpuTimes).toFixed(0)} ms = ${mbps(size, median(cpuTimes))} MB/s (best ${mbps(size, cpuTimes[0])})`);
}
