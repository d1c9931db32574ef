// The shortcuts overlay is a modal dialog: focus moves in, Tab and Shift+Tab cycle
// inside it, Escape closes it and gives focus back where it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnnotatorPage, serveAppInBrowser } from './pages/annotator-page.mjs';
import { EDITOR_ARTICLE, EDITOR_ARTICLE_DATE } from './fixtures/editor-article.mjs';

const session = serveAppInBrowser();

const active = (app) =>
  app.page.evaluate(() => ({
    testid: document.activeElement?.dataset?.testid ?? null,
    inDialog: Boolean(document.activeElement?.closest('[role=dialog]')),
    annId: document.activeElement?.dataset?.annId ?? null,
  }));

test('Tab stays inside the shortcuts dialog; Escape returns focus to the highlight', async () => {
  const app = await AnnotatorPage.open(session.browser, session.server.url);
  await app.load(EDITOR_ARTICLE, EDITOR_ARTICLE_DATE);
  const h = await app.focus('actor', 'Ilham Aliyev');
  const id = await h.getAttribute('data-ann-id');
  await app.press('?');
  const dialog = app.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.waitFor();
  assert.equal((await active(app)).testid, 'help-close', 'focus moves into the dialog');
  const seen = [];
  for (let i = 0; i < 5; i += 1) {
    await app.press('Tab');
    const a = await active(app);
    assert.ok(a.inDialog, `Tab ${i + 1} stays in the dialog (${JSON.stringify(a)})`);
    seen.push(a.testid);
  }
  assert.deepEqual(seen.slice(0, 2), ['help-list', 'help-close'], 'Tab cycles from the last back to the first');
  for (let i = 0; i < 3; i += 1) {
    await app.press('Shift+Tab');
    assert.ok((await active(app)).inDialog, 'Shift+Tab stays in the dialog');
  }
  await app.press('Escape');
  assert.equal(await dialog.count(), 0);
  assert.equal((await active(app)).annId, id, 'focus is back on the highlight');
  assert.deepEqual(app.errors, []);
  await app.close();
});

test('opened from its button, the dialog gives focus back to the button; it lists every shortcut', async () => {
  const app = await AnnotatorPage.open(session.browser, session.server.url);
  await app.load(EDITOR_ARTICLE, EDITOR_ARTICLE_DATE);
  await app.page.getByTestId('help-button').focus();
  await app.press('Enter');
  const dialog = app.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.waitFor();
  const text = await dialog.textContent();
  for (const chord of ['Alt+A', 'Alt+Shift+D', ']', '[', '+', '-', 'Ctrl+Z']) {
    assert.ok(text.includes(chord), `the help lists ${chord}`);
  }
  await app.press('Escape');
  assert.equal(await dialog.count(), 0);
  assert.equal((await active(app)).testid, 'help-button');
  await app.close();
});
