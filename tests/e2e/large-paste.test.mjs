// User story: an annotator pastes a whole 1 MB report (thousands of paragraphs) and
// presses Ctrl+Enter. The page never freezes: it keeps answering key presses while
// the article is annotated and drawn, the first highlights show up, and every
// paragraph is there: drawn near the view, the rest standing in as boxes that are
// drawn when scrolled to (the end of the article, for one).
//
// The criterion (issue #9, "annotates and renders without freezing the page"): on an
// idle machine no main-thread task lasts over 500 ms and every key press is handled
// within 200 ms. The test prints the measured figures and asserts bounds four times
// looser, since the machine running it may be shared and slow: a freeze (the whole
// annotation or all 20,000 highlights in one task, seconds long) still fails it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAppInBrowser } from './pages/annotator-page.mjs';
import { WorkspacePage } from './pages/workspace-page.mjs';
import { assertKeptAnswering, pasteAndAnnotate } from './pages/responsiveness.mjs';
import { newsText } from '../../scripts/news-text.mjs';

const MB = 1_000_000;
const TASK_BOUND_MS = 2000;
const KEY_BOUND_MS = 800;

const session = serveAppInBrowser();

test('a 1 MB pasted article is annotated and drawn while the page keeps answering the keyboard', async () => {
  const app = await WorkspacePage.open(session.browser, session.server.url);
  const text = newsText(MB, 9);
  const paragraphCount = text.split('\n').filter((line) => line.trim() !== '').length;
  const { probe, started } = await pasteAndAnnotate(app, text);
  await probe.pressKeysUntil(async () => {
    await app.page.getByTestId('highlight').first().waitFor({ timeout: 120_000 });
    await app.waitUntilDrawn();
  });
  const allDrawnMs = Date.now() - started;
  const report = await probe.report();
  console.log(
    `large paste (${(Buffer.byteLength(text) / MB).toFixed(2)} MB, ${paragraphCount} paragraphs): ` +
      `first highlight after ${report.toFirstHighlightMs} ms, drawn in view after ${allDrawnMs} ms; ` +
      `longest task ${report.longestTaskMs} ms (${report.longTasks.length} tasks over 50 ms: ` +
      `${report.longTasks.slice(0, 8).join(', ')}); worst key delay ${report.worstKeyDelayMs} ms ` +
      `over ${report.keyPresses} presses`,
  );

  const atStart = await app.drawing();
  assert.equal(atStart.blocks, paragraphCount, 'every paragraph is there, drawn or boxed');
  assert.ok((await app.highlights('actor').count()) > 10, 'actors are highlighted');
  await app.scrollArticleTo(1);
  const atEnd = await app.drawing();
  const bytes = Buffer.from(text);
  const last = atEnd.drawn[atEnd.drawn.length - 1];
  assert.equal(last.start + Buffer.byteLength(last.text), bytes.length, 'scrolled to, the end is drawn');
  for (const d of [...atStart.drawn, ...atEnd.drawn]) {
    assert.equal(d.text, bytes.subarray(d.start, d.start + Buffer.byteLength(d.text)).toString(), 'drawn where it is');
  }
  assert.ok((await app.highlights('actor').count()) > 10, 'actors are highlighted at the end too');
  assert.match(await app.page.getByTestId('status').textContent(), /^Found \d+ actors/);
  assertKeptAnswering(report, { taskBoundMs: TASK_BOUND_MS, keyBoundMs: KEY_BOUND_MS });
  assert.deepEqual(app.errors, [], 'no console errors');
  await app.close();
});
