//! The small pattern language of the furniture rules (`data/cleanup/furniture.txt`):
//! a subset of regular-expression syntax, matched against a whole (short) line.
//!
//! Why not the `regex` crate: these ~30 rules were its only use, and its compiler,
//! engines and Unicode tables were a quarter of the web app's wasm. Lines are at most
//! 120 characters, so a bounded backtracker (each (instruction, position) pair visited
//! at most once: cost linear in rules × line length) is all the speed needed.
//!
//! Syntax: literals; `.` (any character); `(…)` groups; `|`; `?`, `*`, `+`, `{n}`,
//! `{n,}`, `{n,m}` (greedy or not, it makes no difference for a whole-line test);
//! classes `[…]` and `[^…]` with ranges and escapes; `\w` (letters, digits, combining
//! marks, `_`), `\s` (Unicode white space), `\d` (digits), their negations `\W`, `\S`,
//! `\D`; `\b` (word boundary); `\` before any other punctuation makes it literal.
//! Matching is case-insensitive: line and pattern are compared in lower case.

use std::fmt;

/// Where and why a pattern could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    /// Character position in the pattern.
    pub at: usize,
    /// What is wrong there.
    pub what: &'static str,
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at character {}", self.what, self.at)
    }
}

/// The longest repetition count accepted in `{n,m}`: it bounds the compiled size.
const MAX_REPEAT: u32 = 200;

/// A named set of characters (`\w`, `\s`, `\d`) or its complement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Perl {
    Word,
    Space,
    Digit,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ClassItem {
    Range(char, char),
    Perl(Perl, bool),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Class {
    negated: bool,
    items: Vec<ClassItem>,
}

impl Class {
    fn matches(&self, c: char) -> bool {
        let inside = self.items.iter().any(|item| match *item {
            ClassItem::Range(lo, hi) => (lo..=hi).contains(&c),
            ClassItem::Perl(p, negated) => perl(p, c) != negated,
        });
        inside != self.negated
    }
}

fn perl(p: Perl, c: char) -> bool {
    match p {
        Perl::Word => is_word(c),
        Perl::Space => c.is_whitespace(),
        Perl::Digit => c.is_numeric(),
    }
}

/// `\w`: letters, digits, `_`, combining marks and the zero-width joiners (so a word
/// written with a decomposed accent stays one word).
fn is_word(c: char) -> bool {
    c.is_alphanumeric()
        || c == '_'
        || matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}'
            | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}' | '\u{200c}' | '\u{200d}')
}

/// The case-insensitive comparison: a character's lower case when it is one character.
fn fold(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// The parsed pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Node {
    Empty,
    Char(char),
    Any,
    Class(Class),
    WordBoundary,
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat(Box<Node>, u32, Option<u32>),
}

struct Parser {
    chars: Vec<char>,
    at: usize,
}

impl Parser {
    fn error(&self, what: &'static str) -> PatternError {
        PatternError { at: self.at, what }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        let found = self.peek() == Some(c);
        self.at += usize::from(found);
        found
    }

    fn alternation(&mut self) -> Result<Node, PatternError> {
        let mut branches = vec![self.concat()?];
        while self.eat('|') {
            branches.push(self.concat()?);
        }
        Ok(match branches.len() {
            1 => branches.pop().unwrap_or(Node::Empty),
            _ => Node::Alt(branches),
        })
    }

    fn concat(&mut self) -> Result<Node, PatternError> {
        let mut items = Vec::new();
        while let Some(c) = self.peek().filter(|&c| c != '|' && c != ')') {
            let atom = self.atom(c)?;
            items.push(self.repetition(atom)?);
        }
        Ok(Node::Concat(items))
    }

