// Generated English news-like text for benchmarks and batch tests: sentences built
// from our own templates and word lists (no corpus text), with actors, dates and
// claims for every layer of the annotator to find. Deterministic for a given seed.

const PEOPLE = ['Maria Lopez', 'John Carter', 'Amina Yusuf', 'Peter Novak', 'Li Wei', 'Sarah Okafor', 'David Klein', 'Elena Petrova'];
const TITLES = ['Prime Minister', 'Foreign Minister', 'President', 'spokesman', 'Defence Minister', 'mayor'];
const ORGS = ['the United Nations', 'the European Union', 'the World Health Organization', 'NATO', 'the Red Cross', 'the central bank', 'the Interior Ministry', 'the opposition party'];
const PLACES = ['France', 'Kenya', 'Brazil', 'Japan', 'Canada', 'Egypt', 'Poland', 'India'];
const CUES = ['said', 'told reporters', 'claimed', 'denied', 'stated', 'warned', 'announced', 'insisted'];
const WHEN = ['on Monday', 'on Tuesday', 'last week', 'on March 3', 'yesterday', 'in 2024', 'on 12 June 2025', 'earlier this month', 'at 10:00 local time', 'two days ago'];
const TOPICS = [
  'the talks would resume within days',
  'the new budget would cut spending on roads',
  'the ceasefire had been broken several times',
  'the report contained serious errors',
  'troops had crossed the border overnight',
  'prices would rise by 3 percent next year',
  'no agreement had been reached on the water dispute',
  'the election results were accurate',
];

const TEMPLATES = [
  (r) => `${r(PEOPLE)}, the ${r(TITLES)} of ${r(PLACES)}, ${r(CUES)} ${r(WHEN)} that ${r(TOPICS)}.`,
  (r) => `"We will not accept this," ${r(PEOPLE)} said ${r(WHEN)}.`,
  (r) => `${r(ORGS)} ${r(CUES)} ${r(WHEN)} that ${r(TOPICS)}.`,
  (r) => `According to ${r(ORGS)}, ${r(TOPICS)}.`,
  (r) => `The government of ${r(PLACES)} rejected the claim ${r(WHEN)}.`,
  (r) => `Officials in ${r(PLACES)} met ${r(WHEN)} to discuss trade and security.`,
  (r) => `${r(PEOPLE)} accused ${r(ORGS)} of ignoring the warnings.`,
  (r) => `Markets were calm ${r(WHEN)}, and analysts expected little change.`,
];

// Background sentences without actors, dates or claims: real reports carry many, so
// the text is not all findings.
const BACKGROUND = [
  'The dispute has dragged on for years, and few expect a quick end to it.',
  'Prices for bread and fuel have risen sharply across the region.',
  'Many families have left their homes in search of work in the cities.',
  'The bridge, which carries most of the trade between the two towns, remains closed.',
  'Heavy rain has made several of the roads in the north impassable.',
  'It was not possible to verify the figures independently.',
  'The talks are seen as a test of whether the two sides can work together.',
  'Schools and hospitals in the area have struggled to keep running.',
];

/** A small seeded PRNG (mulberry32), so runs are repeatable. */
export function random(seed = 1) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An article of about `bytes` UTF-8 bytes: paragraphs of 3 to 6 sentences, half of
 * them background, half with actors, dates and claims.
 */
export function newsText(bytes, seed = 1) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const paragraphs = [];
  let size = 0;
  while (size < bytes) {
    const n = 3 + Math.floor(next() * 4);
    const sentences = [];
    for (let i = 0; i < n; i += 1) {
      const s = next() < 0.5 ? pick(BACKGROUND) : pick(TEMPLATES)(pick);
      sentences.push(s[0].toUpperCase() + s.slice(1));
    }
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    size += Buffer.byteLength(paragraph) + 2;
  }
  return paragraphs.join('\n\n');
}
