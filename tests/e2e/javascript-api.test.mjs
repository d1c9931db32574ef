// User story: a developer calls the JavaScript API of the release build (the same
// claimlens-app-<hash>.js + _bg.wasm the batch worker loads) from their own code, in
// Node here. A string JavaScript can hold but Unicode cannot (half of a surrogate
// pair, from a text cut inside an emoji) is refused with a message naming its index
// and the fix, instead of being changed silently; the fixed string annotates with
// every UTF-16 index where it was. Needs dist/ (trunk build --release --offline).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

/** The API as shipped; the app's start function renders nothing outside a page. */
async function loadApi() {
  const glue = readdirSync(dist).find((f) => /^claimlens-app-[0-9a-f]+\.js$/.test(f));
  assert.ok(glue, 'dist/ holds the built app');
  const api = await import(pathToFileURL(`${dist}${glue}`).href);
  api.initSync({ module: readFileSync(`${dist}${glue.replace(/\.js$/, '_bg.wasm')}`) });
  return api;
}

// Written for this test: "Baku" is at UTF-16 index 3 after the emoji and a space.
const TEXT = '😀 Baku said on Monday that the talks failed.';

test('a string with a lone surrogate is refused with its index; the well-formed one annotates', async () => {
  const api = await loadApi();
  const cut = `${TEXT} ${'😀'[0]}`;
  assert.throws(
    () => api.annotate(cut, '2025-06-12'),
    (e) => {
      assert.match(e.message, /0xD83D at index 46 is half of a surrogate pair/);
      assert.match(e.message, /toWellFormed\(\)/);
      return true;
    },
  );
  assert.throws(() => api.annotateDocument('x', `\udc00${TEXT}`, ''), /0xDC00 at index 0/);

  const fixed = cut.toWellFormed();
  const doc = JSON.parse(api.annotate(fixed, '2025-06-12'));
  assert.equal(doc.text, fixed, 'the text comes back exactly');
  assert.equal(doc.text.length, cut.length, 'and as long as the caller counts it');
  const baku = doc.actors.find((a) => a.text === 'Baku');
  assert.ok(baku, 'Baku is an actor');
  assert.deepEqual(baku.utf16, { start: 3, end: 7 });
  assert.equal(cut.slice(baku.utf16.start, baku.utf16.end), 'Baku', 'UTF-16 offsets fit the caller string');
});

test('odd but valid strings annotate: empty, NUL bytes, a genuine replacement character', async () => {
  const api = await loadApi();
  for (const text of ['', '\0\0\0', '\ufffd said Baku', '"'.repeat(5000)]) {
    const doc = JSON.parse(api.annotate(text, ''));
    assert.equal(doc.text, text);
  }
  assert.throws(() => api.annotate('x', '12/06/2025'), /YYYY-MM-DD/);
});
