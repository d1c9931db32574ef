// Page object for the claimlens annotator: what a user does (paste, annotate, hover,
// export) in their words, so the specs read as user stories and survive restyling.
// Everything is found by data-testid.
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** Debian's Chromium, headless, with a throwaway profile and no background traffic. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/**
 * The app's URL: CLAIMLENS_URL (set by scripts/e2e.sh), or a server started here on a
 * free port over dist/ (when a spec is run on its own). `close()` stops that server.
 */
export async function appServer() {
  if (process.env.CLAIMLENS_URL) return { url: process.env.CLAIMLENS_URL, close: async () => {} };
  const { serve } = await import('../../../scripts/serve.mjs');
  const root = fileURLToPath(new URL('../../../dist/', import.meta.url));
  const { server, url } = await serve({ root });
  return { url, close: () => new Promise((done) => server.close(done)) };
}

/**
 * Starts the app's server and a browser before a spec file's tests and stops both
 * after them; the returned object holds `server` and `browser` once started.
 */
export function serveAppInBrowser() {
  const session = {};
  before(async () => {
    session.server = await appServer();
    session.browser = await launchBrowser();
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

export class AnnotatorPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    /** Console errors and uncaught exceptions (CSP violations show up here). */
    this.errors = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.errors.push(msg.text());
    });
    page.on('pageerror', (err) => this.errors.push(String(err)));
  }

  /** Opens the app in a fresh context (its own storage and downloads). */
  static async open(browser, url) {
    const context = await browser.newContext({ acceptDownloads: true });
    const annotator = new AnnotatorPage(await context.newPage());
    annotator.context = context;
    await annotator.page.goto(url);
    await annotator.page.getByTestId('annotate-button').waitFor();
    return annotator;
  }

  async close() {
    await this.context.close();
  }

  async paste(text) {
    await this.page.getByTestId('paste-area').fill(text);
  }

  /**
   * Puts `text` in the text box in one go, as a paste from the clipboard does (typing
   * or `fill` a megabyte would take the test, not the app, minutes).
   */
  async pasteAtOnce(text) {
    await this.page.getByTestId('paste-area').evaluate((box, text) => {
      box.focus();
      box.value = text;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }, text);
  }

  async setArticleDate(isoDate) {
    await this.page.getByTestId('dct-input').fill(isoDate);
  }

  async annotate() {
    await this.page.getByTestId('annotate-button').click();
    await this.article().waitFor();
    await this.waitUntilDrawn();
  }

  /** Waits until every paragraph of the article is drawn (a long one comes in slices). */
  async waitUntilDrawn(timeout = 120_000) {
    await this.page.locator('[data-testid=article][aria-busy=false]').waitFor({ timeout });
  }

  /**
   * How the article is drawn: a long one only near the view, the rest as empty boxes
   * (`undrawn`, each standing for `data-blocks` blocks). `blocks`: all of them, drawn
   * or not; `drawn`: each drawn block's byte offset (`start`) and text.
   */
  async drawing() {
    return this.page.evaluate(() => {
      const drawn = [...document.querySelectorAll('.article .para[data-start]')].map((p) => ({
        start: Number(p.dataset.start),
        text: p.textContent,
      }));
      const boxed = [...document.querySelectorAll('[data-testid=undrawn]')].reduce((n, b) => n + Number(b.dataset.blocks), 0);
      return { blocks: drawn.length + boxed, drawn };
    });
  }

  /**
   * Scrolls the page to `fraction` (0 to 1) of the article's height and waits until
   * the part in view is drawn (no empty box meets the view). Drawn sections take
   * their measured heights, which moves what lies below, so the scroll is made again
   * until the article's height stays put.
   */
  async scrollArticleTo(fraction, timeout = 60_000) {
    for (let tries = 0; tries < 20; tries += 1) {
      const height = await this.page.evaluate((fraction) => {
        const article = document.querySelector('[data-testid=article]');
        const top = article.getBoundingClientRect().top + window.scrollY;
        window.scrollTo(0, top + fraction * (article.scrollHeight - window.innerHeight));
        return article.scrollHeight;
      }, fraction);
      await this.page.waitForFunction(
        () =>
          ![...document.querySelectorAll('[data-testid=undrawn]')].some((b) => {
            const r = b.getBoundingClientRect();
            return r.bottom > 0 && r.top < window.innerHeight;
          }) && document.querySelector('.article .para'),
        null,
        { timeout, polling: 100 },
      );
      const now = await this.page.evaluate(() => document.querySelector('[data-testid=article]').scrollHeight);
      if (now === height) return;
    }
  }

  /** Highlights of one layer (`actor`, `date`, `claim`), one per annotation. */
  highlights(layer) {
    return this.page.locator(`[data-testid=highlight][data-layer=${layer}]`);
  }

  article() {
    return this.page.getByTestId('article');
  }

  paragraphs() {
    return this.page.getByTestId('paragraph');
  }

  tooltip() {
    return this.page.getByTestId('tooltip');
  }

  /** Clicks Export JSON; returns the suggested file name and the parsed file. */
  async exportJson() {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('export-button').click(),
    ]);
    const path = await download.path();
    return {
      fileName: download.suggestedFilename(),
      document: JSON.parse(await readFile(path, 'utf8')),
    };
  }

  // ---- The correction editor ------------------------------------------------------

  /** Pastes `text`, sets the article date and annotates: the editor is ready after. */
  async load(text, isoDate) {
    await this.paste(text);
    if (isoDate) await this.setArticleDate(isoDate);
    await this.annotate();
    await this.page.getByTestId('review-bar').waitFor();
  }

  /**
   * The highlight of an annotation on `layer` whose focusable piece reads `text`. That
   * piece runs from the annotation's start to the next highlight boundary, so for a
   * claim that opens with an actor it is the actor's words.
   */
  highlight(layer, text) {
    return this.highlights(layer).filter({ hasText: new RegExp(`^${escape(text)}$`) }).first();
  }

  /** Puts the keyboard focus on a highlight (as Tab or a click would). */
  async focus(layer, text) {
    const h = this.highlight(layer, text);
    await h.focus();
    await this.page.getByTestId('attribute-panel').waitFor();
    return h;
  }

  /** The focused annotation: its layer, status and text, from the DOM. */
  async focused() {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      if (!el?.dataset?.annId) return null;
      return { id: el.dataset.annId, layer: el.dataset.layer, status: el.dataset.status, text: el.textContent };
    });
  }

  /** Presses keys one after another (`y`, `Shift+ArrowRight`, `Control+z`). */
  async press(...keys) {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  /**
   * Selects the `nth` occurrence of `text` in the article, as a mouse drag would: a DOM
   * Range over the text nodes (which may be split by highlights).
   */
  async select(text, nth = 0) {
    const ok = await this.page.evaluate(
      ([text, nth]) => {
        const article = document.querySelector('[data-testid=article]');
        const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
        const nodes = [];
        let all = '';
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          // Paragraphs are blocks: keep them apart so a match never spans two.
          const para = n.parentElement.closest('.para');
          if (nodes.length && nodes[nodes.length - 1].para !== para) all += '\n';
          nodes.push({ node: n, at: all.length, para });
          all += n.data;
        }
        let at = -1;
        for (let i = 0; i <= nth; i += 1) at = all.indexOf(text, at + 1);
        if (at < 0) return false;
        const point = (offset) => {
          const hit = [...nodes].reverse().find((x) => x.at <= offset);
          return [hit.node, offset - hit.at];
        };
        const range = document.createRange();
        range.setStart(...point(at));
        range.setEnd(...point(at + text.length));
        document.activeElement?.blur();
        const sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        return true;
      },
      [text, nth],
    );
    if (!ok) throw new Error(`"${text}" is not in the article`);
  }

  /** The text of every highlight on `layer`, in document order. */
  async highlightTexts(layer) {
    return this.highlights(layer).allTextContents();
  }

  /** Open suggestions in all, as the review bar says. */
  async openTotal() {
    const text = await this.page.getByTestId('open-total').textContent();
    return Number.parseInt(text, 10);
  }

  attributePanel() {
    return this.page.getByTestId('attribute-panel');
  }

  /** Opens a reader view: `actors`, `timeline`, `claims` or `checks`. */
  async openTab(name) {
    await this.page.getByTestId(`tab-${name}`).click();
    return this.page.getByTestId(`panel-${name}`);
  }
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

