// A reader pastes a short article, annotates it, reads a tooltip and exports the result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnnotatorPage, serveAppInBrowser } from './pages/annotator-page.mjs';

// Written for this test. A non-BMP emoji opens it, so code points, UTF-16 units and
// bytes all differ from the first character on.
const ARTICLE = [
  '🕊️ Talks stall as fighting goes on',
  "Armenia's Foreign Ministry said on Sunday that Azerbaijani forces had shelled Stepanakert overnight.",
  'President Ilham Aliyev denied the accusation in a televised address on 27 September 2020.',
  '"We are defending our own land," Aliyev said.',
].join('\n');

const session = serveAppInBrowser();

/** The text between two code-point offsets, as the export format counts them. */
const codePoints = (text, start, end) => [...text].slice(start, end).join('');

test('a reader pastes an article, sees each layer, reads a tooltip and exports matching spans', async () => {
  const app = await AnnotatorPage.open(session.browser, session.server.url);
  await app.paste(ARTICLE);
  await app.setArticleDate('2020-09-28');
  await app.annotate();

  for (const layer of ['actor', 'date', 'claim']) {
    assert.ok((await app.highlights(layer).count()) >= 1, `at least one ${layer} highlight`);
  }
  assert.match(await app.page.getByTestId('status').textContent(), /^Found [1-9]\d* actors, [1-9]\d* dates and [1-9]\d* claims\.$/);
  const shown = (await app.paragraphs().allTextContents()).join('\n');
  assert.equal(shown, ARTICLE, 'the article shows exactly as pasted');

  const actor = app.highlights('actor').first();
  await actor.hover();
  await app.tooltip().waitFor();
  const tip = await app.tooltip().textContent();
  assert.match(tip, /actor/i);
  assert.match(tip, /entity/);

  // From the keyboard: focusing a highlight shows its tooltip, Escape dismisses it.
  await app.highlights('date').first().focus();
  await app.page.waitForFunction(() => /value/.test(document.querySelector('[data-testid=tooltip]')?.textContent ?? ''));
  assert.match(await app.tooltip().textContent(), /date/i);
  await app.page.keyboard.press('Escape');
  await app.tooltip().waitFor({ state: 'detached' });

  const { fileName, document } = await app.exportJson();
  assert.match(fileName, /\.json$/);
  assert.equal(document.text, ARTICLE);
  assert.equal(document.dct, '2020-09-28');
  let spans = 0;
  for (const layer of ['actors', 'dates', 'claims']) {
    assert.ok(document[layer].length >= 1, `exported ${layer}`);
    for (const a of document[layer]) {
      const parts = [a, a.source, a.cue, ...(a.fragments ?? [])].filter(Boolean);
      for (const span of parts) {
        assert.equal(codePoints(ARTICLE, span.start, span.end), span.text, `${layer} span ${span.start}..${span.end}`);
        spans += 1;
      }
    }
  }
  assert.ok(spans >= 3);
  assert.deepEqual(app.errors, [], 'no console errors (CSP violations included)');
  await app.close();
});
