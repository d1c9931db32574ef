// An annotator works on several documents, then reloads (or the tab crashes): every
// document, title, status, date, annotation and deletion is still there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAppInBrowser } from './pages/annotator-page.mjs';
import { WorkspacePage } from './pages/workspace-page.mjs';
import { EDITOR_ARTICLE, EDITOR_ARTICLE_DATE } from './fixtures/editor-article.mjs';

/** What the article shows: every highlight's id, layer, status and text. */
const snapshot = (ws) =>
  ws.page.evaluate(() =>
    [...document.querySelectorAll('[data-testid=highlight]')].map(
      (h) => `${h.dataset.annId}:${h.dataset.layer}:${h.dataset.status}:${h.textContent}`,
    ),
  );

// IndexedDB at its slowest: every write keeps its transaction busy for `ms`.
const slowWrites = (ms) => `(() => {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    const request = put.apply(this, args);
    const store = this;
    const until = performance.now() + ${ms};
    const busy = () => { if (performance.now() < until) store.get('nothing').onsuccess = busy; };
    busy();
    return request;
  };
})()`;

const session = serveAppInBrowser();

test('edit, reload, and find every edit', async () => {
  const ws = await WorkspacePage.open(session.browser, session.server.url);
  await ws.paste('Talks resume\n\nThe ministry said on Monday that talks would resume next week.');
  await ws.setArticleDate('2021-05-05');
  await ws.annotate();
  await ws.dropFiles([
    { name: 'keep.txt', text: 'Keep me\n\nThe agency said on Friday it would stay.' },
    { name: 'bin.txt', text: 'Delete me\n\nNothing to see.' },
  ]);
  await ws.importNotices().getByText('Imported 2 documents from 2 files.').waitFor();

  await ws.openDocument('Talks resume');
  await ws.rename('Talks resume (checked)');
  await ws.setStatus('done');
  await ws.setDocumentDate('2021-05-12');
  const dates = await ws.highlights('date').count();
  await ws.openDocument('bin');
  await ws.page.getByTestId('delete-document').click();
  await ws.openDocument('keep');
  await ws.page.getByTestId('delete-document').click();
  await ws.page.getByTestId('undo-delete-button').click();
  await ws.document('keep').waitFor();

  // Durable without leaving the page: the debounced writes reach IndexedDB.
  await ws.waitForStored((records) =>
    records.some((r) => r.meta.title === 'Talks resume (checked)' && r.meta.status === 'done' && r.document.dct === '2021-05-12') &&
    records.some((r) => r.meta.title === 'bin' && r.meta.deleted) &&
    records.some((r) => r.meta.title === 'keep' && !r.meta.deleted),
  );

  await ws.reload();
  assert.deepEqual((await ws.titles()).sort(), ['Talks resume (checked)', 'keep']);
  await ws.openDocument('Talks resume (checked)');
  assert.equal(await ws.document('Talks resume (checked)').getByTestId('document-status').textContent(), 'done');
  assert.equal(await ws.page.getByTestId('document-dct').inputValue(), '2021-05-12');
  assert.equal(await ws.highlights('date').count(), dates);
  assert.match(await ws.page.getByTestId('status-counts').textContent(), /1 to do · 0 in progress · 1 done/);
  assert.deepEqual(ws.errors, []);
  await ws.close();
});

test('an edit made just before leaving the page is kept', async () => {
  const ws = await WorkspacePage.open(session.browser, session.server.url);
  await ws.paste('Quick edit\n\nThe council said on Monday it agreed.');
  await ws.annotate();
  await ws.waitForStored((records) => records.some((r) => r.meta.title === 'Quick edit'));
  await ws.rename('Renamed right before reload');
  // Reload at once: the page-hide flush writes the rename.
  await ws.reload();
  assert.deepEqual(await ws.titles(), ['Renamed right before reload']);
  await ws.close();
});

test('corrections and their undo history survive a reload', async () => {
  const ws = await WorkspacePage.open(session.browser, session.server.url);
  await ws.load(EDITOR_ARTICLE, EDITOR_ARTICLE_DATE);
  const before = await snapshot(ws);
  await ws.focus('date', 'Sunday');
  await ws.press('y');
  await ws.focus('actor', 'Ilham Aliyev');
  await ws.press('d');
  const edited = await snapshot(ws);
  assert.notDeepEqual(edited, before);
  await ws.waitForStored((records) => records.some((r) => r.history));

  await ws.reload();
  await ws.page.getByTestId('review-bar').waitFor();
  assert.deepEqual(await snapshot(ws), edited, 'every correction is back');
  await ws.page.getByTestId('undo').click();
  await ws.page.getByTestId('undo').click();
  assert.deepEqual(await snapshot(ws), before, 'and both undo steps with them');
  assert.deepEqual(ws.errors, []);
  await ws.close();
});

test('a title being typed is kept while other documents arrive', async () => {
  const ws = await WorkspacePage.open(session.browser, session.server.url);
  await ws.paste('Talks resume\n\nThe ministry said on Monday that talks would resume next week.');
  await ws.annotate();
  await ws.page.getByTestId('title-input').fill('Typed title');
  // The workspace changes under the box (an import; a write, a batch result or
  // another tab do the same) before the title is committed.
  await ws.dropFiles([{ name: 'other.txt', text: 'Other\n\nThe agency said on Friday it would go.' }]);
  await ws.importNotices().getByText('Imported 1 document from 1 file.').waitFor();
  assert.equal(await ws.page.getByTestId('title-input').inputValue(), 'Typed title');
  await ws.page.getByTestId('title-input').press('Enter');
  await ws.waitForStored((records) => records.some((r) => r.meta.title === 'Typed title'));
  await ws.close();
});

test('an edit made while a slow write is under way survives a reload', async () => {
  const ws = await WorkspacePage.open(session.browser, session.server.url, { init: slowWrites(1500) });
  await ws.paste('Slow disk\n\nThe council said on Monday it agreed.');
  await ws.annotate();
  await ws.waitForStored((records) => records.some((r) => r.meta.title === 'Slow disk'));
  await ws.rename('First title');
  // The write of the first title is under way when the second one is made.
  await ws.page.waitForTimeout(600);
  await ws.rename('Second title');
  await ws.reload();
  assert.deepEqual(await ws.titles(), ['Second title']);
  await ws.waitForStored((records) => records.some((r) => r.meta.title === 'Second title'));
  await ws.close();
});
