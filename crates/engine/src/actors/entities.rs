//! Grouping mentions into actors: every mention gets the canonical name of the actor
//! it names, so `Ilham Aliyev`, `Aliyev` and `ALIYEV` share `Ilham Aliyev`, `Baku`
//! shares `Azerbaijan`, `UN` shares `United Nations`, and an acronym introduced in
//! brackets (`Royal Air Force ( RAF )`) shares its long form.

use std::borrow::Cow;

use super::fasthash::FastMap as HashMap;

use crate::model::ActorKind;

/// One mention waiting for its entity.
#[derive(Debug, Clone)]
pub struct Pending<'t> {
    /// Its words joined by single spaces (borrowed from the text for one word).
    pub name: Cow<'t, str>,
    /// Its kind.
    pub kind: ActorKind,
    /// A canonical name from a gazetteer, if one is known.
    pub canonical: Option<&'static str>,
    /// The long form this acronym was introduced with, if any.
    pub expands: Option<String>,
}

/// A key that ignores case and the usual spelling variants of transliterated names
/// (`Haciyev`/`Hajiyev`, `Hacıyev`), so they group together.
fn fold(name: &str) -> String {
    if name.is_ascii() {
        // The same mapping for ASCII (lower case, `c` as `j`), byte by byte.
        let folded = name
            .bytes()
            .map(|b| match b.to_ascii_lowercase() {
                b'c' => 'j',
                l => char::from(l),
            })
            .collect();
        return folded;
    }
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'ı' | 'í' | 'ì' | 'î' | 'ï' => 'i',
            'é' | 'è' | 'ê' | 'ë' | 'ə' => 'e',
            'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' | 'c' => 'j',
            'ş' => 's',
            'ğ' => 'g',
            'ñ' => 'n',
            '’' => '\'',
            c => c,
        };
        out.push(c);
    }
    out
}

/// True for a person named by role rather than by name (`Armenian PM`, `UN chief`):
/// such mentions do not group by their last word.
fn by_role(name: &str, is_title: &dyn Fn(&str) -> bool) -> bool {
    name.rsplit(' ').next().is_some_and(|last| {
        // Most words are already in lower case or ASCII: no copy for those.
        if last.is_ascii() && !last.bytes().any(|b| b.is_ascii_uppercase()) {
            is_title(last)
        } else {
            is_title(&last.to_lowercase())
        }
    })
}

/// Full personal names seen in a text, indexed for grouping in constant time.
#[derive(Default)]
struct People<'m> {
    /// Folded surname -> positions (ascending) and full names with it.
    by_surname: HashMap<String, Vec<(usize, &'m str)>>,
    /// Folded (first name, surname) -> the first of the longest full names.
    by_first_and_surname: HashMap<(String, String), &'m str>,
}

/// The canonical entity name of each mention, in order. `is_title` tells role words
/// (`president`, `PM`) so that people described by role keep their own names.
pub fn entities(mentions: &[Pending<'_>], is_title: &dyn Fn(&str) -> bool) -> Vec<String> {
    let mut people = People::default();
    // People named by role, asked once per mention.
    let role: Vec<bool> = mentions
        .iter()
        .map(|m| m.kind == ActorKind::Person && by_role(&m.name, is_title))
        .collect();
    // The folded surname of each full personal name: a text repeats its names, and
    // each is folded once.
    let mut surnames: HashMap<&str, String> = HashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind != ActorKind::Person || role[i] {
            continue;
        }
        if let Some(surname) = surnames.get(&*m.name) {
            // The same name again: one more position for its surname; the longest
            // full name for its first name and surname is already at least as long.
            if let Some(at) = people.by_surname.get_mut(surname.as_str()) {
                at.push((i, &m.name));
            }
            continue;
        }
        let Some((first, last)) = first_and_last(&m.name) else {
            continue;
        };
        let surname = fold(last);
        surnames.insert(&m.name, surname.clone());
        people
            .by_surname
            .entry(surname.clone())
            .or_default()
            .push((i, &m.name));
        let best = people
            .by_first_and_surname
            .entry((fold(first), surname))
            .or_insert(&m.name);
        if m.name.len() > best.len() {
            *best = &m.name;
        }
    }
    // Acronym (folded) -> long form; and the first word of an organisation's name of
    // several words -> that name (`Goldman` -> `Goldman Sachs Group Inc`), first seen.
    let mut bodies: HashMap<String, String> = HashMap::default();
    for m in mentions {
        if let Some(long) = &m.expands {
            bodies.insert(fold(&m.name), long.to_string());
        }
    }
    for m in mentions {
        let several = m.name.contains(' ');
        if m.kind == ActorKind::Organisation && m.canonical.is_none() && several {
            if let Some(first) = m.name.split(' ').next() {
                bodies
                    .entry(fold(first))
                    .or_insert_with(|| m.name.to_string());
            }
        }
    }
    // What a name alone decides, asked once per name: the full name a full personal
    // name stands for, the mentions of a surname, the body a name stands for.
    let mut full_names: HashMap<&str, &str> = HashMap::default();
    let mut by_surname: HashMap<&str, Option<&[(usize, &str)]>> = HashMap::default();
    let mut body_of: HashMap<&str, Option<&str>> = HashMap::default();
    mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            if let Some(c) = m.canonical {
                return c.to_string();
            }
            let name: &str = &m.name;
            match m.kind {
                ActorKind::Person if !role[i] => match first_and_last(name) {
                    Some((first, last)) => (*full_names
                        .entry(name)
                        .or_insert_with(|| full_name(&people, first, last, name)))
                    .to_string(),
                    None => {
                        let full = *by_surname.entry(name).or_insert_with(|| {
                            people.by_surname.get(&fold(name)).map(Vec::as_slice)
                        });
                        by_surname_before(full, i, name).to_string()
                    }
                },
                ActorKind::Person => name.to_string(),
                // No acronyms or long firm names: no key to fold.
                _ if bodies.is_empty() => name.to_string(),
                _ => body_of
                    .entry(name)
                    .or_insert_with(|| bodies.get(&fold(name)).map(String::as_str))
                    .unwrap_or(name)
                    .to_string(),
            }
        })
        .collect()
}

