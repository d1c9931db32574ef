// A reader checks one article through its views: the actors panel steps through an
// entity's mentions, the timeline and the claims table jump to the text, the checks
// list flags problems; the legend explains each layer and ? lists every shortcut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnnotatorPage, serveAppInBrowser } from './pages/annotator-page.mjs';
import { EDITOR_ARTICLE, EDITOR_ARTICLE_DATE } from './fixtures/editor-article.mjs';

const session = serveAppInBrowser();

test('the actors panel steps through the mentions of an entity', async () => {
  const app = await AnnotatorPage.open(session.browser, session.server.url);
  await app.load(EDITOR_ARTICLE, EDITOR_ARTICLE_DATE);
  const panel = await app.openTab('actors');
  const row = panel.locator('[data-testid=actor-row][data-entity="Ilham Aliyev"]');
  assert.equal(await row.locator('[data-testid=actor-mentions]').textContent(), '2');
  await row.click();
  assert.equal((await app.focused()).text, 'Ilham Aliyev');
  await row.click();
  assert.equal((await app.focused()).text, 'Aliyev');
  await row.click();
  assert.equal((await app.focused()).text, 'Ilham Aliyev', 'wraps around');
  await app.close();
});

test('the timeline and the claims table jump to the text; the table sorts', async () => {
  const app = await AnnotatorPage.open(session.browser, session.server.url);
  await app.load(EDITOR_ARTICLE, EDITOR_ARTICLE_DATE);
  const timeline = await app.openTab('timeline');
  const rows = timeline.getByTestId('timeline-row');
  assert.ok((await rows.count()) >= 3);
  const monday = rows.filter({ hasText: '“Monday”' });
  await monday.click();
  assert.deepEqual(
    { layer: (await app.focused()).layer, text: (await app.focused()).text },
    { layer: 'date', text: 'Monday' },
  );

  await app.openTab('claims');
  const sources = () => app.page.getByTestId('claim-source').allTextContents();
  await app.page.getByTestId('sort-who').click();
  const up = await sources();
  await app.page.getByTestId('sort-who').click();
  const down = await sources();
  assert.notDeepEqual(up, down, 'sorting by source in both directions');
  assert.equal(await app.page.locator('th[aria-sort=descending]').count(), 1);
  const row = app.page.getByTestId('claim-row').filter({ hasText: 'We are defending our own land' });
  await row.getByTestId('claim-jump').click();
  const f = await app.focused();
  assert.equal(f.layer, 'claim');
  assert.match(f.text, /^We are/);
  await app.close();
});

test('checks flag a date without a value, and a click jumps to it', async () => {
  const app = await AnnotatorPage.open(session.browser, session.server.url);
  await app.load(EDITOR_ARTICLE, EDITOR_ARTICLE_DATE);
  await app.select('border');
  await app.press('d');
  const created = await app.focused();
  await app.press('Escape');
  const checks = await app.openTab('checks');
  const flagged = checks.locator(`[data-testid=check-row][data-ann="${created.id}"]`);
  await flagged.click();
  assert.equal((await app.focused()).id, created.id);
  await app.close();
});

test('? lists the shortcuts and Escape closes it; the legend explains each layer', async () => {
  const app = await AnnotatorPage.open(session.browser, session.server.url);
  await app.load(EDITOR_ARTICLE, EDITOR_ARTICLE_DATE);
  await app.focus('actor', 'Ilham Aliyev');
  await app.press('?');
  const overlay = app.page.getByTestId('help-overlay');
  await overlay.waitFor();
  assert.ok((await overlay.getByTestId('help-row').count()) >= 30);
  assert.match(await overlay.textContent(), /Ctrl\+Z/i);
  assert.equal(await app.page.evaluate(() => document.activeElement.dataset.testid), 'help-close');
  await app.press('Escape');
  assert.equal(await overlay.count(), 0);
  assert.equal((await app.focused())?.text, 'Ilham Aliyev', 'focus returns to the highlight');

  const definition = app.page.getByTestId('legend-definition-claim');
  assert.equal(await definition.isVisible(), false);
  await app.page.getByTestId('legend-claim').hover();
  assert.ok(await definition.isVisible());
  assert.match(await definition.textContent(), /source/);
  await app.page.getByTestId('legend-date').focus();
  assert.ok(await app.page.getByTestId('legend-definition-date').isVisible());
  await app.close();
});
