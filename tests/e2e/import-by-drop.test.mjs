// An annotator drops several files on the library at once: each becomes a document,
// the import says what it did, a bad file is refused with its reason, and nothing
// already in the workspace changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAppInBrowser } from './pages/annotator-page.mjs';
import { WorkspacePage } from './pages/workspace-page.mjs';

const session = serveAppInBrowser();

test('dropping several files imports each, refuses the bad one, keeps the rest', async () => {
  const ws = await WorkspacePage.open(session.browser, session.server.url);
  await ws.paste('Harbour reopens\n\nThe port authority said on Monday that ships may dock again.');
  await ws.annotate();
  const before = await ws.highlights('actor').count();

  await ws.dropFiles([
    { name: 'border-talks.txt', text: 'Border talks stall\n\nThe ministry said on Tuesday that talks had stalled.' },
    { name: 'notes.md', text: '# Flood warning\n\nThe agency warned of floods [here](https://example.org/a).' },
    { name: 'empty.txt', text: '' },
    {
      name: 'batch.jsonl',
      text: '{"id":"wire-1","text":"Rebels deny attack.","dct":"2024-03-01"}\n{"id":"wire-2","text":"Army says town retaken.","dct":"2024-03-02"}\n',
    },
  ]);

  await ws.importNotices().getByText('Imported 4 documents from 4 files.').waitFor();
  assert.match(await ws.importProblems().textContent(), /empty\.txt: the file is empty/);
  assert.equal(await ws.documents().count(), 5);
  const titles = await ws.titles();
  assert.ok(titles.includes('Harbour reopens'), titles.join(' | '));
  assert.ok(titles.includes('wire-1') && titles.includes('wire-2'), titles.join(' | '));
  // The open document is still the pasted one, untouched.
  assert.equal(await ws.page.getByTestId('title-input').inputValue(), 'Harbour reopens');
  assert.equal(await ws.highlights('actor').count(), before);
  assert.deepEqual(ws.errors, []);
  await ws.close();
});
