// User story: an annotator pastes a 10 MB log that has no line break at all (a whole
// news feed exported on one line) and presses Ctrl+Enter. The page never freezes: it
// keeps answering key presses while the text is annotated, read back and drawn; the
// first highlights show up, and all of the text is there, in blocks of a few
// kilobytes (one paragraph of 10 MB cannot be laid out in one go) that never cut a
// highlight in two, drawn near the view and wherever the annotator scrolls to.
// Nothing is lost: the document is in the library and stored.
//
// The criterion (issue #9): on an idle machine no main-thread task lasts over about
// 200 ms and key presses are answered. The bounds below are loose freeze-guards (the
// machine running the test may be shared and slow): they still fail the freezes this
// spec was written against (a 10 MB paragraph drawn in one task held the page for
// minutes; the stored record built as a JavaScript object took seconds; the worker's
// 60 MB document JSON read on the page took seconds, before the worker handed over
// only the annotations). The test prints the figures it measured.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAppInBrowser } from './pages/annotator-page.mjs';
import { WorkspacePage } from './pages/workspace-page.mjs';
import { assertKeptAnswering, pasteAndAnnotate } from './pages/responsiveness.mjs';
import { newsText } from '../../scripts/news-text.mjs';

const MB = 1_000_000;
const TASK_BOUND_MS = 6000;
const KEY_BOUND_MS = 6000;
const DRAW_TIMEOUT_MS = 900_000;

const session = serveAppInBrowser();

test('a 10 MB paste on one line is annotated and drawn in blocks while the page keeps answering', async () => {
  const app = await WorkspacePage.open(session.browser, session.server.url);
  const text = newsText(10 * MB, 3).replace(/\n+/g, ' ');
  const { probe, started } = await pasteAndAnnotate(app, text);
  let firstSeenMs = null;
  await probe.pressKeysUntil(async () => {
    await app.page.getByTestId('highlight').first().waitFor({ timeout: DRAW_TIMEOUT_MS });
    firstSeenMs = Date.now() - started;
    await app.waitUntilDrawn(DRAW_TIMEOUT_MS);
  }, 250);
  const allDrawnMs = Date.now() - started;
  const report = await probe.report();
  const looked = await app.page.evaluate(() => {
    const blocks = [...document.querySelectorAll('.article .para')];
    return {
      highlights: document.querySelectorAll('[data-testid=highlight]').length,
      // A highlight cut between blocks has its continued piece in a block that lacks
      // its leading (focusable) piece.
      cutHighlights: blocks.filter((b) => {
        const leads = new Set([...b.querySelectorAll('[data-ann-id][tabindex]')].map((h) => h.dataset.annId));
        return [...b.querySelectorAll('[data-part=continued]')].some((h) => !leads.has(h.dataset.annId));
      }).length,
      longestBlock: Math.max(...blocks.map((b) => b.textContent.length)),
    };
  });
  const atStart = await app.drawing();
  console.log(
    `huge paste (${(Buffer.byteLength(text) / MB).toFixed(2)} MB on one line): first highlight after ` +
      `${report.toFirstHighlightMs} ms (seen by the test at ${firstSeenMs} ms), drawn in view after ${allDrawnMs} ms ` +
      `(${atStart.drawn.length} of ${atStart.blocks} blocks, longest ${looked.longestBlock} characters, with ` +
      `${looked.highlights} highlights); longest task ${report.longestTaskMs} ms (${report.longTasks.length} ` +
      `tasks over 50 ms: ${report.longTasks.slice(0, 8).join(', ')}); worst key delay ` +
      `${report.worstKeyDelayMs} ms over ${report.keyPresses} presses`,
  );

  assert.equal(await app.paragraphs().count(), 1, 'one line is one paragraph');
  assert.ok(atStart.blocks > 100, `it is drawn in blocks (${atStart.blocks})`);
  assert.ok(looked.longestBlock < 64 * 1024, `no block is huge (${looked.longestBlock} characters)`);
  assert.equal(looked.cutHighlights, 0, 'no block holds the tail of a highlight begun in another');
  assert.ok(looked.highlights > 20, `highlights from the start (${looked.highlights})`);
  // Wherever the annotator scrolls, the text there is drawn, and is the text pasted.
  const bytes = Buffer.from(text);
  let checked = 0;
  for (const at of [0, 0.33, 0.66, 1]) {
    await app.scrollArticleTo(at);
    const there = await app.drawing();
    assert.equal(there.blocks, atStart.blocks, 'every block is there, drawn or boxed');
    for (const d of there.drawn) {
      const pasted = bytes.subarray(d.start, d.start + Buffer.byteLength(d.text)).toString();
      assert.equal(d.text, pasted, `the block at byte ${d.start} is drawn where it is in the text`);
      checked += 1;
    }
    if (at === 1) {
      const last = there.drawn[there.drawn.length - 1];
      assert.equal(last.start + Buffer.byteLength(last.text), text.trimEnd().length, 'the end is drawn');
    }
  }
  assert.ok(checked > 4, `blocks were checked along the article (${checked})`);
  assert.match(await app.page.getByTestId('status').textContent(), /^Found \d+ actors/);
  assert.equal(await app.documents().count(), 1, 'the document is in the library');
  assert.equal(await app.storageError().count(), 0, 'storing it raised no error');
  assertKeptAnswering(report, { taskBoundMs: TASK_BOUND_MS, keyBoundMs: KEY_BOUND_MS });
  assert.deepEqual(app.errors, [], 'no console errors');
  await app.close();
});