    fn atom(&mut self, c: char) -> Result<Node, PatternError> {
        self.at += 1;
        Ok(match c {
            '(' => {
                let inner = self.alternation()?;
                if !self.eat(')') {
                    return Err(self.error("unclosed group `(`"));
                }
                inner
            }
            '.' => Node::Any,
            '[' => Node::Class(self.class()?),
            '\\' => match self.escape()? {
                Escaped::Char(c) => Node::Char(fold(c)),
                Escaped::Perl(p, negated) => Node::Class(Class {
                    negated: false,
                    items: vec![ClassItem::Perl(p, negated)],
                }),
                Escaped::Boundary => Node::WordBoundary,
            },
            '?' | '*' | '+' | '{' => return Err(self.error("repetition of nothing")),
            '^' | '$' => {
                return Err(self.error("anchors are implicit: a rule matches a whole line"))
            }
            c => Node::Char(fold(c)),
        })
    }

    fn repetition(&mut self, mut atom: Node) -> Result<Node, PatternError> {
        loop {
            let (min, max) = match self.peek() {
                Some('?') => (0, Some(1)),
                Some('*') => (0, None),
                Some('+') => (1, None),
                Some('{') => {
                    self.at += 1;
                    let min = self.number()?;
                    let max = if self.eat(',') {
                        (self.peek() != Some('}'))
                            .then(|| self.number())
                            .transpose()?
                    } else {
                        Some(min)
                    };
                    if self.peek() != Some('}') || max.is_some_and(|m| m < min) {
                        return Err(self.error("bad counted repetition `{n,m}`"));
                    }
                    (min, max)
                }
                _ => return Ok(atom),
            };
            self.at += 1;
            // A lazy marker changes which match is found, never whether one is.
            self.eat('?');
            atom = Node::Repeat(Box::new(atom), min, max);
        }
    }

    fn number(&mut self) -> Result<u32, PatternError> {
        let start = self.at;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.at += 1;
        }
        let digits: String = self.chars[start..self.at].iter().collect();
        digits
            .parse()
            .ok()
            .filter(|&n| n <= MAX_REPEAT)
            .ok_or_else(|| self.error("repetition count missing or above 200"))
    }

    fn escape(&mut self) -> Result<Escaped, PatternError> {
        let c = self
            .peek()
            .ok_or_else(|| self.error("pattern ends in `\\`"))?;
        self.at += 1;
        Ok(match c {
            'w' | 'W' => Escaped::Perl(Perl::Word, c == 'W'),
            's' | 'S' => Escaped::Perl(Perl::Space, c == 'S'),
            'd' | 'D' => Escaped::Perl(Perl::Digit, c == 'D'),
            'b' => Escaped::Boundary,
            c if c.is_ascii_punctuation() || c == ' ' => Escaped::Char(c),
            _ => {
                self.at -= 1;
                return Err(self.error("unknown escape"));
            }
        })
    }

    fn class(&mut self) -> Result<Class, PatternError> {
        let negated = self.eat('^');
        let mut items = Vec::new();
        let mut first = true;
        loop {
            let c = self
                .peek()
                .ok_or_else(|| self.error("unclosed class `[`"))?;
            self.at += 1;
            if c == ']' && !first {
                return Ok(Class { negated, items });
            }
            first = false;
            let lo = match c {
                '\\' => match self.escape()? {
                    Escaped::Char(c) => c,
                    Escaped::Perl(p, negated) => {
                        items.push(ClassItem::Perl(p, negated));
                        continue;
                    }
                    Escaped::Boundary => return Err(self.error("`\\b` inside a class")),
                },
                c => c,
            };
            let range_end = self.chars.get(self.at + 1).filter(|&&e| e != ']');
            let hi = match range_end {
                Some(&hi) if self.peek() == Some('-') && hi != '\\' => {
                    self.at += 2;
                    hi
                }
                _ => lo,
            };
            let (lo, hi) = (fold(lo), fold(hi));
            if hi < lo {
                return Err(self.error("class range out of order"));
            }
            items.push(ClassItem::Range(lo, hi));
        }
    }
}

enum Escaped {
    Char(char),
    Perl(Perl, bool),
    Boundary,
}

