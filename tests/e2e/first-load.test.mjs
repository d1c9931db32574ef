// User story: a reader opens the app for the first time and gets to work at once: the
// text box takes the focus, a short article goes in and Ctrl+Enter shows highlights.
// Measured from the navigation's start (the page's time origin) to: the text box being
// there (the app mounted: from then on a key press is handled at once, as the printed
// key delay shows), the test's Ctrl+Enter being handled (later by the time the test's
// own focus and typing take), and that annotation's first highlight. Issue #9
// asks for "interactive within a second" on localhost; the test prints the figures
// of a first visit and of a second one (files cached, service worker in place) and
// asserts only a generous bound, since the machine running it may be shared and slow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAppInBrowser } from './pages/annotator-page.mjs';

// Written for this test; one per visit, each with an actor the other lacks (the second
// visit also shows the first visit's article, restored from storage).
const ARTICLES = [
  ['The Interior Ministry said on Monday that the bridge would reopen in June.', 'Interior Ministry'],
  ['The Port Authority said on Friday that the ferry would sail again in May.', 'Port Authority'],
];
const BOUND_MS = 5000;

const session = serveAppInBrowser();

/**
 * Runs before the app's scripts: notes (in ms from the time origin) when the text box
 * first exists, when the page handled Ctrl+Enter, and when each highlight text first
 * showed.
 */
function watchFirstUse() {
  const seen = { textBox: null, submitted: null, highlights: {} };
  window.__firstUse = seen;
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Enter' && e.ctrlKey && seen.submitted === null) {
        seen.submitted = performance.now();
        seen.keyDelay = seen.submitted - e.timeStamp;
      }
    },
    true,
  );
  new MutationObserver(() => {
    const now = performance.now();
    seen.textBox ??= document.querySelector('[data-testid=paste-area]') ? now : null;
    for (const h of document.querySelectorAll('[data-testid=highlight]')) seen.highlights[h.textContent] ??= now;
  }).observe(document, { childList: true, subtree: true });
}

/** Navigates, and as soon as the text box is there, pastes, annotates and waits. */
async function firstUse(page, url, [article, actor]) {
  await page.goto(url, { waitUntil: 'commit' });
  const box = page.getByTestId('paste-area');
  await box.focus();
  await box.fill(article);
  await box.press('Control+Enter');
  await page.getByTestId('highlight').filter({ hasText: actor }).first().waitFor();
  return page.evaluate((actor) => {
    const nav = performance.getEntriesByType('navigation')[0];
    const seen = window.__firstUse;
    const round = (x) => (x == null ? null : Math.round(x));
    return {
      textBoxMs: round(seen.textBox),
      submittedMs: round(seen.submitted),
      keyDelayMs: round(seen.keyDelay),
      highlightMs: round(seen.highlights[actor]),
      domContentLoadedMs: round(nav.domContentLoadedEventEnd),
      transferredKb: Math.round(
        performance.getEntriesByType('resource').reduce((sum, r) => sum + r.transferSize, nav.transferSize) / 1024,
      ),
    };
  }, actor);
}

test('a first-time reader can annotate within moments of opening the app', async () => {
  const context = await session.browser.newContext();
  await context.addInitScript(watchFirstUse);
  const errors = [];
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));

  const first = await firstUse(page, session.server.url, ARTICLES[0]);
  const again = await firstUse(page, session.server.url, ARTICLES[1]);
  for (const [visit, m] of [
    ['first visit', first],
    ['second visit', again],
  ]) {
    console.log(
      `first load (${visit}): interactive (text box mounted) at ${m.textBoxMs} ms; the test's ` +
        `Ctrl+Enter handled at ${m.submittedMs} ms (${m.keyDelayMs} ms after the press), its first ` +
        `highlight at ${m.highlightMs} ms (${m.highlightMs - m.submittedMs} ms later); ` +
        `DOMContentLoaded ${m.domContentLoadedMs} ms, ${m.transferredKb} KB transferred`,
    );
  }

  for (const m of [first, again]) {
    assert.ok(m.textBoxMs !== null && m.submittedMs !== null && m.highlightMs !== null, 'the app mounted and annotated');
    assert.ok(m.textBoxMs <= m.submittedMs && m.submittedMs <= m.highlightMs, 'in that order');
    assert.ok(m.textBoxMs < BOUND_MS, `interactive after ${m.textBoxMs} ms (bound ${BOUND_MS} ms)`);
    assert.ok(m.highlightMs - m.submittedMs < BOUND_MS, 'a short article is annotated at once');
  }
  assert.deepEqual(errors, [], 'no uncaught errors');
  await context.close();
});
