// Release builds: drops the whole-line comments and the indentation of the JavaScript in
// the build directory (the wasm-bindgen glue, batch-worker.js, sw.js), about 2.8 KB less
// gzipped transfer. Trunk minifies the page and the CSS but leaves the JavaScript as it
// is, and no JavaScript minifier is a dependency of this project.
//
//   node scripts/strip-js-comments.mjs [DIR]   DIR: default $TRUNK_STAGING_DIR, else dist
//
// A Trunk post_build hook, before csp-hashes.mjs and precache.sh (which hash the
// finished files). Only lines that are whole comments go: a line whose code starts with
// `//`, and the lines from one starting with `/*` to the `*/` that ends a line. Strings
// and regular expressions never span lines in these files, so such a line is never
// inside one; a file that could hold a multi-line template literal (an odd number of
// backticks on a code line) or a line continued with `\` is left as it is. Every file
// written must still parse (`node --check`), else the build fails. The glue is preloaded
// with a Subresource Integrity hash, so index.html gets the new one.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';

/** The file without its whole-line comments and indentation, or null when unsafe. */
function strip(source) {
  const out = [];
  let inBlock = false;
  for (const line of source.split('\n')) {
    const code = line.trim();
    if (inBlock) {
      if (code.endsWith('*/')) inBlock = false;
      else if (code.includes('*/')) return null;
      continue;
    }
    if (code.startsWith('//')) continue;
    if (code.startsWith('/*')) {
      if (code.endsWith('*/') && code.length >= 4) continue;
      if (code.includes('*/')) return null;
      inBlock = true;
      continue;
    }
    if (code === '') continue;
    if ((code.split('`').length - 1) % 2 === 1 || code.endsWith('\\')) return null;
    out.push(code);
  }
  return inBlock ? null : `${out.join('\n')}\n`;
}

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const indexPath = join(dir, 'index.html');
let index = readFileSync(indexPath, 'utf8');
for (const name of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
  const path = join(dir, name);
  const source = readFileSync(path, 'utf8');
  const stripped = strip(source);
  if (stripped === null) {
    console.log(`strip-js-comments: ${name} left as it is (a line may continue a string)`);
    continue;
  }
  writeFileSync(path, stripped);
  execFileSync(process.execPath, ['--check', path]);
  // The tag that links this file: its integrity hash (if any) must match the new bytes.
  index = index.replace(new RegExp(`<link[^>]*\\.\\/${name.replace(/[.]/g, '\\.')}[^>]*>`, 'g'), (tag) =>
    tag.replace(/integrity=("?)sha384-[A-Za-z0-9+/=]+\1/, (_, q) => `integrity=${q}${sri(stripped)}${q}`));
  console.log(`strip-js-comments: ${name} ${source.length} -> ${stripped.length} bytes`);
}
writeFileSync(indexPath, index);