/// One step of the compiled program.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Inst {
    Char(char),
    Any,
    Class(Class),
    WordBoundary,
    /// Try both continuations.
    Split(usize, usize),
    Jump(usize),
    Match,
}

/// A compiled rule: a program matched against a whole line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    program: Vec<Inst>,
}

impl Pattern {
    /// Reads a pattern.
    ///
    /// # Errors
    /// Syntax outside the subset described in this module's documentation, with where.
    pub fn new(pattern: &str) -> Result<Self, PatternError> {
        let mut parser = Parser {
            chars: pattern.chars().collect(),
            at: 0,
        };
        let node = parser.alternation()?;
        if parser.at < parser.chars.len() {
            return Err(parser.error("unmatched `)`"));
        }
        let mut program = Vec::new();
        compile(&node, &mut program);
        program.push(Inst::Match);
        Ok(Self { program })
    }

    /// Whether the whole of `line` (folded by [`Line::new`]) matches.
    pub fn matches(&self, line: &Line, scratch: &mut Scratch) -> bool {
        let chars = &line.0;
        let width = chars.len() + 1;
        let size = self.program.len() * width;
        if scratch.seen.len() < size {
            scratch.seen.resize(size, 0);
        }
        // A new mark for this run instead of clearing: most rules fail on the first
        // character, and clearing would cost the whole table each time.
        scratch.mark = scratch.mark.wrapping_add(1);
        if scratch.mark == 0 {
            scratch.seen.fill(0);
            scratch.mark = 1;
        }
        let mark = scratch.mark;
        let stack = &mut scratch.stack;
        stack.clear();
        stack.push((0, 0));
        while let Some((pc, at)) = stack.pop() {
            let Some(seen) = scratch.seen.get_mut(pc * width + at) else {
                continue;
            };
            if std::mem::replace(seen, mark) == mark {
                continue;
            }
            let here = chars.get(at).copied();
            match &self.program[pc] {
                Inst::Match => {
                    if here.is_none() {
                        return true;
                    }
                }
                Inst::Char(c) => {
                    if here == Some(*c) {
                        stack.push((pc + 1, at + 1));
                    }
                }
                Inst::Any => {
                    if here.is_some_and(|c| c != '\n') {
                        stack.push((pc + 1, at + 1));
                    }
                }
                Inst::Class(class) => {
                    if here.is_some_and(|c| class.matches(c)) {
                        stack.push((pc + 1, at + 1));
                    }
                }
                Inst::WordBoundary => {
                    let before = at > 0 && is_word(chars[at - 1]);
                    if before != here.is_some_and(is_word) {
                        stack.push((pc + 1, at));
                    }
                }
                Inst::Split(a, b) => {
                    // `a` is popped first: the preferred branch.
                    stack.push((*b, at));
                    stack.push((*a, at));
                }
                Inst::Jump(to) => stack.push((*to, at)),
            }
        }
        false
    }
}

/// The matcher's working memory, kept from one line to the next so matching
/// allocates nothing once it has grown.
#[derive(Debug, Clone, Default)]
pub struct Scratch {
    /// Per (instruction, position): the run that last visited it.
    seen: Vec<u32>,
    mark: u32,
    stack: Vec<(usize, usize)>,
}

/// A line prepared for matching: its characters, folded to lower case.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Line(Vec<char>);

impl Line {
    /// Folds `text` for matching.
    pub fn new(text: &str) -> Self {
        Self(text.chars().map(fold).collect())
    }
}

