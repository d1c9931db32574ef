// Page object for the claimlens annotator: what a user does (paste, annotate, hover,
// export) in their words, so the specs read as user stories and survive restyling.
// Everything is found by data-testid.
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

  async setArticleDate(isoDate) {
    await this.page.getByTestId('dct-input').fill(isoDate);
  }

  async annotate() {
    await this.page.getByTestId('annotate-button').click();
    await this.page.getByTestId('article').waitFor();
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
}
