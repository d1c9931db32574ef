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

/// The canonical entity name of each mention, in order.
pub fn entities(mentions: &[Pending]) -> Vec<String> {
    // Surname (folded) -> the fullest name seen with it.
    let mut people: HashMap<String, &str> = HashMap::default();
    for m in mentions.iter().filter(|m| m.kind == ActorKind::Person) {
        let parts = m
            .name
            .split(' ')
            .filter(|p| p.chars().next().is_some_and(char::is_uppercase));
        let Some(last) = parts.clone().next_back() else {
            continue;
        };
        if parts.count() < 2 {
            continue;
        }
        let entry = people.entry(fold(last)).or_insert(&m.name);
        if m.name.len() > entry.len() {
            *entry = &m.name;
        }
    }
    // Acronym (folded) -> long form, and long form -> itself.
    let mut bodies: HashMap<String, String> = HashMap::default();
    for m in mentions {
        if let Some(long) = &m.expands {
            bodies.insert(fold(&m.name), long.clone());
        }
    }
    mentions
        .iter()
        .map(|m| {
            if let Some(c) = m.canonical {
                return c.to_string();
            }
            match m.kind {
                ActorKind::Person => {
                    let last = m.name.rsplit(' ').next().unwrap_or(&m.name);
                    people
                        .get(&fold(last))
                        .map_or_else(|| m.name.clone(), |s| s.to_string())
                }
                _ => bodies
                    .get(&fold(&m.name))
                    .cloned()
                    .unwrap_or_else(|| m.name.clone()),
            }
        })
        .collect()
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
            entities(&ms),
            [
                "Ilham Aliyev",
                "Ilham Aliyev",
                "Hikmet Hajiyev",
                "Hikmet Hajiyev"
            ]
        );
    }

    #[test]
    fn acronyms_join_their_long_form() {
        let mut raf = pending("RAF", ActorKind::Organisation);
        raf.expands = Some("Royal Air Force".into());
        let ms = [raf, pending("RAF", ActorKind::Organisation)];
        assert_eq!(entities(&ms), ["Royal Air Force", "Royal Air Force"]);
    }
}
