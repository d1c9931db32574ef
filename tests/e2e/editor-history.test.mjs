// An annotator undoes and redoes a chain of different edits from the keyboard:
// Ctrl+Z walks back step by step, Ctrl+Shift+Z and Ctrl+Y walk forward again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnnotatorPage, serveAppInBrowser } from './pages/annotator-page.mjs';
import { EDITOR_ARTICLE, EDITOR_ARTICLE_DATE } from './fixtures/editor-article.mjs';

const session = serveAppInBrowser();

/** What the article shows: every highlight's id, layer, status and text. */
const snapshot = (app) =>
  app.page.evaluate(() =>
    [...document.querySelectorAll('[data-testid=highlight]')].map(
      (h) => `${h.dataset.annId}:${h.dataset.layer}:${h.dataset.status}:${h.textContent}`,
    ),
  );

test('accept, relabel, resize, create and delete undo one by one and redo again', async () => {
  const app = await AnnotatorPage.open(session.browser, session.server.url);
  await app.load(EDITOR_ARTICLE, EDITOR_ARTICLE_DATE);
  const states = [await snapshot(app)];
  await app.focus('date', 'Sunday');
  await app.press('y');
  states.push(await snapshot(app));
  await app.focus('actor', 'Ilham Aliyev');
  await app.press('d');
  states.push(await snapshot(app));
  await app.press('Shift+ArrowRight');
  states.push(await snapshot(app));
  await app.select('border');
  await app.press('a');
  states.push(await snapshot(app));
  await app.press('Delete');
  states.push(await snapshot(app));
  for (let i = 1; i < states.length; i += 1) assert.notDeepEqual(states[i], states[i - 1], `step ${i} changed something`);

  for (let i = states.length - 2; i >= 0; i -= 1) {
    await app.press('Control+z');
    assert.deepEqual(await snapshot(app), states[i], `undo back to state ${i}`);
  }
  assert.ok(await app.page.getByTestId('undo').isDisabled());
  await app.press('Control+Shift+Z');
  assert.deepEqual(await snapshot(app), states[1]);
  await app.press('Control+y', 'Control+y');
  assert.deepEqual(await snapshot(app), states[3]);
  assert.deepEqual(app.errors, []);
  await app.close();
});
