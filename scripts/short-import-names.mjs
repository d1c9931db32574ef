// Release builds: gives the wasm's imports (the browser functions the wasm-bindgen glue
// hands it) short names, in the wasm and in the glue alike. wasm-bindgen names each
// after the API it wraps plus a 16-digit hash (`__wbg_createElement_de4a31ed2fb252be`),
// about 7 KB of names in each file that gzip can barely shrink; `a`, `b`, ... save
// about 5 KB of gzipped transfer.
//
//   node scripts/short-import-names.mjs [DIR]   DIR: default $TRUNK_STAGING_DIR, else dist
//
// A Trunk post_build hook, after strip-js-comments.mjs and before csp-hashes.mjs and
// precache.sh. A name is only an object key in the glue's imports, so each is renamed
// where it is that key, and only if it occurs nowhere else in the glue; if any import
// does not qualify, both files are left as they are. The glue and the wasm are
// preloaded with Subresource Integrity hashes, so index.html gets the new ones.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
const files = readdirSync(dir);
const wasmName = files.find((f) => /^claimlens-app-[0-9a-f]+_bg\.wasm$/.test(f));
const glueName = wasmName?.replace(/_bg\.wasm$/, '.js');
if (!wasmName || !files.includes(glueName)) throw new Error(`short-import-names: no claimlens-app wasm and glue in ${dir}`);
const wasm = readFileSync(join(dir, wasmName));
let glue = readFileSync(join(dir, glueName), 'utf8');

const leb = (bytes, at) => {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at];
    at += 1;
    value += (byte & 127) * 2 ** shift;
    shift += 7;
  } while (byte & 128);
  return [value, at];
};
const toLeb = (value) => {
  const out = [];
  do {
    let byte = value & 127;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 128;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
};
const nameBytes = (text) => {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([toLeb(bytes.length), bytes]);
};
const shortName = (n) => {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  do {
    name = letters[n % 52] + name;
    n = Math.floor(n / 52);
  } while (n > 0);
  return `$${name}`;
};
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The import section rewritten with short function names, and the glue with the same. */
function rename() {
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = leb(wasm, at + 1);
    if (id !== 2) {
      at = body + size;
      continue;
    }
    const [count, first] = leb(wasm, body);
    const parts = [toLeb(count)];
    let i = first;
    let renamed = glue;
    for (let n = 0; n < count; n += 1) {
      const [moduleLength, moduleAt] = leb(wasm, i);
      const module = wasm.subarray(i, moduleAt + moduleLength);
      const [fieldLength, fieldAt] = leb(wasm, moduleAt + moduleLength);
      const field = wasm.subarray(fieldAt, fieldAt + fieldLength).toString('utf8');
      const kind = wasm[fieldAt + fieldLength];
      if (kind !== 0) return null; // only functions are expected, as wasm-bindgen writes them
      const [, end] = leb(wasm, fieldAt + fieldLength + 1);
      const key = new RegExp(`^(\\s*)${escape(field)}:`, 'm');
      if (renamed.split(field).length !== 2 || !key.test(renamed)) return null;
      const short = shortName(n);
      renamed = renamed.replace(key, `$1${short}:`);
      parts.push(module, nameBytes(short), wasm.subarray(fieldAt + fieldLength, end));
      i = end;
    }
    if (i !== body + size) return null;
    const section = Buffer.concat(parts);
    const out = Buffer.concat([wasm.subarray(0, at + 1), toLeb(section.length), section, wasm.subarray(body + size)]);
    return { out, renamed };
  }
  return null;
}

const result = rename();
if (result === null) {
  console.log('short-import-names: an import is not a plain glue key; names left as they are');
  process.exit(0);
}
writeFileSync(join(dir, wasmName), result.out);
writeFileSync(join(dir, glueName), result.renamed);
execFileSync(process.execPath, ['--check', join(dir, glueName)]);

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const indexPath = join(dir, 'index.html');
let index = readFileSync(indexPath, 'utf8');
for (const [name, bytes] of [[glueName, result.renamed], [wasmName, result.out]]) {
  index = index.replace(new RegExp(`<link[^>]*\\./${escape(name)}[^>]*>`, 'g'), (tag) =>
    tag.replace(/integrity=("?)sha384-[A-Za-z0-9+/=]+\1/, (_, q) => `integrity=${q}${sri(bytes)}${q}`));
}
writeFileSync(indexPath, index);
console.log(`short-import-names: ${wasmName}: ${wasm.length} -> ${result.out.length} bytes; ${glueName} renamed to match`);
