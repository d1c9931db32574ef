// User stories for files in and out of the app:
// - an annotator exports the article in every format; the spans of the native,
//   doccano and W3C files cover the quoted text counted in code points, and the
//   multi-file exports arrive as one zip that opens;
// - a doccano file whose offsets another tool counted in UTF-16 imports with a notice
//   saying they were converted; a malformed file is refused and nothing changes;
// - two versions of the annotations are compared in the agreement view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { launchBrowser, appServer, AnnotatorPage } from './pages/annotator-page.mjs';
import { ExchangePanel, codePoints } from './pages/exchange-panel.mjs';

// Emoji and an accented name before the spans, so code points, UTF-16 units and bytes
// all differ.
const ARTICLE =
  '🌍🌍 Geneva, 12 June 2025 — José Martín, the Foreign Minister of Spain, said on Monday that the talks would resume. ' +
  'The United Nations denied on Tuesday that troops had crossed the border. 👍\n\n' +
  '"We will not accept this," Amina Yusuf said yesterday.';

let browser;
let server;

before(async () => {
  browser = await launchBrowser();
  server = await appServer();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function annotated() {
  const app = await AnnotatorPage.open(browser, server.url);
  await app.paste(ARTICLE);
  await app.setArticleDate('2025-06-12');
  await app.annotate();
  return { app, panel: new ExchangePanel(app.page) };
}

test('every format downloads, and native, doccano and W3C spans fit the text in code points', async () => {
  const { app, panel } = await annotated();

  const native = await panel.export('json');
  const doc = JSON.parse(native.text);
  // The file is named after the document (the library names pasted articles).
  assert.ok(native.fileName.endsWith('.json'), native.fileName);
  assert.equal(doc.text, ARTICLE);
  const spans = [...doc.actors, ...doc.dates, ...doc.claims];
  assert.ok(spans.length >= 3, `${spans.length} spans`);
  for (const s of spans) assert.equal(codePoints(ARTICLE, s.start, s.end), s.text);

  const doccano = await panel.export('doccano');
  const line = JSON.parse(doccano.text.trim().split('\n')[0]);
  assert.equal(line.text, ARTICLE);
  assert.ok(line.entities.length >= 3);
  const quoted = new Set(spans.map((s) => s.text));
  for (const e of line.entities) {
    const covered = codePoints(ARTICLE, e.start_offset, e.end_offset);
    assert.ok(covered.length > 0 && ARTICLE.includes(covered), covered);
  }
  assert.ok(line.entities.some((e) => quoted.has(codePoints(ARTICLE, e.start_offset, e.end_offset))));

  const w3c = await panel.export('w3c');
  const body = JSON.stringify(JSON.parse(w3c.text));
  const selectors = [];
  JSON.parse(body, (key, value) => {
    if (value && typeof value === 'object' && Array.isArray(value.selector)) selectors.push(value.selector);
    return value;
  });
  assert.ok(selectors.length >= 3, `${selectors.length} targets with selectors`);
  for (const pair of selectors) {
    const quote = pair.find((s) => s.type === 'TextQuoteSelector');
    const position = pair.find((s) => s.type === 'TextPositionSelector');
    assert.equal(codePoints(ARTICLE, position.start, position.end), quote.exact);
  }

  for (const format of ['jsonl', 'conll', 'spacy', 'labelstudio', 'csv', 'html']) {
    const file = await panel.export(format);
    assert.ok(file.text.length > 0, format);
  }
  const brat = await panel.export('brat');
  assert.equal(brat.fileName, 'claimlens-brat.zip');
  const listing = execFileSync('unzip', ['-l', brat.path], { encoding: 'utf8' });
  assert.match(listing, /\.txt\n/);
  assert.match(listing, /\.ann\n/);
  assert.match(listing, /annotation\.conf/);
  execFileSync('unzip', ['-tq', brat.path]);
  assert.deepEqual(app.errors, []);
  await app.close();
});

test('a doccano file with UTF-16 offsets imports with a conversion notice', async () => {
  const { app, panel } = await annotated();
  const utf16 = await panel.export('doccano', { unit: 'utf16' });
  // As a JavaScript tool would write it: UTF-16 offsets, no unit named.
  const lines = utf16.text
    .trim()
    .split('\n')
    .map((l) => {
      const v = JSON.parse(l);
      delete v.offset_unit;
      return JSON.stringify(v);
    });
  await panel.importAnnotations([{ name: 'from-js-tool.jsonl', text: `${lines.join('\n')}\n` }]);
  await panel.notices().first().waitFor();
  assert.match(await panel.notices().first().textContent(), /UTF-16 code units.*converted/);
  // The imported document joins the library beside the pasted one.
  assert.equal(await panel.count().textContent(), '2 document(s) in the library');
  await app.close();
});

test('a malformed file is refused and the document list stays as it was', async () => {
  const { app, panel } = await annotated();
  const native = await panel.export('json');
  await panel.importAnnotations([{ name: 'good.json', text: native.text }]);
  await app.page.getByText('2 document(s) in the library').waitFor();
  const before = await app.page.getByTestId('document-list').innerHTML();

  await panel.importAnnotations([{ name: 'broken.json', text: '{"id": "x", "text": ' }]);
  await panel.problem().waitFor();
  assert.match(await panel.problem().textContent(), /broken\.json/);
  assert.equal(await panel.count().textContent(), '2 document(s) in the library');
  assert.equal(await app.page.getByTestId('document-list').innerHTML(), before);
  await app.close();
});

test('the agreement view compares two versions and shows scores and disagreements', async () => {
  const { app, panel } = await annotated();
  const a = await panel.export('json');
  const version = JSON.parse(a.text);
  // Annotator B drops the first actor and the last date.
  version.actors.shift();
  version.dates.pop();
  await panel.compare({ name: 'annotator-a.json', text: a.text }, { name: 'annotator-b.json', text: JSON.stringify(version) });

  const rows = app.page.getByTestId('agreement-layer');
  assert.equal(await rows.count(), 3);
  const actorF1 = Number(await rows.filter({ has: app.page.locator('th', { hasText: 'actor' }) }).getByTestId('strict-f1').textContent());
  assert.ok(actorF1 > 0 && actorF1 < 100, `actor strict F1 ${actorF1}`);
  for (const kappa of await app.page.getByTestId('kappa').allTextContents()) {
    assert.ok(Number.isFinite(Number(kappa)), kappa);
  }
  const disagreements = app.page.getByTestId('disagreement');
  assert.ok((await disagreements.count()) >= 2);
  const kinds = await disagreements.allTextContents();
  assert.ok(kinds.some((k) => k.includes('only in A')), kinds.join(' | '));
  await app.close();
});
