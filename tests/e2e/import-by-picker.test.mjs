// An annotator picks files in the file picker: text, a web page (its visible text) and
// a native document with its annotations all arrive in the library.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAppInBrowser } from './pages/annotator-page.mjs';
import { WorkspacePage } from './pages/workspace-page.mjs';

const session = serveAppInBrowser();

test('picked .txt, .html and .json files become documents', async () => {
  const ws = await WorkspacePage.open(session.browser, session.server.url);
  // A native document made by the app itself: paste, annotate, export.
  await ws.paste('Ceasefire holds\n\nThe army said on Sunday that the ceasefire held.');
  await ws.annotate();
  const exported = await ws.exportJson();
  const { actors, dates, claims } = exported.document;
  const annotations = actors.length + dates.length + claims.length;
  assert.ok(annotations > 0);

  await ws.pickFiles([
    { name: 'story.txt', text: 'Market rally\n\nShares rose on Friday.' },
    {
      name: 'page.html',
      text: '<html><head><title>Storm report</title><script>window.__ran = 1</script></head><body><p>The storm hit on Monday.</p></body></html>',
    },
    { name: 'saved.json', text: JSON.stringify({ ...exported.document, id: 'saved-copy' }) },
  ]);

  await ws.importNotices().getByText('Imported 3 documents from 3 files.').waitFor();
  const titles = await ws.titles();
  // A text file is titled by its name, a page by its <title>, a document by its id.
  for (const t of ['story', 'Storm report', 'saved-copy']) assert.ok(titles.includes(t), titles.join(' | '));
  await ws.openDocument('Storm report');
  assert.match(await ws.article().textContent(), /The storm hit on Monday\./);
  assert.equal(await ws.page.evaluate(() => window.__ran), undefined, 'the page script never ran');
  await ws.openDocument('saved-copy');
  const left = await ws.document('saved-copy').getByTestId('suggestions-left').textContent();
  assert.equal(left, `${annotations} left`, 'its suggestions came with it');
  assert.deepEqual(ws.errors, []);
  await ws.close();
});
