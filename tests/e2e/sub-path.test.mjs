// The built app works from a sub-path of a static host (relative URLs throughout).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';
import { AnnotatorPage, launchBrowser } from './pages/annotator-page.mjs';

let hosted;
let browser;
before(async () => {
  const root = fileURLToPath(new URL('../../dist/', import.meta.url));
  hosted = await serve({ root, prefix: '/tools/claimlens/' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await new Promise((done) => hosted?.server.close(done));
});

test('served under /tools/claimlens/, the app loads and annotates', async () => {
  const app = await AnnotatorPage.open(browser, hosted.url);
  await app.paste('Azerbaijan denied on Monday that its troops had crossed the border.');
  await app.annotate();
  assert.equal(await app.paragraphs().count(), 1);
  assert.deepEqual(app.errors, [], 'every file was found under the sub-path');
  await app.close();
});
