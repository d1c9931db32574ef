//! Generated test texts shared by the property tests, the pathological-input tests
//! and the benchmarks (`benches/annotate.rs` includes this file by path).
//!
//! Everything here is written for the project: template sentences with invented
//! people, real country and organisation names from general knowledge, and a small
//! deterministic random generator, so a benchmark input of any size is the same on
//! every run and no corpus text is ever copied.
//!
//! Each test target uses only part of these helpers, hence the `dead_code` allowance
//! on the module (a helper unused by one target is used by another).

#![allow(dead_code)]

/// A small deterministic generator (SplitMix64): the same seed gives the same text,
/// so benchmark figures compare across runs.
pub struct Dice(u64);

impl Dice {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Dice(seed)
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// One item of a list.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Invented people (no real person is meant), some with non-ASCII letters.
const PEOPLE: &[&str] = &[
    "Maria Okonkwo",
    "José Álvarez",
    "Anna Lindqvist",
    "Tomasz Wiśniewski",
    "Hamid Rahimi",
    "Chen Wei",
    "Sarah O'Neill",
    "Jean-Pierre Dubois",
    "Aiko Tanaka",
    "Dmitri Volkov",
    "Grace Mensah",
    "Lukas Becker",
];

/// Surnames of the people above, for second mentions.
const SURNAMES: &[&str] = &[
    "Okonkwo",
    "Álvarez",
    "Lindqvist",
    "Wiśniewski",
    "Rahimi",
    "Chen",
    "O'Neill",
    "Dubois",
    "Tanaka",
    "Volkov",
    "Mensah",
    "Becker",
];

const TITLES: &[&str] = &[
    "Foreign Minister",
    "President",
    "Prime Minister",
    "Defence Secretary",
    "General",
    "Health Minister",
    "Mayor",
    "Senator",
];

const ROLES: &[&str] = &[
    "a spokeswoman for",
    "the head of",
    "a senior official at",
    "an adviser to",
    "the deputy director of",
];

const ORGS: &[&str] = &[
    "the United Nations",
    "NATO",
    "the European Union",
    "the World Health Organization",
    "the Red Cross",
    "the Interior Ministry",
    "Amnesty International",
    "the central bank",
    "the Supreme Court",
    "the African Union",
    "the electoral commission",
    "the International Monetary Fund",
];

const AGENCIES: &[&str] = &[
    "Reuters",
    "AFP",
    "the Associated Press",
    "local media",
    "state television",
];

const COUNTRIES: &[&str] = &[
    "France",
    "Nigeria",
    "Brazil",
    "Japan",
    "Kenya",
    "Poland",
    "Canada",
    "India",
    "Egypt",
    "Australia",
    "Mexico",
    "Ukraine",
];

const CITIES: &[&str] = &[
    "PARIS", "LAGOS", "BRASILIA", "TOKYO", "NAIROBI", "WARSAW", "OTTAWA", "CAIRO", "GENEVA",
];

const SAY: &[&str] = &[
    "said",
    "told reporters",
    "announced",
    "insisted",
    "warned",
    "claimed",
    "stressed",
    "added",
    "confirmed",
    "wrote on social media",
];

const DATES: &[&str] = &[
    "on Monday",
    "last week",
    "on 12 March 2021",
    "on March 3",
    "yesterday",
    "in 2019",
    "earlier this month",
    "on Tuesday morning",
    "at 14:30 GMT",
    "two days ago",
    "since January",
    "every day",
    "for six weeks",
    "on 2020-09-27",
    "late on Friday",
    "in the autumn of 2018",
    "on the 4th of July",
    "this year",
    "over the past decade",
    "by the end of the year",
];

const NUMBERS: &[&str] = &[
    "3,200",
    "47",
    "1.5 million",
    "12 per cent",
    "$4.2bn",
    "nearly 900",
    "more than 10,000",
    "two-thirds",
    "0.4%",
    "hundreds",
];

const STATEMENTS: &[&str] = &[
    "the talks had collapsed",
    "{N} people had been displaced",
    "the ceasefire was holding",
    "troops would withdraw {D}",
    "the report was inaccurate",
    "prices had risen by {N}",
    "the border would remain closed",
    "the government had failed to act",
    "an investigation was under way",
    "aid deliveries were being blocked",
    "{C} had violated the agreement",
    "the vote would go ahead as planned",
    "{N} doctors had left the region",
    "the figures were exaggerated",
];

const QUOTES: &[&str] = &[
    "We will not accept this",
    "This is a dark day for our country",
    "There is no evidence of any wrongdoing",
    "Our priority is the safety of civilians",
    "The numbers speak for themselves",
    "Nobody wants another war",
    "We have done everything we could",
    "It is too early to say",
];

const ACCUSATIONS: &[&str] = &[
    "shelling civilian areas",
    "breaking the truce",
    "spreading false information",
    "blocking the investigation",
    "hiding the true figures",
];

const CALLS: &[&str] = &[
    "release the detainees",
    "return to the negotiating table",
    "open the border crossings",
    "respect the ruling",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Sentence templates. Slots: `{P}` person, `{S}` surname, `{T}` title, `{R}` role,
/// `{O}` organisation, `{A}` agency, `{C}`/`{K}` countries, `{V}` speech verb,
/// `{D}` date, `{N}` number, `{X}` statement, `{Q}` quote, `{Z}` accusation,
/// `{L}` call, `{Y}` year.
const SENTENCES: &[&str] = &[
    "{T} {P} {V} {D} that {X}.",
    "“{Q},” {P} {V}. “{Q}.”",
    "\"{Q}\", said {S}, {R} {O}.",
    "According to {O}, {X}.",
    "{C} accused {K} of {Z} {D}.",
    "{O} denied that {X}.",
    "{P}, {R} {O}, told {A} {D} that {X}.",
    "In a statement, the government of {C} urged {O} to {L}.",
    "{S}’s office said it would respond {D}.",
    "Asked whether {X}, {S} replied: “{Q}.”",
    "The figure of {N} was higher than in {Y}, officials said.",
    "{A} reported {D} that {X}, citing two sources.",
    "{C} and {K} signed the accord {D}; {N} observers attended.",
    "Officials in {C} rejected claims that {X}.",
    "“{Q}”, the minister said, “and {X}.”",
    "It was not clear whether {X}.",
];

/// Live-blog lines: a time stamp, then a headline in the present tense.
const LIVE_LINES: &[&str] = &[
    "{H} GMT – {S} says {X}",
    "{H} – {O} calls on {C} to {L}",
    "{H} GMT: {C} denies {Z}",
    "{H} – Here are the latest updates",
];

/// Fills one template's slots.
fn fill(dice: &mut Dice, template: &str, out: &mut String) {
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let slot = rest.as_bytes().get(i + 1).copied().unwrap_or(b'?');
        rest = rest.get(i + 3..).unwrap_or("");
        match slot {
            b'P' => out.push_str(dice.pick(PEOPLE)),
            b'S' => out.push_str(dice.pick(SURNAMES)),
            b'T' => out.push_str(dice.pick(TITLES)),
            b'R' => out.push_str(dice.pick(ROLES)),
            b'O' => out.push_str(dice.pick(ORGS)),
            b'A' => out.push_str(dice.pick(AGENCIES)),
            b'C' | b'K' => out.push_str(dice.pick(COUNTRIES)),
            b'V' => out.push_str(dice.pick(SAY)),
            b'D' => out.push_str(dice.pick(DATES)),
            b'N' => out.push_str(dice.pick(NUMBERS)),
            b'Q' => out.push_str(dice.pick(QUOTES)),
            b'Z' => out.push_str(dice.pick(ACCUSATIONS)),
            b'L' => out.push_str(dice.pick(CALLS)),
            b'Y' => out.push_str(&(1990 + dice.below(35)).to_string()),
            b'H' => out.push_str(&format!("{:02}:{:02}", dice.below(24), dice.below(60))),
            b'X' => {
                let statement = dice.pick(STATEMENTS);
                fill(dice, statement, out);
            }
            _ => out.push('?'),
        }
    }
    out.push_str(rest);
}

/// Fills a template as a sentence or line of its own: first letter capitalised, as
/// `the Red Cross` would be at the start of a sentence.
fn sentence(dice: &mut Dice, template: &str, out: &mut String) {
    let start = out.len();
    fill(dice, template, out);
    if let Some(first) = out.get(start..start + 1) {
        let upper = first.to_ascii_uppercase();
        out.replace_range(start..start + 1, &upper);
    }
}

/// One paragraph: a dateline now and then, then three to six sentences.
fn paragraph(dice: &mut Dice, out: &mut String) {
    if dice.below(8) == 0 {
        let city = dice.pick(CITIES);
        let month = dice.pick(MONTHS);
        let agency = dice.pick(AGENCIES);
        out.push_str(&format!(
            "{city}, {month} {} ({agency}) – ",
            1 + dice.below(28)
        ));
    }
    for n in 0..3 + dice.below(4) {
        if n > 0 {
            out.push(' ');
        }
        let template = dice.pick(SENTENCES);
        sentence(dice, template, out);
    }
}

/// A block of live-blog lines, one per line.
fn live_block(dice: &mut Dice, out: &mut String) {
    for n in 0..2 + dice.below(4) {
        if n > 0 {
            out.push('\n');
        }
        let template = dice.pick(LIVE_LINES);
        sentence(dice, template, out);
    }
}

/// English news-like text of at least `bytes` bytes (it stops at the first paragraph
/// end past that size): paragraphs of reported speech, quotes in straight and curly
/// marks, dates, names, numbers, datelines and live-blog lines.
pub fn news(bytes: usize, seed: u64) -> String {
    let mut dice = Dice::new(seed);
    let mut out = String::with_capacity(bytes + 1024);
    out.push_str(&format!(
        "{}, {} {}, 2021 – ",
        dice.pick(CITIES),
        dice.pick(MONTHS),
        1 + dice.below(28)
    ));
    while out.len() < bytes {
        if dice.below(5) == 0 {
            live_block(&mut dice, &mut out);
        } else {
            paragraph(&mut dice, &mut out);
        }
        out.push_str(if dice.below(4) == 0 {
            "\r\n\r\n"
        } else {
            "\n\n"
        });
    }
    out
}

/// Short news-like fragments, to mix with arbitrary characters in property tests.
pub fn fragments() -> Vec<String> {
    let mut dice = Dice::new(7);
    let mut out: Vec<String> = SENTENCES
        .iter()
        .chain(LIVE_LINES)
        .map(|t| {
            let mut s = String::new();
            fill(&mut dice, t, &mut s);
            s
        })
        .collect();
    out.extend(
        DATES
            .iter()
            .chain(PEOPLE)
            .chain(ORGS)
            .map(|s| s.to_string()),
    );
    out.extend(["\"", "“", "”", "‘", "’", "\n", "\r\n", " said ", ", ", ". "].map(String::from));
    out
}

/// Digits, month names and date-like pieces with no sentence structure: a worst case
/// for a date extractor that looks ahead from every number.
pub fn digits_and_months(bytes: usize) -> String {
    let mut dice = Dice::new(11);
    let mut out = String::with_capacity(bytes + 64);
    while out.len() < bytes {
        match dice.below(6) {
            0 => out.push_str(dice.pick(MONTHS)),
            1 => out.push_str(&dice.below(10_000).to_string()),
            2 => out.push_str(&format!(
                "{}-{}-{}",
                dice.below(3000),
                dice.below(20),
                dice.below(40)
            )),
            3 => out.push_str(&format!("{}:{}", dice.below(30), dice.below(70))),
            4 => out.push_str(&dice.below(40).to_string()),
            _ => out.push_str(&format!("{},{}", dice.below(1000), dice.below(1000))),
        }
        out.push(' ');
    }
    out
}

/// Only punctuation and symbols, no letter at all.
pub fn punctuation(bytes: usize) -> String {
    const MARKS: &[&str] = &[
        ".", ",", ";", ":", "!", "?", "-", "–", "—", "(", ")", "[", "]", "\"", "'", "“", "”", "‘",
        "’", "…", "/", "*", "&", "%", "$", "#", "@", " ", "\n",
    ];
    let mut dice = Dice::new(13);
    let mut out = String::with_capacity(bytes + 8);
    while out.len() < bytes {
        out.push_str(dice.pick(MARKS));
    }
    out
}

/// Thousands of quotation marks that open and never close, straight and curly, each
/// followed by a few words and a speech verb so claim finders try to pair them.
pub fn unbalanced_quotes(bytes: usize) -> String {
    let mut dice = Dice::new(17);
    let mut out = String::with_capacity(bytes + 64);
    while out.len() < bytes {
        out.push_str(if dice.below(2) == 0 { "\"" } else { "“" });
        out.push_str(dice.pick(QUOTES));
        out.push_str(", ");
        out.push_str(dice.pick(SURNAMES));
        out.push(' ');
        out.push_str(dice.pick(SAY));
        out.push(' ');
    }
    out
}

/// News text on one line: every line break becomes a space.
pub fn one_line(bytes: usize) -> String {
    news(bytes, 23).replace("\r\n", "  ").replace('\n', " ")
}

/// News text with NUL bytes and replacement characters (what lone surrogates from
/// JavaScript become) scattered between and inside words.
pub fn with_odd_chars(bytes: usize) -> String {
    let mut dice = Dice::new(29);
    news(bytes, 31)
        .chars()
        .flat_map(|c| {
            let odd = match dice.below(40) {
                0 => Some('\0'),
                1 => Some('\u{FFFD}'),
                _ => None,
            };
            odd.into_iter().chain(std::iter::once(c))
        })
        .collect()
}
