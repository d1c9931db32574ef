// An annotator fixes a quote split by its attribution: the claim's content has two
// fragments; each is focused with ] and [, resized with the arrows, removed with -,
// and a selection is added back with +; every step undoes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnnotatorPage, serveAppInBrowser } from './pages/annotator-page.mjs';

const SPLIT_QUOTE = [
  'Talks stalled on Monday.',
  '"We will win," Aliyev said, "and we will rebuild every village."',
  'Officials in Baku reported calm.',
].join('\n');

const session = serveAppInBrowser();

/** The fragments the attribute panel lists, and which one has the focus. */
async function fragments(app) {
  const items = app.page.getByTestId('attr-fragment');
  return items.evaluateAll((els) =>
    els.map((el) => ({
      text: el.querySelector('[data-testid=attr-fragment-text]').textContent,
      focused: el.dataset.focused === 'true',
    })),
  );
}

const texts = async (app) => (await fragments(app)).map((f) => f.text);
const focusedIndex = async (app) => (await fragments(app)).findIndex((f) => f.focused);

test('a split quote: focus, resize, remove and add fragments from the keyboard, then undo', async () => {
  const app = await AnnotatorPage.open(session.browser, session.server.url);
  await app.load(SPLIT_QUOTE, '2020-10-01');
  await app.highlights('claim').first().focus();
  await app.attributePanel().waitFor();
  assert.deepEqual(await texts(app), ['“We will win”', '“and we will rebuild every village”']);
  assert.equal(await focusedIndex(app), -1, 'the whole claim has the focus at first');

  await app.press(']');
  assert.equal(await focusedIndex(app), 0);
  await app.press(']');
  assert.equal(await focusedIndex(app), 1);
  await app.press('Shift+ArrowLeft');
  assert.deepEqual(await texts(app), ['“We will win”', '“and we will rebuild every”'], 'only the focused fragment shrank');
  assert.equal(await focusedIndex(app), 1, 'the fragment keeps the focus');
  await app.press('[');
  assert.equal(await focusedIndex(app), 0);
  await app.press(']', '-');
  assert.deepEqual(await texts(app), ['“We will win”']);
  assert.equal(await app.page.getByTestId('attr-text').textContent(), '“We will win”', 'the claim shrank to its last piece');

  await app.select('and we will rebuild');
  await app.press('+');
  assert.deepEqual(await texts(app), ['“We will win”', '“and we will rebuild”']);
  assert.equal(await focusedIndex(app), 1, 'the added fragment has the focus');
  assert.equal((await app.focused())?.layer, 'claim', 'the claim keeps the keyboard focus');

  await app.press('Control+z', 'Control+z', 'Control+z');
  assert.deepEqual(await texts(app), ['“We will win”', '“and we will rebuild every village”'], 'three undos restore the extractor’s fragments');
  await app.press('Control+Shift+Z');
  assert.deepEqual(await texts(app), ['“We will win”', '“and we will rebuild every”']);
  assert.deepEqual(app.errors, []);
  await app.close();
});

test('a fragment overlapping another is refused with a reason', async () => {
  const app = await AnnotatorPage.open(session.browser, session.server.url);
  await app.load(SPLIT_QUOTE, '2020-10-01');
  await app.highlights('claim').first().focus();
  await app.attributePanel().waitFor();
  await app.select('will rebuild every');
  await app.press('+');
  assert.match(await app.page.getByTestId('editor-notice').textContent(), /overlap/);
  assert.equal((await texts(app)).length, 2);
  await app.close();
});
