// An annotator reviews the suggestions: sees them dashed, accepts and rejects from the
// keyboard (moving on to the next open one), and accepts a whole layer or a selection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnnotatorPage, serveAppInBrowser } from './pages/annotator-page.mjs';
import { EDITOR_ARTICLE, EDITOR_ARTICLE_DATE } from './fixtures/editor-article.mjs';

const session = serveAppInBrowser();

test('suggestions are dashed; y accepts, n rejects, and focus moves to the next open one', async () => {
  const app = await AnnotatorPage.open(session.browser, session.server.url);
  await app.load(EDITOR_ARTICLE, EDITOR_ARTICLE_DATE);
  const open = await app.openTotal();
  assert.ok(open >= 4, `open suggestions: ${open}`);

  const sunday = await app.focus('date', 'Sunday');
  assert.equal(await sunday.getAttribute('data-status'), 'suggested');
  const style = await sunday.evaluate((el) => getComputedStyle(el).borderTopStyle);
  assert.equal(style, 'dashed', 'a suggestion is drawn dashed');

  await app.press('y');
  assert.equal(await app.highlight('date', 'Sunday').getAttribute('data-status'), 'accepted');
  assert.equal(
    await app.highlight('date', 'Sunday').evaluate((el) => getComputedStyle(el).borderTopStyle),
    'solid',
  );
  const next = await app.focused();
  assert.ok(next, 'something is focused after accepting');
  assert.equal(next.status, 'suggested', 'focus moved on to an open suggestion');

  await app.press('n');
  assert.equal(await app.page.locator(`[data-ann-id="${next.id}"][tabindex]`).getAttribute('data-status'), 'rejected');
  assert.equal(await app.openTotal(), open - 2, 'the counts follow');
  assert.deepEqual(app.errors, []);
  await app.close();
});

test('s jumps to the next open suggestion; a layer is accepted in bulk as one undo step', async () => {
  const app = await AnnotatorPage.open(session.browser, session.server.url);
  await app.load(EDITOR_ARTICLE, EDITOR_ARTICLE_DATE);
  await app.focus('date', 'Sunday');
  await app.press('y', 'Escape', 'Escape');
  await app.press('s');
  assert.equal((await app.focused())?.status, 'suggested');

  const before = await app.openTotal();
  await app.page.getByTestId('layer-filter').selectOption('actor');
  await app.page.getByTestId('accept-all').click();
  const actors = await app.highlights('actor').evaluateAll((els) => els.map((e) => e.dataset.status));
  assert.ok(actors.every((s) => s === 'accepted'), `every actor accepted: ${actors}`);
  const dates = await app.highlights('date').evaluateAll((els) => els.map((e) => e.dataset.status));
  assert.ok(dates.includes('suggested'), 'other layers untouched');
  assert.equal(await app.page.getByTestId('open-actor').textContent(), '0 actors');

  await app.page.getByTestId('undo').click();
  assert.equal(await app.openTotal(), before, 'one undo restores the whole bulk accept');
  await app.close();
});

test('Shift+Y accepts only the suggestions inside the selection', async () => {
  const app = await AnnotatorPage.open(session.browser, session.server.url);
  await app.load(EDITOR_ARTICLE, EDITOR_ARTICLE_DATE);
  await app.select('President Ilham Aliyev denied the accusation in a televised address on 27 September 2020.');
  await app.press('Shift+Y');
  assert.equal(await app.highlight('actor', 'Ilham Aliyev').getAttribute('data-status'), 'accepted');
  assert.equal(await app.highlight('date', '27 September 2020').getAttribute('data-status'), 'accepted');
  assert.equal(await app.highlight('date', 'Sunday').getAttribute('data-status'), 'suggested');
  assert.equal(await app.highlight('actor', 'Aliyev').getAttribute('data-status'), 'suggested');
  await app.close();
});

test('Alt+layer key accepts a whole layer, Alt+Shift+layer key rejects one, each one undo step', async () => {
  const app = await AnnotatorPage.open(session.browser, session.server.url);
  await app.load(EDITOR_ARTICLE, EDITOR_ARTICLE_DATE);
  const statuses = (layer) => app.highlights(layer).evaluateAll((els) => els.map((e) => e.dataset.status));
  const before = await app.openTotal();
  const datesBefore = await statuses('date');

  await app.press('Alt+a');
  assert.ok((await statuses('actor')).every((s) => s === 'accepted'), 'every actor accepted');
  assert.deepEqual(await statuses('date'), datesBefore, 'dates untouched');
  assert.equal(await app.page.getByTestId('open-actor').textContent(), '0 actors');

  await app.press('Alt+Shift+D');
  assert.ok((await statuses('date')).every((s) => s === 'rejected'), 'every date rejected');

  await app.press('Control+z');
  assert.deepEqual(await statuses('date'), datesBefore, 'one undo restores every date');
  await app.press('Control+z');
  assert.equal(await app.openTotal(), before, 'and one more every actor');
  assert.deepEqual(app.errors, []);
  await app.close();
});
