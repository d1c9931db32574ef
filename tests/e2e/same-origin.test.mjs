// Nothing leaves the page's own origin: every request during a whole session (load,
// paste, annotate, hover, export) goes to the app's own files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnnotatorPage, serveAppInBrowser } from './pages/annotator-page.mjs';

const ARTICLE =
  "Armenia's Foreign Ministry said on Sunday that the border was quiet. " +
  'Azerbaijan denied that its troops had moved on 27 September 2020.';

const session = serveAppInBrowser();

test('no request leaves the page origin during paste, annotate and export', async () => {
  const context = await session.browser.newContext({ acceptDownloads: true });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  const app = new AnnotatorPage(page);
  app.context = context;
  await page.goto(session.server.url);
  await page.getByTestId('annotate-button').waitFor();

  await app.paste(ARTICLE);
  await app.annotate();
  const first = page.locator('[data-testid=highlight]').first();
  if (await first.count()) await first.hover();
  await app.exportJson();

  const origin = new URL(session.server.url).origin;
  assert.ok(requests.length >= 3, `the app's own files were loaded (${requests.length})`);
  const foreign = requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin);
  assert.deepEqual(foreign, [], 'requests outside the page origin');
  assert.deepEqual(app.errors, []);
  await app.close();
});
