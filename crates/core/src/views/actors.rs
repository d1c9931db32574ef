//! The actors panel: each entity with its kind and its mentions, most mentioned first.

use std::collections::HashMap;

use crate::model::{ActorKind, AnnotationId, Attrs, Document, Layer, Status};

/// One entity of the actors panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityRow {
    /// The canonical name.
    pub entity: String,
    /// The kind most of its mentions have.
    pub kind: ActorKind,
    /// Its mentions in document order (click steps through them).
    pub mentions: Vec<AnnotationId>,
    /// How many of them are still open suggestions.
    pub open: usize,
}

impl EntityRow {
    /// The mention after `current` (the first when `current` is not one of them),
    /// wrapping around: each click on the row steps to the next mention.
    pub fn next_mention(&self, current: Option<AnnotationId>) -> Option<AnnotationId> {
        let i = current.and_then(|c| self.mentions.iter().position(|&m| m == c));
        match i {
            Some(i) => self.mentions.get((i + 1) % self.mentions.len()).copied(),
            None => self.mentions.first().copied(),
        }
    }
}

/// The entities of `doc`, most mentioned first, then by name.
///
/// # Example
/// ```
/// use claimlens_core::model::{ActorAttrs, ActorKind, Attrs, Document, Origin, Status};
/// use claimlens_core::text::ByteSpan;
/// use claimlens_core::views::actors_panel;
/// let mut doc = Document::new("d", "Aliyev met Aliyev", None);
/// let attrs = Attrs::Actor(ActorAttrs { kind: ActorKind::Person, entity: "Ilham Aliyev".into() });
/// doc.add(ByteSpan::from_raw(0, 6).unwrap(), attrs.clone(), Origin::Auto, Status::Suggested);
/// doc.add(ByteSpan::from_raw(11, 17).unwrap(), attrs, Origin::Auto, Status::Accepted);
/// let rows = actors_panel(&doc);
/// assert_eq!((rows[0].entity.as_str(), rows[0].mentions.len(), rows[0].open), ("Ilham Aliyev", 2, 1));
/// ```
pub fn actors_panel(doc: &Document) -> Vec<EntityRow> {
    let mut rows: Vec<EntityRow> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut kinds: Vec<HashMap<ActorKind, usize>> = Vec::new();
    for a in doc.layer(Layer::Actor) {
        let Attrs::Actor(x) = &a.attrs else { continue };
        if a.status == Status::Rejected {
            continue;
        }
        let i = *index.entry(x.entity.as_str()).or_insert_with(|| {
            rows.push(EntityRow {
                entity: x.entity.clone(),
                kind: x.kind,
                mentions: Vec::new(),
                open: 0,
            });
            kinds.push(HashMap::new());
            rows.len() - 1
        });
        rows[i].mentions.push(a.id);
        rows[i].open += usize::from(a.status == Status::Suggested);
        *kinds[i].entry(x.kind).or_default() += 1;
    }
    for (row, counts) in rows.iter_mut().zip(&kinds) {
        // Ties go to the kind seen first, which the row already holds.
        let first = row.kind;
        if let Some((&k, _)) = counts.iter().max_by_key(|(&k, &n)| (n, k == first)) {
            row.kind = k;
        }
    }
    crate::order::sort_by(&mut rows, |a, b| {
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then_with(|| a.entity.cmp(&b.entity))
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorAttrs, Origin};
    use crate::text::ByteSpan;

    #[test]
    fn entities_by_count_with_majority_kind() {
        let mut doc = Document::new("d", "Baku Baku Baku Yerevan Yerevan X", None);
        let mut add = |a: usize, b: usize, kind, entity: &str, status| {
            doc.add(
                ByteSpan::from_raw(a, b).unwrap(),
                Attrs::Actor(ActorAttrs {
                    kind,
                    entity: entity.into(),
                }),
                Origin::Auto,
                status,
            )
        };
        let s = Status::Suggested;
        let y1 = add(15, 22, ActorKind::Country, "Armenia", s);
        add(0, 4, ActorKind::Organisation, "Azerbaijan", s);
        add(5, 9, ActorKind::Country, "Azerbaijan", Status::Accepted);
        add(10, 14, ActorKind::Country, "Azerbaijan", s);
        let y2 = add(23, 30, ActorKind::Country, "Armenia", s);
        add(31, 32, ActorKind::Person, "Armenia", Status::Rejected);
        let rows = actors_panel(&doc);
        assert_eq!(rows.len(), 2);
        assert_eq!(
            (rows[0].entity.as_str(), rows[0].kind, rows[0].open),
            ("Azerbaijan", ActorKind::Country, 2)
        );
        assert_eq!(rows[1].mentions, [y1, y2]);
        assert_eq!(rows[1].next_mention(None), Some(y1));
        assert_eq!(rows[1].next_mention(Some(y1)), Some(y2));
        assert_eq!(rows[1].next_mention(Some(y2)), Some(y1));
        assert!(actors_panel(&Document::new("e", "", None)).is_empty());
    }
}