fn compile(node: &Node, program: &mut Vec<Inst>) {
    match node {
        Node::Empty => {}
        Node::Char(c) => program.push(Inst::Char(*c)),
        Node::Any => program.push(Inst::Any),
        Node::Class(class) => program.push(Inst::Class(class.clone())),
        Node::WordBoundary => program.push(Inst::WordBoundary),
        Node::Concat(items) => items.iter().for_each(|n| compile(n, program)),
        Node::Alt(branches) => {
            // split L1, next; L1: branch; jump end; next: split …; last branch; end:
            let mut jumps = Vec::new();
            for (i, branch) in branches.iter().enumerate() {
                let split = program.len();
                let last = i + 1 == branches.len();
                if !last {
                    program.push(Inst::Split(split + 1, 0));
                }
                compile(branch, program);
                if !last {
                    jumps.push(program.len());
                    program.push(Inst::Jump(0));
                    let next = program.len();
                    program[split] = Inst::Split(split + 1, next);
                }
            }
            let end = program.len();
            for j in jumps {
                program[j] = Inst::Jump(end);
            }
        }
        Node::Repeat(inner, min, max) => {
            for _ in 0..*min {
                compile(inner, program);
            }
            match max {
                None => {
                    // loop: split body, end; body; jump loop; end:
                    let split = program.len();
                    program.push(Inst::Split(split + 1, 0));
                    compile(inner, program);
                    program.push(Inst::Jump(split));
                    let end = program.len();
                    program[split] = Inst::Split(split + 1, end);
                }
                Some(max) => {
                    // Each optional copy may stop the repetition: split body, end.
                    let mut splits = Vec::new();
                    for _ in *min..*max {
                        splits.push(program.len());
                        program.push(Inst::Split(0, 0));
                        compile(inner, program);
                    }
                    let end = program.len();
                    for s in splits {
                        program[s] = Inst::Split(s + 1, end);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is(pattern: &str, line: &str) -> bool {
        let p = Pattern::new(pattern).unwrap_or_else(|e| panic!("{pattern}: {e}"));
        p.matches(&Line::new(line), &mut Scratch::default())
    }

    #[test]
    fn whole_lines_only() {
        assert!(is("subscribe( now)?[.!]?", "Subscribe now!"));
        assert!(is("subscribe( now)?[.!]?", "SUBSCRIBE"));
        assert!(!is("subscribe( now)?[.!]?", "Subscribe now to read"));
        assert!(!is("menu", "menus"));
        assert!(is("", ""));
        assert!(!is("", "x"));
    }

    #[test]
    fn classes_escapes_and_counts() {
        assert!(is(r"[\w' -]+", "Donor's pre-view"));
        assert!(is(r"\[[^\]]{1,4}\]: ?\S+.*", "[ab]: http://x"));
        assert!(!is(r"\[[^\]]{1,4}\]: ?\S+.*", "[abcde]: http://x"));
        assert!(is(r"a{2}b{1,}c{0,2}", "aabbb"));
        assert!(!is(r"a{2}", "aaa"));
        assert!(is(r"(\d+ )?comments?", "12 comments"));
        assert!(is(r"[a-c]+", "abcCBA"));
        assert!(is(r"x[·•|]y", "x•y"));
        assert!(is(r"\(c\) ?\d{4}.*", "(C) 2024 Example"));
    }

    #[test]
    fn word_boundaries() {
        assert!(is(r".*\bcookies\b.*", "We use cookies."));
        assert!(!is(r".*\bcookies\b.*", "We use cookiesx"));
        assert!(is(r"\bé\b", "É"));
        assert!(is(r"caf\w", "cafe\u{301}".trim_end_matches('\u{301}')));
        assert!(is(r"\w+", "cafe\u{301}"));
    }

    #[test]
    fn nested_repetition_stays_bounded() {
        let p = Pattern::new(r"((a|aa)*)*b").unwrap();
        let line = Line::new(&"a".repeat(120));
        assert!(!p.matches(&line, &mut Scratch::default()));
    }

    #[test]
    fn bad_patterns_say_where() {
        for bad in [
            "(a", "a)", "*a", "a{3,2}", "a{999}", r"\q", "[a", "^a", r"[\b]", "[z-a]",
        ] {
            assert!(Pattern::new(bad).is_err(), "{bad}");
        }
        assert_eq!(
            Pattern::new("ab(c").unwrap_err().to_string(),
            "unclosed group `(` at character 4"
        );
    }
}
