// User story: an annotator imports 500 articles into the library and presses
// "Annotate all". A progress bar counts n / 500, the page keeps answering the keyboard
// while the worker runs, the suggestions land in the library documents (and in
// IndexedDB), Cancel stops a batch, a batch never undoes what a person decided, and
// the whole batch can be undone. Another page can use the same worker by its protocol.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadavg } from 'node:os';
import { launchBrowser, appServer } from './pages/annotator-page.mjs';
import { WorkspacePage } from './pages/workspace-page.mjs';
import { ExchangePanel } from './pages/exchange-panel.mjs';
import { newsText } from '../../scripts/news-text.mjs';

const DOCS = 500;
let browser;
let server;

before(async () => {
  browser = await launchBrowser();
  server = await appServer();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** 500 articles of about 10 KB as one JSONL file. */
function batchFile() {
  const lines = [];
  for (let i = 1; i <= DOCS; i += 1) {
    lines.push(JSON.stringify({ id: `story-${i}`, text: newsText(10_000, i), dct: '2025-06-12' }));
  }
  return { name: 'stories.jsonl', text: `${lines.join('\n')}\n` };
}

async function withStories() {
  const ws = await WorkspacePage.open(browser, server.url);
  const panel = new ExchangePanel(ws.page);
  await panel.addArticles([batchFile()]);
  await ws.importNotices().getByText(`Imported ${DOCS} documents from 1 file.`).waitFor();
  await ws.page.getByText(`${DOCS} document(s) in the library`).waitFor();
  return { ws, panel };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

test('a batch of 500 library documents shows its progress, lands in the library and the page stays responsive', async () => {
  const { ws, panel } = await withStories();
  assert.equal(await ws.page.getByTestId('annotate-all').textContent(), `Annotate all (${DOCS})`);

  // Every key press in the article box during the batch: from the event's own time
  // stamp to the next frame (the browser paints right after it).
  await ws.page.evaluate(() => {
    window.keyLatencies = [];
    document.querySelector('[data-testid=paste-area]').addEventListener('keydown', (e) => {
      const at = e.timeStamp;
      requestAnimationFrame(() => window.keyLatencies.push(performance.now() - at));
    });
  });
  await panel.annotateAll();
  await ws.page.waitForFunction(() => {
    const bar = document.querySelector('[data-testid=batch-progress]');
    return bar && Number(bar.getAttribute('aria-valuenow')) >= 1;
  });
  await ws.page.getByTestId('paste-area').focus();
  let presses = 0;
  while ((await panel.status().count()) === 0 && presses < 400) {
    await ws.page.keyboard.press('x');
    presses += 1;
    await ws.page.waitForTimeout(50);
  }
  const latencies = (await ws.page.evaluate(() => window.keyLatencies)).sort((a, b) => a - b);
  if (latencies.length > 0) {
    console.log(
      `batch of ${DOCS}: ${latencies.length} key presses, event to next frame ms: median ${percentile(latencies, 50).toFixed(1)}, ` +
        `p95 ${percentile(latencies, 95).toFixed(1)}, max ${latencies.at(-1).toFixed(1)} (load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})`,
    );
  }

  await panel.status().waitFor({ timeout: 180_000 });
  assert.equal(await panel.progressCount().textContent(), `${DOCS} / ${DOCS}`);
  assert.match(await panel.status().textContent(), /Done: 500 annotated/);
  assert.equal(await panel.progress().getAttribute('role'), 'progressbar');
  // Every document came back annotated: nothing is left for a new batch, and the
  // library lists suggestions to review.
  await ws.page.getByText('Annotate all (0)').waitFor();
  const left = await ws.page.getByTestId('suggestions-left').allTextContents();
  assert.ok(left.every((l) => !l.startsWith('0 ')), left.slice(0, 5).join());
  // And they are stored.
  await ws.waitForStored(
    (records) => records.filter((r) => r.document.actors.length + r.document.dates.length > 0).length === DOCS,
  );
  assert.deepEqual(ws.errors, []);
  await ws.close();
});

test('Cancel stops a batch part way and keeps what was done', async () => {
  const { ws, panel } = await withStories();
  await panel.annotateAll();
  await panel.progressCount().waitFor();
  await ws.page.waitForFunction(() => {
    const bar = document.querySelector('[data-testid=batch-progress]');
    return bar && Number(bar.getAttribute('aria-valuenow')) >= 1;
  });
  await panel.cancel();
  await panel.status().waitFor();
  const status = await panel.status().textContent();
  const match = status.match(/Cancelled after (\d+) of 500/);
  assert.ok(match, status);
  const done = Number(match[1]);
  assert.ok(done < DOCS, status);
  // The rest can be annotated later.
  await ws.page.getByText(`Annotate all (${DOCS - done})`).waitFor();
  await ws.close();
});

test('a batch over annotated documents keeps every decision, and the batch can be undone', async () => {
  const ws = await WorkspacePage.open(browser, server.url);
  await ws.load('Talks resume\n\nThe ministry said on Monday that talks would resume in Geneva.', '2021-05-05');
  await ws.focus('date', 'Monday');
  await ws.press('y');
  await ws.dropFiles([
    { name: 'one.txt', text: 'Floods\n\nThe mayor of Paris said on Friday that the river would rise.' },
    { name: 'two.txt', text: 'Strike\n\nThe union said on Tuesday that workers would stop.' },
  ]);
  await ws.importNotices().getByText('Imported 2 documents from 2 files.').waitFor();
  const panel = new ExchangePanel(ws.page);
  await ws.page.getByTestId('batch-again').check();
  assert.equal(await ws.page.getByTestId('annotate-all').textContent(), 'Annotate all (3)');
  await panel.annotateAll();
  await panel.status().getByText('Done: 3 annotated').waitFor();
  // The accepted date is still accepted; the imported documents got suggestions.
  await ws.openDocument('Talks resume');
  assert.equal(await ws.highlight('date', 'Monday').getAttribute('data-status'), 'accepted');
  assert.notEqual(await ws.document('one').getByTestId('suggestions-left').textContent(), '0 left');
  await ws.page.getByTestId('batch-undo').click();
  await ws.document('one').getByTestId('suggestions-left').getByText('0 left').waitFor();
  assert.equal(await ws.document('two').getByTestId('suggestions-left').textContent(), '0 left');
  await ws.openDocument('Talks resume');
  assert.equal(await ws.highlight('date', 'Monday').getAttribute('data-status'), 'accepted');
  assert.deepEqual(ws.errors, []);
  await ws.close();
});

test('another page can annotate with the worker and its protocol', async () => {
  const ws = await WorkspacePage.open(browser, server.url);
  const result = await ws.page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        // No engine URLs given: the worker finds the app's files itself.
        const worker = new Worker('./batch-worker.js', { type: 'module' });
        const seen = [];
        worker.onerror = (e) => reject(new Error(e.message));
        worker.onmessage = (e) => {
          const m = e.data;
          // The hand-over bytes, summed up as plain values for the test to read.
          if (m.annotations) {
            const magic = String.fromCharCode(...m.annotations.slice(0, 3));
            m.annotations = { bytes: m.annotations.byteLength, magic };
          }
          seen.push(m);
          // A new batch would replace the one running: the second waits for the first.
          if (m.type === 'finished' && m.batch === 7) {
            worker.postMessage({
              protocol: 2,
              type: 'batch',
              batch: 8,
              reply: 'annotations',
              documents: [{ id: 'c', text: 'Paris said on Monday that talks would resume.', dct: '' }],
            });
          }
          if (m.type === 'finished' && m.batch === 8) {
            worker.terminate();
            resolve(seen);
          }
        };
        // A message of the first version (a JSON string) is answered with the versions.
        worker.postMessage(JSON.stringify({ type: 'batch', batch: 6, documents: [] }));
        worker.postMessage({
          protocol: 2,
          type: 'batch',
          batch: 7,
          documents: [
            { id: 'a', text: 'Paris said on Monday that talks would resume.', dct: '2025-06-12' },
            { id: 'b', text: 'Nothing here.', dct: 'not a date' },
          ],
        });
      }),
  );
  const types = result.map((m) => m.type);
  assert.ok(types.includes('ready'), types.join());
  assert.ok(result.every((m) => m.protocol === 2), JSON.stringify(result));
  const refused = result.find((m) => m.type === 'failed' && m.batch === null);
  assert.match(refused.message, /speaks protocol 2, the message protocol 1/);
  const progress = result.find((m) => m.type === 'progress' && m.batch === 7);
  assert.equal(JSON.parse(progress.document).id, 'a');
  const failed = result.find((m) => m.type === 'failed' && m.batch === 7);
  assert.match(failed.message, /not a date/);
  // Batch 8 asked for the annotations only: its answer is bytes, not JSON.
  const compact = result.find((m) => m.type === 'progress' && m.batch === 8);
  assert.equal(compact.document, undefined);
  assert.equal(compact.annotations.magic, 'CLH');
  assert.ok(compact.annotations.bytes > 20, JSON.stringify(compact));
  assert.deepEqual(result.at(-1), { protocol: 2, type: 'finished', batch: 8, done: 1, total: 1, cancelled: false });
  await ws.close();
});
