// Trunk post_build hook: admits the inline scripts Trunk wrote into index.html by hash.
//
// Trunk 0.21 loads the wasm through an inline <script type="module">. The page's
// Content-Security-Policy (a <meta> in index.html) allows scripts from 'self' only, so
// this adds 'sha256-…' of every inline script's exact text to `script-src`.
// Runs with TRUNK_STAGING_DIR set; also usable by hand: node scripts/csp-hashes.mjs DIR.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('csp-hashes: give the build directory (or run as a Trunk hook)');
  process.exit(2);
}
const file = join(dir, 'index.html');
const html = readFileSync(file, 'utf8');

const hashes = [];
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  if (/\bsrc\s*=/i.test(m[1])) continue;
  const digest = createHash('sha256').update(m[2], 'utf8').digest('base64');
  hashes.push(`'sha256-${digest}'`);
}

const directive = /script-src 'self' 'wasm-unsafe-eval'[^;"]*/;
if (!directive.test(html)) {
  console.error(`csp-hashes: no "script-src 'self' 'wasm-unsafe-eval'" in ${file}`);
  process.exit(1);
}
const out = html.replace(directive, ["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(' '));
writeFileSync(file, out);
console.log(`csp-hashes: ${hashes.length} inline script(s) hashed into ${file}`);
