// An annotator fixes annotations from the keyboard: moves boundaries, relabels,
// changes the kind, deletes, and edits each attribute in the attribute panel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnnotatorPage, serveAppInBrowser } from './pages/annotator-page.mjs';
import { EDITOR_ARTICLE, EDITOR_ARTICLE_DATE } from './fixtures/editor-article.mjs';

const session = serveAppInBrowser();

test('Shift/Alt+arrows move the boundaries of the focused annotation', async () => {
  const app = await AnnotatorPage.open(session.browser, session.server.url);
  await app.load(EDITOR_ARTICLE, EDITOR_ARTICLE_DATE);
  await app.focus('date', 'Monday');
  await app.press('Alt+ArrowLeft');
  assert.equal((await app.focused()).text, 'until Monday', 'the start moved back a word');
  await app.press('Alt+ArrowRight', 'Control+Shift+ArrowLeft');
  assert.equal((await app.focused()).text, 'Monda', 'the end moved back a character');
  await app.close();
});

test('a layer key relabels, t cycles the kind, Delete removes', async () => {
  const app = await AnnotatorPage.open(session.browser, session.server.url);
  await app.load(EDITOR_ARTICLE, EDITOR_ARTICLE_DATE);
  await app.focus('actor', 'Ilham Aliyev');
  await app.press('d');
  assert.equal((await app.focused()).layer, 'date');
  await app.press('a');
  assert.equal((await app.focused()).layer, 'actor');
  const kind = async () => (await app.page.getByTestId('attr-kind').inputValue());
  const first = await kind();
  await app.press('t');
  assert.notEqual(await kind(), first, 't changed the kind');
  await app.page.getByTestId('attr-kind').selectOption('country');
  assert.equal(await kind(), 'country');

  const actors = await app.highlights('actor').count();
  await app.focus('actor', 'Ilham Aliyev');
  await app.press('Delete');
  assert.equal(await app.highlights('actor').count(), actors - 1);
  await app.close();
});

test('a date value is validated inline and saved when valid', async () => {
  const app = await AnnotatorPage.open(session.browser, session.server.url);
  await app.load(EDITOR_ARTICLE, EDITOR_ARTICLE_DATE);
  await app.focus('date', 'Monday');
  await app.press('Enter');
  const value = app.page.getByTestId('attr-value');
  await value.fill('2020-13-45');
  assert.notEqual((await app.page.getByTestId('attr-value-error').textContent()).trim(), '', 'the error shows as it is typed');
  assert.equal(await value.getAttribute('aria-invalid'), 'true');
  await value.press('Enter');
  await value.fill('2020-09-29');
  await value.press('Enter');
  assert.equal(await app.page.getByTestId('attr-value-error').textContent(), '');
  await app.page.getByTestId('tab-timeline').click();
  assert.match(await app.page.getByTestId('timeline-panel').textContent(), /2020-09-29/);
  await app.close();
});

test('an actor entity is renamed, merged into another and split off', async () => {
  const app = await AnnotatorPage.open(session.browser, session.server.url);
  await app.load(EDITOR_ARTICLE, EDITOR_ARTICLE_DATE);
  await app.focus('actor', 'Aliyev');
  await app.page.getByTestId('attr-entity').fill('President Aliyev');
  await app.page.getByTestId('attr-rename').click();
  const panel = await app.openTab('actors');
  const row = panel.locator('[data-testid=actor-row][data-entity="President Aliyev"]');
  assert.equal(await row.locator('[data-testid=actor-mentions]').textContent(), '2', 'both mentions renamed');

  await app.focus('actor', 'Aliyev');
  await app.page.getByTestId('attr-split').click();
  assert.equal(await row.locator('[data-testid=actor-mentions]').textContent(), '1', 'one mention split off');

  await app.focus('actor', 'Aliyev');
  await app.page.getByTestId('attr-merge-into').selectOption('President Aliyev');
  await app.page.getByTestId('attr-merge').click();
  assert.equal(await row.locator('[data-testid=actor-mentions]').textContent(), '2', 'merged back');
  await app.close();
});

test('a claim takes its source from a mention, its cue from the selection, and a stance', async () => {
  const app = await AnnotatorPage.open(session.browser, session.server.url);
  await app.load(EDITOR_ARTICLE, EDITOR_ARTICLE_DATE);
  await app.select('the fighting went on until Monday');
  await app.press('c');
  await app.page.getByTestId('attribute-panel').waitFor();
  const source = app.page.getByTestId('attr-source');
  const option = await source.locator('option', { hasText: 'Foreign Ministry of Armenia' }).first().getAttribute('value');
  await source.selectOption(option);
  assert.equal(await app.page.getByTestId('attr-source').inputValue(), option);

  await app.select('reported');
  await app.page.getByTestId('attr-cue-selection').click();
  assert.equal(await app.page.getByTestId('attr-cue').textContent(), '“reported”');

  await app.page.getByTestId('attr-stance').selectOption('report');
  assert.equal(await app.page.getByTestId('attr-stance').inputValue(), 'report');
  await app.openTab('claims');
  const rows = await app.page.getByTestId('claim-row').allTextContents();
  assert.ok(rows.some((r) => r.includes('Foreign Ministry of Armenia') && r.includes('report') && r.includes('the fighting went on')), rows.join('\n'));
  await app.close();
});
