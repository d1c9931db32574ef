// User story: an annotator pastes a 10 MB report made of ordinary paragraphs (some
// thirty thousand of them) and presses Ctrl+Enter. The page never freezes: as soon
// as the first highlights show (only the part of the article near the view is drawn)
// the annotator moves between them (j) while the document is still being stored;
// k from the first highlight wraps round to the very last annotation at the end of
// the text (drawing it there), s jumps to the next open suggestion, and y accepts a
// suggestion; each key is answered. Nothing is lost: after a reload the document is
// back with the accepted suggestion.
//
// The criterion (issue #9): on an idle machine no main-thread task lasts over about
// 200 ms and key presses are answered within about 200 ms. The bounds asserted below
// are loose freeze-guards (the machine running the test may be shared and slow); the
// test prints the figures it measured.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAppInBrowser } from './pages/annotator-page.mjs';
import { WorkspacePage } from './pages/workspace-page.mjs';
import { assertKeptAnswering, pasteAndAnnotate } from './pages/responsiveness.mjs';
import { newsText } from '../../scripts/news-text.mjs';

const MB = 1_000_000;
const TASK_BOUND_MS = 6000;
const KEY_BOUND_MS = 6000;
const ANSWER_BOUND_MS = 10_000;
const DRAW_TIMEOUT_MS = 900_000;

const session = serveAppInBrowser();

/** The focused highlight's annotation id and status, or null. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.dataset?.annId ? { id: el.dataset.annId, status: el.dataset.status } : null;
  });

/**
 * Presses `key` and waits until `answered(before)` holds in the page (`before`: the
 * focused highlight when the key went down); the time it took, in ms.
 */
async function timedPress(page, key, answered) {
  const before = await focused(page);
  const started = Date.now();
  await page.keyboard.press(key);
  await page.waitForFunction(answered, before, { timeout: ANSWER_BOUND_MS, polling: 'raf' });
  return Date.now() - started;
}

/** Focus moved to another highlight than `before`'s. */
const focusMoved = (before) => {
  const el = document.activeElement;
  return Boolean(el?.dataset?.annId) && el.dataset.annId !== before?.id;
};

test('a 10 MB article of many paragraphs is drawn while the annotator moves and reviews in it', async () => {
  const app = await WorkspacePage.open(session.browser, session.server.url);
  const text = newsText(10 * MB, 5);
  const paragraphCount = text.split('\n').filter((line) => line.trim() !== '').length;
  const { probe, started } = await pasteAndAnnotate(app, text);
  let firstSeenMs = null;
  const moves = [];
  await probe.pressKeysUntil(async () => {
    const first = app.page.getByTestId('highlight').first();
    await first.waitFor({ timeout: DRAW_TIMEOUT_MS });
    firstSeenMs = Date.now() - started;
    // Moving between highlights while the rest is still being drawn.
    await first.focus();
    for (let i = 0; i < 5; i += 1) moves.push(await timedPress(app.page, 'j', focusMoved));
    await app.waitUntilDrawn(DRAW_TIMEOUT_MS);
  }, 250);
  const allDrawnMs = Date.now() - started;

  // Back to the first highlight, then k wraps round to the last annotation, which
  // lies at the very end of the text.
  await app.page.getByTestId('highlight').first().focus();
  const wrapMs = await timedPress(app.page, 'k', focusMoved);
  const last = await app.page.evaluate(() => {
    const el = document.activeElement;
    const para = el.closest('[data-start]');
    return { start: Number(para.dataset.start), text: el.textContent };
  });
  const suggestionMs = await timedPress(app.page, 's', focusMoved);
  const target = await focused(app.page);
  assert.equal(target?.status, 'suggested', 's lands on an open suggestion');
  const acceptMs = await timedPress(app.page, 'y', (before) =>
    document.querySelector(`[data-testid=highlight][data-ann-id="${before.id}"][data-status=accepted]`),
  );
  // Editing afterwards: a few more moves and reviews (the stored record is written
  // again after each).
  const later = [];
  for (const key of ['j', 'n', 'j', 'y']) {
    later.push(
      await timedPress(app.page, key, key === 'j'
        ? focusMoved
        : (before) => document.querySelector(`[data-ann-id="${before.id}"]:not([data-status=suggested])`)),
    );
  }
  await app.page.waitForTimeout(3000);
  const report = await probe.report();
  console.log(
    `huge article (${(Buffer.byteLength(text) / MB).toFixed(2)} MB, ${paragraphCount} paragraphs): first highlight after ` +
      `${report.toFirstHighlightMs} ms (seen by the test at ${firstSeenMs} ms), drawn in view after ${allDrawnMs} ms; ` +
      `longest task ${report.longestTaskMs} ms (${report.longTasks.length} tasks over 50 ms: ` +
      `${report.longTasks.slice(0, 8).join(', ')}); worst key delay ${report.worstKeyDelayMs} ms over ` +
      `${report.keyPresses} presses; answered: j at the first highlight ${moves.join(', ')} ms, k to the end ${wrapMs} ms, ` +
      `s ${suggestionMs} ms, y ${acceptMs} ms, then j/n/j/y ${later.join(', ')} ms`,
  );

  assert.ok(last.start > text.length * 0.99, `k from the first highlight reaches the end (${last.start})`);
  assert.match(await app.page.getByTestId('status').textContent(), /^Found \d+ actors/);
  assert.equal(await app.documents().count(), 1, 'the document is in the library');
  assert.equal(await app.storageError().count(), 0, 'storing it raised no error');
  assertKeptAnswering(report, { taskBoundMs: TASK_BOUND_MS, keyBoundMs: KEY_BOUND_MS });

  // Nothing lost: the accepted suggestion is stored and comes back after a reload.
  await app.reload();
  await app.page.getByTestId('review-bar').waitFor({ timeout: DRAW_TIMEOUT_MS });
  await app.page
    .locator(`[data-testid=highlight][data-ann-id="${target.id}"][data-status=accepted]`)
    .waitFor({ state: 'attached', timeout: DRAW_TIMEOUT_MS });
  assert.equal(await app.documents().count(), 1, 'the document is back after a reload');
  assert.deepEqual(app.errors, [], 'no console errors');
  await app.close();
});
