// An annotator has the workspace open in two tabs. A change in one shows up in the
// other; when both change the same document, the second write is refused with a
// conflict message instead of overwriting, and the annotator keeps both versions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAppInBrowser } from './pages/annotator-page.mjs';
import { WorkspacePage } from './pages/workspace-page.mjs';

// A tab that never hears from the others (as if the message were lost): replaces
// BroadcastChannel with one that delivers nothing.
const DEAF = () => {
  window.BroadcastChannel = class {
    postMessage() {}
    close() {}
  };
};

const session = serveAppInBrowser();

test('a change in one tab shows in the other', async () => {
  const a = await WorkspacePage.open(session.browser, session.server.url);
  await a.paste('Shared story\n\nThe ministry said on Monday that it agreed.');
  await a.annotate();
  await a.waitForStored((records) => records.some((r) => r.meta.title === 'Shared story'));
  const b = await a.newTab(session.server.url);
  assert.deepEqual(await b.titles(), ['Shared story']);

  await a.rename('Renamed in tab A');
  await b.document('Renamed in tab A').waitFor();
  assert.deepEqual([...a.errors, ...b.errors], []);
  await a.close();
});

test('two tabs changing one document: a conflict, never a silent overwrite', async () => {
  const a = await WorkspacePage.open(session.browser, session.server.url);
  await a.paste('Contested story\n\nThe army said on Tuesday that it withdrew.');
  await a.annotate();
  await a.waitForStored((records) => records.some((r) => r.meta.title === 'Contested story'));
  const b = await a.newTab(session.server.url, { init: DEAF });

  await a.rename('Title from tab A');
  await a.waitForStored((records) => records.some((r) => r.meta.title === 'Title from tab A'));
  await b.openDocument('Contested story');
  await b.rename('Title from tab B');

  const conflict = b.page.getByTestId('storage-conflict');
  await conflict.waitFor();
  assert.match(await conflict.textContent(), /changed in another tab/);
  let records = await b.storedRecords();
  assert.ok(records.some((r) => r.meta.title === 'Title from tab A'), 'tab A’s version is still stored');
  assert.ok(!records.some((r) => r.meta.title === 'Title from tab B'), 'tab B did not overwrite it');

  await b.page.getByTestId('conflict-keep').click();
  await conflict.waitFor({ state: 'detached' });
  await b.waitForStored((rs) => rs.some((r) => r.meta.title === 'Title from tab B (copy)'));
  records = await b.storedRecords();
  assert.ok(records.some((r) => r.meta.title === 'Title from tab A'));
  assert.deepEqual((await b.titles()).sort(), ['Title from tab A', 'Title from tab B (copy)']);
  await a.close();
});
