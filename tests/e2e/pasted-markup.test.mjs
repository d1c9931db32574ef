// Pasted markup is text: an event handler in it shows as characters and never runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnnotatorPage, serveAppInBrowser } from './pages/annotator-page.mjs';

const MARKUP = [
  '<img src=x onerror="window.__pwned = 1">',
  '<script>window.__pwned = 2</script>',
  '<b onmouseover="window.__pwned = 3">Armenia said on Sunday that it was calm.</b>',
].join('\n');

const session = serveAppInBrowser();

test('pasted markup with an event handler shows as text and runs nothing', async () => {
  const app = await AnnotatorPage.open(session.browser, session.server.url);
  const requests = [];
  app.page.on('request', (r) => requests.push(r.url()));
  await app.paste(MARKUP);
  await app.annotate();
  await app.paragraphs().last().hover();

  const shown = (await app.paragraphs().allTextContents()).join('\n');
  assert.equal(shown, MARKUP, 'the markup shows as its characters');
  assert.equal(await app.article().locator('img, script, b').count(), 0, 'no element came from the text');
  assert.equal(await app.page.evaluate(() => window.__pwned), undefined, 'no handler ran');
  assert.ok(!requests.some((u) => new URL(u).pathname.endsWith('/x')), 'the image was never fetched');
  assert.deepEqual(app.errors, []);
  await app.close();
});
