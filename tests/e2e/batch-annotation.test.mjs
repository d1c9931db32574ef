// User story: an annotator adds 500 articles and presses "Annotate all". A progress
// bar counts n / 500, the page keeps answering the keyboard while the worker runs,
// and Cancel stops the batch. Another page can use the same worker by its protocol.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, appServer, AnnotatorPage } from './pages/annotator-page.mjs';
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

test('a batch of 500 documents shows its progress and the page stays responsive', async () => {
  const app = await AnnotatorPage.open(browser, server.url);
  const panel = new ExchangePanel(app.page);
  await panel.addArticles([batchFile()]);
  await app.page.getByText(`${DOCS} document(s) held`).waitFor();

  await panel.annotateAll();
  await app.page.waitForFunction(() => {
    const bar = document.querySelector('[data-testid=batch-progress]');
    return bar && Number(bar.getAttribute('aria-valuenow')) >= 1;
  });
  // A key press in the article box while the worker runs: from the event's own time
  // stamp to the next painted frame, and from the test's press to the typed letter.
  await app.page.evaluate(() => {
    const box = document.querySelector('[data-testid=paste-area]');
    window.keyLatency = new Promise((done) => {
      box.addEventListener(
        'keydown',
        (e) => requestAnimationFrame(() => done(performance.now() - e.timeStamp)),
        { once: true },
      );
    });
  });
  await app.page.getByTestId('paste-area').focus();
  const pressed = Date.now();
  await app.page.keyboard.press('x');
  await app.page.waitForFunction(() => document.querySelector('[data-testid=paste-area]').value.includes('x'));
  const wallMs = Date.now() - pressed;
  const frameMs = await app.page.evaluate(() => window.keyLatency);
  const doneAtKey = Number(await panel.progress().getAttribute('aria-valuenow'));
  console.log(`batch of ${DOCS}: key handled, event to next frame ${frameMs.toFixed(1)} ms, press to visible ${wallMs} ms (batch at ${doneAtKey} / ${DOCS})`);

  await panel.status().waitFor({ timeout: 120_000 });
  assert.equal(await panel.progressCount().textContent(), `${DOCS} / ${DOCS}`);
  assert.match(await panel.status().textContent(), /Done: 500 annotated/);
  assert.equal(await panel.progress().getAttribute('role'), 'progressbar');
  // Every document came back annotated: nothing is left for a new batch.
  assert.equal(await app.page.getByTestId('annotate-all').textContent(), 'Annotate all (0)');
  assert.deepEqual(app.errors, []);
  await app.close();
});

test('Cancel stops a batch part way and keeps what was done', async () => {
  const app = await AnnotatorPage.open(browser, server.url);
  const panel = new ExchangePanel(app.page);
  await panel.addArticles([batchFile()]);
  await app.page.getByText(`${DOCS} document(s) held`).waitFor();
  await panel.annotateAll();
  await panel.progressCount().waitFor();
  await panel.cancel();
  await panel.status().waitFor();
  const status = await panel.status().textContent();
  const match = status.match(/Cancelled after (\d+) of 500/);
  assert.ok(match, status);
  const done = Number(match[1]);
  assert.ok(done < DOCS, status);
  // The rest can be annotated later.
  assert.equal(await app.page.getByTestId('annotate-all').textContent(), `Annotate all (${DOCS - done})`);
  await app.close();
});

test('another page can annotate with the worker and its JSON protocol', async () => {
  const app = await AnnotatorPage.open(browser, server.url);
  const result = await app.page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        // No engine URLs given: the worker finds the app's files itself.
        const worker = new Worker('./batch-worker.js', { type: 'module' });
        const seen = [];
        worker.onerror = (e) => reject(new Error(e.message));
        worker.onmessage = (e) => {
          const m = JSON.parse(e.data);
          seen.push(m);
          if (m.type === 'finished') {
            worker.terminate();
            resolve(seen);
          }
        };
        worker.postMessage(
          JSON.stringify({
            type: 'batch',
            batch: 7,
            documents: [
              { id: 'a', text: 'Paris said on Monday that talks would resume.', dct: '2025-06-12' },
              { id: 'b', text: 'Nothing here.', dct: 'not a date' },
            ],
          }),
        );
      }),
  );
  const types = result.map((m) => m.type);
  assert.ok(types.includes('ready'), types.join());
  const progress = result.find((m) => m.type === 'progress');
  assert.equal(JSON.parse(progress.document).id, 'a');
  const failed = result.find((m) => m.type === 'failed');
  assert.match(failed.message, /not a date/);
  assert.deepEqual(result.at(-1), { type: 'finished', batch: 7, done: 2, total: 2, cancelled: false });
  await app.close();
});
