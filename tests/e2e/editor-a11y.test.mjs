// Accessibility of the annotated page: axe-core finds no serious or critical
// violation (colour contrast included), with the attribute panel, a reader view and
// the shortcuts overlay open in turn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { AnnotatorPage, serveAppInBrowser } from './pages/annotator-page.mjs';
import { EDITOR_ARTICLE, EDITOR_ARTICLE_DATE } from './fixtures/editor-article.mjs';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const session = serveAppInBrowser();

/** Serious and critical violations on the page, one line each. */
async function violations(page) {
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

test('the annotated page has no serious or critical axe violations', async () => {
  // The page's CSP forbids inline scripts, as it should: this spec alone bypasses it
  // to inject axe.
  const context = await session.browser.newContext({ bypassCSP: true });
  const app = new AnnotatorPage(await context.newPage());
  app.context = context;
  await app.page.goto(session.server.url);
  await app.load(EDITOR_ARTICLE, EDITOR_ARTICLE_DATE);
  await app.page.addScriptTag({ content: axeSource });

  assert.deepEqual(await violations(app.page), [], 'article with suggestions');
  await app.focus('date', 'Sunday');
  await app.press('y');
  await app.focus('claim', 'Azerbaijani forces');
  await app.openTab('claims');
  assert.deepEqual(await violations(app.page), [], 'attribute panel and claims table');
  await app.openTab('timeline');
  await app.press('?');
  await app.page.getByTestId('help-overlay').waitFor();
  assert.deepEqual(await violations(app.page), [], 'shortcuts overlay');
  await app.close();
});
