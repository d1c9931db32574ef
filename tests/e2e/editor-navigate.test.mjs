// An annotator moves through the annotations from the keyboard: Tab / Shift+Tab and
// j / k in text order, f to filter by layer, o through overlapping annotations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnnotatorPage, serveAppInBrowser } from './pages/annotator-page.mjs';
import { EDITOR_ARTICLE, EDITOR_ARTICLE_DATE } from './fixtures/editor-article.mjs';

const session = serveAppInBrowser();

test('Tab, Shift+Tab, j and k step through the annotations; f filters a layer', async () => {
  const app = await AnnotatorPage.open(session.browser, session.server.url);
  await app.load(EDITOR_ARTICLE, EDITOR_ARTICLE_DATE);
  await app.focus('actor', 'Ilham Aliyev');
  const start = await app.focused();
  await app.press('Tab');
  const second = await app.focused();
  assert.notEqual(second.id, start.id);
  await app.press('Shift+Tab');
  assert.equal((await app.focused()).id, start.id);
  await app.press('j');
  assert.equal((await app.focused()).id, second.id);
  await app.press('k');
  assert.equal((await app.focused()).id, start.id);

  await app.press('f', 'f');
  assert.equal(await app.page.getByTestId('layer-filter').inputValue(), 'date');
  for (let i = 0; i < 3; i += 1) {
    await app.press('j');
    assert.equal((await app.focused()).layer, 'date', 'only dates while filtered');
  }
  await app.press('f', 'f');
  assert.equal(await app.page.getByTestId('layer-filter').inputValue(), '');

  // Tab past the last highlight leaves the article instead of wrapping round.
  await app.focus('date', 'Monday');
  await app.press('Tab');
  assert.equal(await app.focused(), null, 'the keyboard is not trapped in the article');
  await app.close();
});

test('o steps through the annotations that overlap the focused one', async () => {
  const app = await AnnotatorPage.open(session.browser, session.server.url);
  await app.load(EDITOR_ARTICLE, EDITOR_ARTICLE_DATE);
  await app.focus('actor', 'Azerbaijani forces');
  const seen = new Set([(await app.focused()).layer]);
  await app.press('o');
  seen.add((await app.focused()).layer);
  assert.deepEqual([...seen].sort(), ['actor', 'claim'], 'the claim starting there is reached');
  await app.close();
});
