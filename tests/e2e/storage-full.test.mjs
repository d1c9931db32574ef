// Storage fills up (or is switched off): the annotator is told clearly, nothing on
// screen is lost, and the work can be exported. The full disk is simulated by
// stubbing IDBObjectStore.prototype.put to throw a QuotaExceededError (via
// context.addInitScript), once the flag `__storageFull` is set; until then writes go
// through, so the test also sees the failure arrive after successful writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAppInBrowser } from './pages/annotator-page.mjs';
import { WorkspacePage } from './pages/workspace-page.mjs';

const FULL_DISK = () => {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    if (window.__storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  };
};

const session = serveAppInBrowser();

test('a write that fails for lack of space says so, keeps the work and offers an export', async () => {
  const ws = await WorkspacePage.open(session.browser, session.server.url, { init: FULL_DISK });
  await ws.paste('Stored first\n\nThe ministry said on Monday that it agreed.');
  await ws.annotate();
  await ws.waitForStored((records) => records.some((r) => r.meta.title === 'Stored first'));

  await ws.page.evaluate(() => {
    window.__storageFull = true;
  });
  await ws.paste('Not stored\n\nThe army said on Tuesday that it withdrew.');
  await ws.annotate();

  await ws.storageError().waitFor();
  assert.match(await ws.storageError().textContent(), /Saving failed \(QuotaExceededError.*export it/);
  // Nothing lost: both documents are listed and the new one is shown.
  assert.deepEqual((await ws.titles()).sort(), ['Not stored', 'Stored first']);
  assert.match(await ws.article().textContent(), /The army said on Tuesday/);
  const { fileName, text } = await ws.download('export-all');
  assert.equal(fileName, 'claimlens-workspace.jsonl');
  const docs = text.trim().split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(docs.map((d) => d.text.split('\n')[0]).sort(), ['Not stored', 'Stored first']);
  assert.ok(docs.every((d) => d.actors.length + d.dates.length > 0), 'annotations are in the export');

  // Space comes back: the next change is written and the message goes away.
  await ws.page.evaluate(() => {
    window.__storageFull = false;
  });
  await ws.rename('Stored after all');
  await ws.storageError().waitFor({ state: 'detached' });
  await ws.waitForStored((records) => records.some((r) => r.meta.title === 'Stored after all'));
  await ws.close();
});
