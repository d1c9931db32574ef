// An annotator deletes documents, finds them in the Trash, restores one and deletes
// another for good: it leaves the trash, IndexedDB and the library after a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAppInBrowser } from './pages/annotator-page.mjs';
import { WorkspacePage } from './pages/workspace-page.mjs';

const session = serveAppInBrowser();

const trashTitles = (ws) => ws.page.getByTestId('trash-title').allTextContents();
const trashItem = (ws, title) =>
  ws.page.getByTestId('trash-item').filter({ has: ws.page.getByTestId('trash-title').getByText(title, { exact: true }) });

test('deleted documents wait in the Trash: restore one, delete another for good', async () => {
  const ws = await WorkspacePage.open(session.browser, session.server.url);
  await ws.paste('Open one\n\nThe ministry said on Monday that talks would resume.');
  await ws.annotate();
  await ws.dropFiles([
    { name: 'restore-me.txt', text: 'Restore me\n\nThe agency said on Friday it would stay.' },
    { name: 'forget-me.txt', text: 'Forget me\n\nNothing to see.' },
  ]);
  await ws.importNotices().getByText('Imported 2 documents from 2 files.').waitFor();
  for (const title of ['restore-me', 'forget-me']) {
    await ws.openDocument(title);
    await ws.page.getByTestId('delete-document').click();
    await ws.document(title).waitFor({ state: 'detached' });
  }
  assert.equal(await ws.page.getByTestId('trash-toggle').textContent(), 'Trash (2)');

  await ws.page.getByTestId('trash-toggle').click();
  assert.deepEqual((await trashTitles(ws)).sort(), ['forget-me', 'restore-me']);
  await trashItem(ws, 'restore-me').getByTestId('trash-restore').click();
  assert.deepEqual(await trashTitles(ws), ['forget-me']);
  await trashItem(ws, 'forget-me').getByTestId('trash-purge').click();
  await ws.page.getByTestId('trash-empty').waitFor();
  await ws.page.getByTestId('trash-toggle').click();
  assert.deepEqual((await ws.titles()).sort(), ['Open one', 'restore-me']);

  // Gone from storage too; the restored one is stored live.
  await ws.waitForStored(
    (records) =>
      !records.some((r) => r.meta.title === 'forget-me') &&
      records.some((r) => r.meta.title === 'restore-me' && !r.meta.deleted),
  );
  await ws.reload();
  assert.deepEqual((await ws.titles()).sort(), ['Open one', 'restore-me']);
  assert.equal(await ws.page.getByTestId('trash-toggle').textContent(), 'Trash (0)');
  assert.deepEqual(ws.errors, []);
  await ws.close();
});