/// The first and last capitalised words of a name of at least two such words.
fn first_and_last(name: &str) -> Option<(&str, &str)> {
    let mut parts = name
        .split(' ')
        .filter(|p| p.chars().next().is_some_and(char::is_uppercase));
    let first = parts.next()?;
    let last = parts.next_back().or_else(|| parts.next())?;
    Some((first, last))
}

/// The entity of a person mention named `first` ... `last`: the fullest name with
/// the same first name and surname.
fn full_name<'m>(people: &People<'m>, first: &str, last: &str, name: &'m str) -> &'m str {
    people
        .by_first_and_surname
        .get(&(fold(first), fold(last)))
        .copied()
        .unwrap_or(name)
}

/// The entity of person mention `i`, a surname alone whose full names are `full`
/// (positions ascending): the full name mentioned last before it (or first after it).
fn by_surname_before<'m>(full: Option<&[(usize, &'m str)]>, i: usize, name: &'m str) -> &'m str {
    let Some(full) = full else {
        return name;
    };
    let before = full.partition_point(|&(at, _)| at < i);
    let chosen = before
        .checked_sub(1)
        .and_then(|k| full.get(k))
        .or_else(|| full.first());
    chosen.map_or(name, |&(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pending(name: &str, kind: ActorKind) -> Pending<'_> {
        Pending {
            name: name.into(),
            kind,
            canonical: None,
            expands: None,
        }
    }

    #[test]
    fn surnames_join_full_names() {
        let ms = [
            pending("Aliyev", ActorKind::Person),
            pending("Ilham Aliyev", ActorKind::Person),
            pending("Hikmet Hajiyev", ActorKind::Person),
            pending("Haciyev", ActorKind::Person),
        ];
        assert_eq!(
            entities(&ms, &|w| w == "president"),
            [
                "Ilham Aliyev",
                "Ilham Aliyev",
                "Hikmet Hajiyev",
                "Hikmet Hajiyev"
            ]
        );
    }

    #[test]
    fn different_first_names_and_roles_stay_apart() {
        let ms = [
            pending("Hikmet Hajiyev", ActorKind::Person),
            pending("Israil Haciyev", ActorKind::Person),
            pending("Haciyev", ActorKind::Person),
            pending("Armenian president", ActorKind::Person),
            pending("Russian president", ActorKind::Person),
        ];
        assert_eq!(
            entities(&ms, &|w| w == "president"),
            [
                "Hikmet Hajiyev",
                "Israil Haciyev",
                "Israil Haciyev",
                "Armenian president",
                "Russian president"
            ]
        );
    }

    #[test]
    fn a_firm_s_first_word_joins_its_full_name() {
        let ms = [
            pending("Goldman Sachs Group Inc", ActorKind::Organisation),
            pending("Goldman", ActorKind::Organisation),
        ];
        assert_eq!(
            entities(&ms, &|_| false),
            ["Goldman Sachs Group Inc", "Goldman Sachs Group Inc"]
        );
    }

    #[test]
    fn acronyms_join_their_long_form() {
        let mut raf = pending("RAF", ActorKind::Organisation);
        raf.expands = Some("Royal Air Force".into());
        let ms = [raf, pending("RAF", ActorKind::Organisation)];
        assert_eq!(
            entities(&ms, &|_| false),
            ["Royal Air Force", "Royal Air Force"]
        );
    }
}
