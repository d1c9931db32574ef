// A new build is deployed while the app is open: the new service worker installs and
// waits, the page says a new version is ready, and "Reload" switches to it; the old
// build's cache is gone after the switch. The new build is the same files with a new
// version stamped into sw.js (what scripts/precache.sh does for a changed build).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';
import { launchBrowser } from './pages/annotator-page.mjs';
import { WorkspacePage } from './pages/workspace-page.mjs';

let hosted;
let browser;
let root;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'claimlens-update-'));
  await cp(fileURLToPath(new URL('../../dist/', import.meta.url)), root, { recursive: true });
  hosted = await serve({ root });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await new Promise((done) => hosted?.server.close(done));
  await rm(root, { recursive: true, force: true });
});

const cacheNames = (ws) => ws.page.evaluate(() => caches.keys());

test('a new version waits for the user, then reloads into it and drops the old cache', async () => {
  const ws = await WorkspacePage.open(browser, hosted.url);
  await ws.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const [first] = await cacheNames(ws);
  assert.match(first, /^claimlens-/);
  assert.equal(await ws.page.getByTestId('update-ready').count(), 0);

  const sw = join(root, 'sw.js');
  const next = (await readFile(sw, 'utf8')).replace(/^const VERSION = '[^']*';/m, "const VERSION = 'next-build';");
  await writeFile(sw, next);
  await ws.page.evaluate(async () => (await navigator.serviceWorker.ready).update());
  await ws.page.getByTestId('update-ready').waitFor();
  // Waiting, not yet in charge: both caches exist.
  assert.deepEqual((await cacheNames(ws)).sort(), [first, 'claimlens-next-build'].sort());

  await Promise.all([ws.page.waitForEvent('load'), ws.page.getByTestId('update-reload').click()]);
  await ws.page.getByTestId('annotate-button').waitFor();
  await ws.page.waitForFunction(async () => {
    const names = await caches.keys();
    return names.length === 1 && names[0] === 'claimlens-next-build';
  });
  assert.equal(await ws.page.getByTestId('update-ready').count(), 0);
  assert.deepEqual(ws.errors, []);
  await ws.close();
});
