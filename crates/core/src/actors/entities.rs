//! Grouping mentions into actors: every mention gets the canonical name of the actor
//! it names, so `Ilham Aliyev`, `Aliyev` and `ALIYEV` share `Ilham Aliyev`, `Baku`
//! shares `Azerbaijan`, `UN` shares `United Nations`, and an acronym introduced in
//! brackets (`Royal Air Force ( RAF )`) shares its long form.

use super::fasthash::FastMap as HashMap;

use crate::model::ActorKind;

/// One mention waiting for its entity.
#[derive(Debug, Clone)]
pub struct Pending {
    /// Its words joined by single spaces.
    pub name: String,
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
    name.rsplit(' ')
        .next()
        .is_some_and(|last| is_title(&last.to_lowercase()))
}

/// The canonical entity name of each mention, in order. `is_title` tells role words
/// (`president`, `PM`) so that people described by role keep their own names.
pub fn entities(mentions: &[Pending], is_title: &dyn Fn(&str) -> bool) -> Vec<String> {
    // Surname (folded) -> the full names seen with it, in order, with their positions.
    let mut people: HashMap<String, Vec<(usize, &str)>> = HashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind != ActorKind::Person || by_role(&m.name, is_title) {
            continue;
        }
        let mut parts = m
            .name
            .split(' ')
            .filter(|p| p.chars().next().is_some_and(char::is_uppercase));
        let Some(last) = parts.clone().next_back() else {
            continue;
        };
        if parts.nth(1).is_some() {
            people.entry(fold(last)).or_default().push((i, &m.name));
        }
    }
    // Acronym (folded) -> long form.
    let mut bodies: HashMap<String, String> = HashMap::default();
    for m in mentions {
        if let Some(long) = &m.expands {
            bodies.insert(fold(&m.name), long.clone());
        }
    }
    mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            if let Some(c) = m.canonical {
                return c.to_string();
            }
            match m.kind {
                ActorKind::Person if !by_role(&m.name, is_title) => person(&people, i, &m.name),
                ActorKind::Person => m.name.clone(),
                _ => bodies
                    .get(&fold(&m.name))
                    .cloned()
                    .unwrap_or_else(|| m.name.clone()),
            }
        })
        .collect()
}

/// The entity of person mention `i` named `name`: the fullest name with the same
/// surname and first name; for a surname alone, the full name mentioned last before
/// it (or first after it).
fn person(people: &HashMap<String, Vec<(usize, &str)>>, i: usize, name: &str) -> String {
    let mut words = name.split(' ');
    let first = words.next().unwrap_or(name);
    let last = words.next_back().unwrap_or(first);
    let Some(full) = people.get(&fold(last)) else {
        return name.to_string();
    };
    let first_key = fold(first);
    let chosen: Option<&str> = if name.contains(' ') {
        // The first of the longest full names with this first name.
        let mut best: Option<&str> = None;
        for &(_, n) in full {
            let same_first = n.split(' ').next().is_some_and(|f| fold(f) == first_key);
            if same_first && best.is_none_or(|b| n.len() > b.len()) {
                best = Some(n);
            }
        }
        best
    } else {
        full.iter()
            .rev()
            .find(|(at, _)| *at < i)
            .or_else(|| full.first())
            .map(|&(_, n)| n)
    };
    chosen.unwrap_or(name).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pending(name: &str, kind: ActorKind) -> Pending {
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
