//! The kind of an annotation across all layers, so one menu (or one key cycling
//! through kinds) can offer every choice. (The stances a claim can take are
//! [`Stance::ALL`](crate::model::Stance::ALL).)

use crate::model::{ActorKind, Attrs, ClaimKind, DateKind, Layer};

/// The kind of an annotation on any layer; the variant fixes the layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// An actor's kind.
    Actor(ActorKind),
    /// A date's kind.
    Date(DateKind),
    /// A claim's kind.
    Claim(ClaimKind),
}

impl Kind {
    /// Every kind, grouped by layer in display order.
    pub const ALL: [Kind; 10] = [
        Kind::Actor(ActorKind::Person),
        Kind::Actor(ActorKind::Organisation),
        Kind::Actor(ActorKind::Country),
        Kind::Actor(ActorKind::Group),
        Kind::Date(DateKind::Date),
        Kind::Date(DateKind::Time),
        Kind::Date(DateKind::Duration),
        Kind::Date(DateKind::Set),
        Kind::Claim(ClaimKind::Direct),
        Kind::Claim(ClaimKind::Indirect),
    ];

    /// The layer this kind belongs to.
    pub fn layer(self) -> Layer {
        match self {
            Kind::Actor(_) => Layer::Actor,
            Kind::Date(_) => Layer::Date,
            Kind::Claim(_) => Layer::Claim,
        }
    }

    /// The kind as files name it (`person`, `time`, `direct`, …).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Actor(k) => k.name(),
            Kind::Date(k) => k.name(),
            Kind::Claim(k) => k.name(),
        }
    }

    /// The kind named `name` on `layer` (the layer disambiguates `date`).
    pub fn from_name(layer: Layer, name: &str) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.layer() == layer && k.name() == name)
    }

    /// The kinds of one layer, in display order.
    pub fn of_layer(layer: Layer) -> impl Iterator<Item = Kind> {
        Kind::ALL.into_iter().filter(move |k| k.layer() == layer)
    }

    /// The next kind of the same layer, wrapping around (for a cycle-kind key).
    pub fn next(self) -> Kind {
        let same: Vec<Kind> = Kind::of_layer(self.layer()).collect();
        let i = same.iter().position(|&k| k == self).unwrap_or(0);
        same[(i + 1) % same.len()]
    }

    /// The kind of existing attributes.
    pub fn of(attrs: &Attrs) -> Kind {
        match attrs {
            Attrs::Actor(a) => Kind::Actor(a.kind),
            Attrs::Date(d) => Kind::Date(d.kind),
            Attrs::Claim(c) => Kind::Claim(c.kind),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_cycle_within_a_layer() {
        for k in Kind::ALL {
            assert_eq!(Kind::from_name(k.layer(), k.name()), Some(k));
            assert_eq!(k.next().layer(), k.layer());
        }
        assert_eq!(
            Kind::Actor(ActorKind::Group).next(),
            Kind::Actor(ActorKind::Person)
        );
        assert_eq!(Kind::from_name(Layer::Actor, "date"), None);
    }
}
