// Page object for the workspace (document library, storage, offline) on top of the
// annotator's: what an annotator does with many documents, in their words. Everything
// is found by data-testid.
import { AnnotatorPage } from './annotator-page.mjs';

export class WorkspacePage extends AnnotatorPage {
  /** Opens the app in a fresh context; `init` (optional) runs before the app's scripts. */
  static async open(browser, url, { init } = {}) {
    const context = await browser.newContext({ acceptDownloads: true });
    if (init) await context.addInitScript(init);
    const ws = new WorkspacePage(await context.newPage());
    ws.context = context;
    await ws.page.goto(url);
    await ws.page.getByTestId('annotate-button').waitFor();
    await ws.waitUntilLoaded();
    return ws;
  }

  /** Another tab in the same browser profile (same storage); `init` as for `open`. */
  async newTab(url, { init } = {}) {
    const page = await this.context.newPage();
    if (init) await page.addInitScript(init);
    const tab = new WorkspacePage(page);
    tab.context = this.context;
    await page.goto(url);
    await page.getByTestId('annotate-button').waitFor();
    await tab.waitUntilLoaded();
    return tab;
  }

  /** Waits until the stored documents were read (the library says so). */
  async waitUntilLoaded() {
    await this.page.locator('[data-testid=library][data-loaded=true]').waitFor();
  }

  async reload() {
    await this.page.reload();
    await this.page.getByTestId('annotate-button').waitFor();
    await this.waitUntilLoaded();
  }

  documents() {
    return this.page.getByTestId('document-item');
  }

  async titles() {
    return this.page.getByTestId('document-open').allTextContents();
  }

  document(title) {
    return this.documents().filter({ has: this.page.getByTestId('document-open').getByText(title, { exact: true }) });
  }

  async openDocument(title) {
    await this.document(title).getByTestId('document-open').click();
    await this.document(title).locator('[data-testid=document-open][aria-current=true]').waitFor();
  }

  /**
   * Drops files on the library's drop zone: a DataTransfer built in the page, as a
   * browser builds one for files dragged from the desktop. `files`: [{name, text}].
   */
  async dropFiles(files) {
    const zone = this.page.getByTestId('drop-zone');
    const dataTransfer = await this.page.evaluateHandle((files) => {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }));
      return dt;
    }, files);
    await zone.dispatchEvent('dragover', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });
  }

  /** Picks files in the file picker. `files`: [{name, text}]. */
  async pickFiles(files) {
    await this.page.getByTestId('file-picker').setInputFiles(
      files.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.text) })),
    );
  }

  importNotices() {
    return this.page.getByTestId('import-notices');
  }

  importProblems() {
    return this.page.getByTestId('import-problems');
  }

  async rename(title) {
    await this.page.getByTestId('title-input').fill(title);
    await this.page.getByTestId('title-input').press('Enter');
    await this.page.getByTestId('title-input').blur();
  }

  async setStatus(label) {
    await this.page.getByTestId('status-select').selectOption(label);
  }

  async setDocumentDate(isoDate) {
    await this.page.getByTestId('document-dct').fill(isoDate);
    await this.page.getByTestId('document-dct').dispatchEvent('change');
  }

  /**
   * Every stored record, read straight from IndexedDB (the app stores each as
   * `{rev, bytes}`: the record is the JSON in `bytes`; older ones are the value itself).
   */
  async storedRecords() {
    return this.page.evaluate(
      () =>
        new Promise((ok, fail) => {
          const open = indexedDB.open('claimlens');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const get = db.transaction('records').objectStore('records').getAll();
            get.onsuccess = () => {
              db.close();
              const text = new TextDecoder();
              ok(get.result.map((v) => (v.bytes instanceof Uint8Array ? JSON.parse(text.decode(v.bytes)) : v)));
            };
            get.onerror = () => fail(get.error);
          };
        }),
    );
  }

  /** Waits until storage holds what `pred(records)` checks (writes are debounced). */
  async waitForStored(pred) {
    for (let tries = 0; tries < 300; tries += 1) {
      if (pred(await this.storedRecords())) return;
      await this.page.waitForTimeout(100);
    }
    throw new Error('storage never held the expected records');
  }

  storageError() {
    return this.page.getByTestId('storage-error');
  }

  /** Clicks a download button; returns the suggested file name and the text. */
  async download(testId) {
    const { readFile } = await import('node:fs/promises');
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId(testId).click(),
    ]);
    return { fileName: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  }
}
