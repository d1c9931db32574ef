// A reader opens the app once, then loses the network (a train): the app reloads
// from the service worker's cache, annotates and exports. Served under a sub-path,
// so the worker's scope and precache list are checked with relative URLs too.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';
import { launchBrowser } from './pages/annotator-page.mjs';
import { WorkspacePage } from './pages/workspace-page.mjs';

let hosted;
let browser;
before(async () => {
  const root = fileURLToPath(new URL('../../dist/', import.meta.url));
  hosted = await serve({ root, prefix: '/apps/claimlens/' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await new Promise((done) => hosted?.server.close(done));
});

test('load once, go offline, reload, annotate and export', async () => {
  const ws = await WorkspacePage.open(browser, hosted.url);
  const scope = await ws.page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(new URL(scope).pathname, '/apps/claimlens/');

  await ws.context.setOffline(true);
  await ws.reload();
  await ws.paste('Bridge closed\n\nAzerbaijan denied on Monday that its troops had crossed the border.');
  await ws.annotate();
  assert.ok((await ws.highlights('actor').count()) > 0);
  const { document } = await ws.exportJson();
  assert.match(document.text, /^Bridge closed/);
  assert.ok(document.actors.length > 0);
  await ws.close();
});
