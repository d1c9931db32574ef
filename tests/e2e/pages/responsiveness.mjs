// Measures how well a page keeps answering while it works: the longest main-thread
// task (PerformanceObserver 'longtask': every task over 50 ms), the worst delay of a
// key press (from the event's own time stamp to its handler), and when the first
// highlight of an annotated article appeared. Installed in the page with `start()`,
// read back with `report()`; the probe never changes what the app does.

import assert from 'node:assert/strict';

export class ResponsivenessProbe {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
  }

  /** Starts recording long tasks, key delays and the first highlight, from now. */
  async start() {
    await this.page.evaluate(() => {
      const probe = {
        since: performance.now(),
        longTasks: [],
        keyDelays: [],
        firstHighlight: null,
        submitted: null,
      };
      window.__probe = probe;
      probe.observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.startTime >= probe.since) probe.longTasks.push(Math.round(e.duration));
        }
      });
      probe.observer.observe({ type: 'longtask', buffered: true });
      // Capture phase on window: runs before any handler of the app.
      window.addEventListener(
        'keydown',
        (e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && probe.submitted === null) {
            probe.submitted = performance.now();
          }
          probe.keyDelays.push(Math.round(performance.now() - e.timeStamp));
        },
        true,
      );
      const seen = () => {
        if (probe.firstHighlight === null && document.querySelector('[data-testid=highlight]')) {
          probe.firstHighlight = performance.now();
          probe.mutations.disconnect();
        }
      };
      probe.mutations = new MutationObserver(seen);
      probe.mutations.observe(document.body, { childList: true, subtree: true });
    });
  }

  /**
   * Presses a harmless key (Shift) every `everyMs` until `done()` resolves, as a user
   * drumming on the keyboard would; each press's delay lands in the report.
   */
  async pressKeysUntil(done, everyMs = 100) {
    let finished = false;
    const work = done().finally(() => {
      finished = true;
    });
    while (!finished) {
      await this.page.keyboard.press('Shift');
      await new Promise((resume) => setTimeout(resume, everyMs));
    }
    return work;
  }

  /**
   * What was recorded: long tasks (ms, longest first), the longest task, the worst key
   * delay, the number of key presses, and the time from Ctrl+Enter to the first
   * highlight (ms, or null).
   */
  async report() {
    return this.page.evaluate(() => {
      const p = window.__probe;
      const longTasks = [...p.longTasks].sort((a, b) => b - a);
      return {
        longTasks,
        longestTaskMs: longTasks[0] ?? 0,
        worstKeyDelayMs: Math.max(0, ...p.keyDelays),
        keyPresses: p.keyDelays.length,
        toFirstHighlightMs:
          p.firstHighlight !== null && p.submitted !== null ? Math.round(p.firstHighlight - p.submitted) : null,
      };
    });
  }
}

/**
 * What every long-paste story does first: paste `text` at once, give the article date,
 * start a probe, and press Ctrl+Enter. Returns the probe and the moment annotation was
 * asked for (Date.now()).
 */
export async function pasteAndAnnotate(app, text, dct = '2025-06-12') {
  await app.pasteAtOnce(text);
  await app.setArticleDate(dct);
  const probe = new ResponsivenessProbe(app.page);
  await probe.start();
  const started = Date.now();
  await app.page.getByTestId('paste-area').press('Control+Enter');
  return { probe, started };
}

/**
 * What every long-paste story ends with: keys were pressed while the page worked, and
 * neither a task nor a key press went over its (loose, freeze-guard) bound.
 */
export function assertKeptAnswering(report, { taskBoundMs, keyBoundMs }) {
  assert.ok(report.keyPresses >= 3, `keys were pressed while the page worked (${report.keyPresses})`);
  assert.ok(
    report.longestTaskMs < taskBoundMs,
    `no task freezes the page: longest ${report.longestTaskMs} ms (bound ${taskBoundMs} ms)`,
  );
  assert.ok(
    report.worstKeyDelayMs < keyBoundMs,
    `every key press is answered: worst ${report.worstKeyDelayMs} ms (bound ${keyBoundMs} ms)`,
  );
}
