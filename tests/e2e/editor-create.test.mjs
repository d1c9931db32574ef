// An annotator creates annotations: selects text (snapped to whole words, or exact
// with Shift) and presses a layer key; or extends a selection from the caret with
// Shift+arrows. Offsets survive the emoji in the headline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnnotatorPage, serveAppInBrowser } from './pages/annotator-page.mjs';
import { EDITOR_ARTICLE, EDITOR_ARTICLE_DATE } from './fixtures/editor-article.mjs';

const session = serveAppInBrowser();

test('a rough selection snaps to words and a creates an actor; 2 makes a date', async () => {
  const app = await AnnotatorPage.open(session.browser, session.server.url);
  await app.load(EDITOR_ARTICLE, EDITOR_ARTICLE_DATE);
  // "easefire tal" lies after the emoji: UTF-16 offsets must be converted right.
  await app.select('easefire tal');
  await app.press('a');
  const created = await app.focused();
  assert.equal(created.layer, 'actor');
  assert.equal(created.text, 'Ceasefire talks');
  assert.equal(created.status, 'accepted', 'a created annotation counts as labelled');

  await app.select('border');
  await app.press('2');
  assert.deepEqual(
    { layer: (await app.focused()).layer, text: (await app.focused()).text },
    { layer: 'date', text: 'border' },
  );
  assert.deepEqual(app.errors, []);
  await app.close();
});

test('Shift+c creates a claim from the exact selection, without snapping', async () => {
  const app = await AnnotatorPage.open(session.browser, session.server.url);
  await app.load(EDITOR_ARTICLE, EDITOR_ARTICLE_DATE);
  await app.select('alks stal');
  await app.press('Shift+C');
  const f = await app.focused();
  assert.equal(f.layer, 'claim');
  assert.equal(f.text, 'alks stal');
  await app.close();
});

test('from the caret, Shift+arrows select and c creates a claim', async () => {
  const app = await AnnotatorPage.open(session.browser, session.server.url);
  await app.load(EDITOR_ARTICLE, EDITOR_ARTICLE_DATE);
  await app.focus('actor', 'Ilham Aliyev');
  await app.press('Escape');
  assert.equal(await app.focused(), null, 'Escape clears the focus and leaves a caret');
  await app.press('Shift+ArrowRight', 'Shift+ArrowRight');
  const selected = await app.page.evaluate(() => String(window.getSelection()));
  assert.match(selected, /^Ilham Aliyev/);
  await app.press('c');
  const f = await app.focused();
  assert.equal(f.layer, 'claim');
  assert.ok(f.text.startsWith('Ilham'), f.text);
  await app.close();
});
