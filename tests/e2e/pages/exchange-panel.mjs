// Page object for the exchange panel (documents in and out, batch, agreement): what a
// user does there, in their words. Everything is found by data-testid.
import { readFile } from 'node:fs/promises';

export class ExchangePanel {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
  }

  /** Adds plain articles from in-memory files `{ name, text }`. */
  async addArticles(files) {
    await this.page.getByTestId('add-articles').setInputFiles(files.map(toFile));
  }

  /** Imports annotation files `{ name, text }`. */
  async importAnnotations(files) {
    await this.page.getByTestId('import-annotations').setInputFiles(files.map(toFile));
  }

  count() {
    return this.page.getByTestId('collection-count');
  }

  notices() {
    return this.page.getByTestId('import-notice');
  }

  problem() {
    return this.page.getByTestId('exchange-problem');
  }

  async annotateAll() {
    await this.page.getByTestId('annotate-all').click();
  }

  progress() {
    return this.page.getByTestId('batch-progress');
  }

  progressCount() {
    return this.page.getByTestId('batch-count');
  }

  async cancel() {
    await this.page.getByTestId('batch-cancel').click();
  }

  status() {
    return this.page.getByTestId('batch-status');
  }

  /**
   * Exports with the menu; returns `{ fileName, path, text }` of the download.
   * `scope` is `current` or `all`; `unit` (doccano only) `codepoint` or `utf16`.
   */
  async export(format, { scope = 'current', unit } = {}) {
    await this.page.getByTestId('export-scope').selectOption(scope);
    await this.page.getByTestId('export-format').selectOption(format);
    if (unit) await this.page.getByTestId('export-unit').selectOption(unit);
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('export-download').click(),
    ]);
    const path = await download.path();
    return { fileName: download.suggestedFilename(), path, text: await readFile(path, 'utf8') };
  }

  /** Compares two versions given as in-memory files; waits for the scores. */
  async compare(a, b) {
    await this.page.getByTestId('agreement-a').setInputFiles(toFile(a));
    await this.page.getByTestId('agreement-b').setInputFiles(toFile(b));
    await this.page.getByTestId('agreement-compare').click();
    await this.page.getByTestId('agreement-scores').waitFor();
  }
}

function toFile({ name, text }) {
  return { name, mimeType: 'application/octet-stream', buffer: Buffer.from(text, 'utf8') };
}

/** The text a span covers, counting code points (as the files do). */
export function codePoints(text, start, end) {
  return Array.from(text).slice(start, end).join('');
}
