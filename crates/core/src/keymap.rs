//! The editor's keyboard shortcuts as data: `data/editor/keymap.txt` maps a key chord
//! to a [`Command`] with a description. The UI turns a key event into a [`Chord`] and
//! does one [`Keymap::lookup`]; the `?` overlay lists [`Keymap::bindings`], so the
//! help can never disagree with the keys.
//!
//! What a command does depends on the editor's state (a selection, a focused
//! annotation); [`crate::command`] resolves it.

use std::fmt;
use std::sync::OnceLock;

use thiserror::Error;

use crate::edit::{Direction, Side, Step};
use crate::model::Layer;

static KEYMAP: &str = data_list!(include_str!("../data/editor/keymap.txt"));

/// A key with its modifiers, normalised so that one event matches one chord.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Chord {
    /// The key: a lower-case character, or a `KeyboardEvent.key` name (`Tab`,
    /// `ArrowLeft`, `Delete`, `Escape`, `Enter`, `Space`).
    pub key: String,
    /// Ctrl (or Cmd on macOS).
    pub ctrl: bool,
    /// Alt (Option on macOS).
    pub alt: bool,
    /// Shift; always false for symbols and digits, whose shifted form depends on the
    /// keyboard layout (`?` is Shift+/ on one keyboard and a key of its own on another).
    pub shift: bool,
}

impl Chord {
    /// The chord of a key event: `key` is `KeyboardEvent.key`; `meta` (Cmd) counts as
    /// Ctrl so that Cmd+Z undoes on macOS.
    ///
    /// # Example
    /// ```
    /// use claimlens_core::keymap::{keymap, Chord, Command};
    /// let chord = Chord::from_event("Z", true, false, true, false);
    /// assert_eq!(keymap().lookup(&chord).map(|b| b.command), Some(Command::Redo));
    /// let help = Chord::from_event("?", false, false, true, false);
    /// assert_eq!(keymap().lookup(&help).map(|b| b.command), Some(Command::Help));
    /// ```
    pub fn from_event(key: &str, ctrl: bool, alt: bool, shift: bool, meta: bool) -> Chord {
        let mut chars = key.chars();
        let (key, shift) = match (chars.next(), chars.next()) {
            (Some(' '), None) => ("Space".to_string(), shift),
            (Some(c), None) if c.is_alphabetic() => (c.to_lowercase().collect(), shift),
            (Some(c), None) => (c.to_string(), false),
            _ => (key.to_string(), shift),
        };
        Chord {
            key,
            ctrl: ctrl || meta,
            alt,
            shift,
        }
    }

    /// The chord of a key event by its physical key (`KeyboardEvent.code`: `KeyY`,
    /// `Digit1`), for keyboards whose letters are not Latin: when
    /// [`Chord::from_event`] finds no binding (`н` on a Russian layout), the UI tries
    /// this one. `None` for codes that are not a letter or digit key.
    pub fn from_code(code: &str, ctrl: bool, alt: bool, shift: bool, meta: bool) -> Option<Chord> {
        let key = code
            .strip_prefix("Key")
            .or_else(|| code.strip_prefix("Digit"))
            .filter(|k| k.len() == 1 && k.bytes().all(|b| b.is_ascii_alphanumeric()))?;
        Some(Chord::from_event(key, ctrl, alt, shift, meta))
    }

    /// Reads a chord as written in the keymap: `Ctrl+Shift+z`, `Shift+Tab`, `?`.
    ///
    /// # Errors
    /// [`KeymapError::Chord`] for an unknown modifier or a missing key.
    pub fn parse(text: &str) -> Result<Chord, KeymapError> {
        let bad = || KeymapError::Chord(text.to_string());
        // `+` itself may be the key: split off the last part first.
        let (mods, key) = match text.strip_suffix("++") {
            Some(m) => (m, "+"),
            None if text == "+" => ("", "+"),
            None => match text.rsplit_once('+') {
                Some((m, k)) => (m, k),
                None => ("", text),
            },
        };
        let (mut ctrl, mut alt, mut shift) = (false, false, false);
        for m in mods.split('+').filter(|m| !m.is_empty()) {
            match m {
                "Ctrl" | "Cmd" => ctrl = true,
                "Alt" => alt = true,
                "Shift" => shift = true,
                _ => return Err(bad()),
            }
        }
        if key.is_empty() {
            return Err(bad());
        }
        Ok(Chord::from_event(key, ctrl, alt, shift, false))
    }
}

impl fmt::Display for Chord {
    /// The chord as the help shows it: `Ctrl+Shift+Z`, `Shift+Tab`, `?`, `Y`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl+")?;
        }
        if self.alt {
            f.write_str("Alt+")?;
        }
        if self.shift {
            f.write_str("Shift+")?;
        }
        let arrow = match self.key.as_str() {
            "ArrowLeft" => Some("←"),
            "ArrowRight" => Some("→"),
            "ArrowUp" => Some("↑"),
            "ArrowDown" => Some("↓"),
            _ => None,
        };
        match arrow {
            Some(a) => f.write_str(a),
            // ASCII only: the keymap's keys are, and Unicode upper-casing would link
            // its whole case table (12 KB) into the web app for this one label.
            None if self.key.chars().count() == 1 => f.write_str(&self.key.to_ascii_uppercase()),
            None => f.write_str(&self.key),
        }
    }
}

/// What a shortcut asks for; [`crate::command::resolve`] says what it does now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    /// Accept the focused suggestion.
    Accept,
    /// Reject the focused suggestion.
    Reject,
    /// Accept the open suggestions in the selection (else of a layer).
    AcceptAll,
    /// Reject the open suggestions in the selection (else of a layer).
    RejectAll,
    /// Accept every open suggestion of this layer, wherever it is.
    AcceptLayer(Layer),
    /// Reject every open suggestion of this layer, wherever it is.
    RejectLayer(Layer),
    /// Create on this layer from the selection (snapped to words), or relabel the
    /// focused annotation.
    Layer(Layer),
    /// Create on this layer from the exact selection.
    LayerExact(Layer),
    /// Cycle the focused annotation's kind within its layer.
    CycleKind,
    /// Open the attribute editor of the focused annotation.
    Edit,
    /// Delete the focused annotation.
    Delete,
    /// Move a boundary of the focused annotation.
    Move(Side, Step, Direction),
    /// Focus the focused claim's next content fragment (then the whole claim again).
    NextFragment,
    /// Focus the focused claim's previous content fragment.
    PreviousFragment,
    /// Add the selection to a claim as another content fragment.
    AddFragment,
    /// Remove the focused fragment from its claim.
    RemoveFragment,
    /// Focus the next annotation.
    Next,
    /// Focus the previous annotation.
    Previous,
    /// Focus the next open suggestion.
    NextSuggestion,
    /// Focus the previous open suggestion.
    PreviousSuggestion,
    /// Step through the annotations overlapping the focused one.
    NextOverlapping,
    /// Cycle the layer filter: all, actors, dates, claims.
    CycleFilter,
    /// Close an overlay, else clear the focus.
    Escape,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Show or hide the shortcuts.
    Help,
}

impl Command {
    /// Reads a command as written in the keymap (`layer actor`, `move end word forward`).
    ///
    /// # Errors
    /// [`KeymapError::Command`] when the words name no command.
    pub fn parse(text: &str) -> Result<Command, KeymapError> {
        let words: Vec<&str> = text.split_whitespace().collect();
        let layer = |w: &str| Layer::ALL.into_iter().find(|l| l.name() == w);
        let command = match words.as_slice() {
            ["accept"] => Some(Command::Accept),
            ["reject"] => Some(Command::Reject),
            ["accept-all"] => Some(Command::AcceptAll),
            ["reject-all"] => Some(Command::RejectAll),
            ["accept-layer", l] => layer(l).map(Command::AcceptLayer),
            ["reject-layer", l] => layer(l).map(Command::RejectLayer),
            ["next-fragment"] => Some(Command::NextFragment),
            ["previous-fragment"] => Some(Command::PreviousFragment),
            ["add-fragment"] => Some(Command::AddFragment),
            ["remove-fragment"] => Some(Command::RemoveFragment),
            ["layer", l] => layer(l).map(Command::Layer),
            ["layer-exact", l] => layer(l).map(Command::LayerExact),
            ["cycle-kind"] => Some(Command::CycleKind),
            ["edit"] => Some(Command::Edit),
            ["delete"] => Some(Command::Delete),
            ["move", side, step, direction] => {
                let side = match *side {
                    "start" => Some(Side::Start),
                    "end" => Some(Side::End),
                    _ => None,
                };
                let step = match *step {
                    "char" => Some(Step::Char),
                    "word" => Some(Step::Word),
                    _ => None,
                };
                let direction = match *direction {
                    "forward" => Some(Direction::Forward),
                    "backward" => Some(Direction::Backward),
                    _ => None,
                };
                match (side, step, direction) {
                    (Some(a), Some(b), Some(c)) => Some(Command::Move(a, b, c)),
                    _ => None,
                }
            }
            ["next"] => Some(Command::Next),
            ["previous"] => Some(Command::Previous),
            ["next-suggestion"] => Some(Command::NextSuggestion),
            ["previous-suggestion"] => Some(Command::PreviousSuggestion),
            ["next-overlapping"] => Some(Command::NextOverlapping),
            ["cycle-filter"] => Some(Command::CycleFilter),
            ["escape"] => Some(Command::Escape),
            ["undo"] => Some(Command::Undo),
            ["redo"] => Some(Command::Redo),
            ["help"] => Some(Command::Help),
            _ => None,
        };
        command.ok_or_else(|| KeymapError::Command(text.to_string()))
    }
}

/// One shortcut.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// The help overlay's section: `review`, `create`, `fix`, `navigate`, `history`,
    /// `help`.
    pub group: String,
    /// The keys.
    pub chord: Chord,
    /// What they ask for.
    pub command: Command,
    /// What they do, for the help overlay.
    pub description: String,
}

/// Why a keymap line could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum KeymapError {
    /// A line without its four fields.
    #[error("keymap line `{0}` needs four fields: group | chord | command | description")]
    Line(String),
    /// An unreadable chord.
    #[error(
        "`{0}` is not a key chord: write modifiers Ctrl, Alt, Shift joined by + before the key"
    )]
    Chord(String),
    /// An unknown command.
    #[error("`{0}` is not an editor command (see the list at the top of keymap.txt)")]
    Command(String),
    /// Two bindings for the same chord.
    #[error("the chord {0} is bound twice")]
    Duplicate(String),
}

/// A table of shortcuts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Keymap {
    /// Reads a keymap in the format of `data/editor/keymap.txt`.
    ///
    /// # Errors
    /// [`KeymapError`] naming the first bad line.
    pub fn parse(data: &str) -> Result<Keymap, KeymapError> {
        let mut bindings: Vec<Binding> = Vec::new();
        for fields in crate::data::fields(data) {
            let [group, chord, command, description] = fields.as_slice() else {
                return Err(KeymapError::Line(fields.join(" | ")));
            };
            let chord = Chord::parse(chord)?;
            if bindings.iter().any(|b| b.chord == chord) {
                return Err(KeymapError::Duplicate(chord.to_string()));
            }
            bindings.push(Binding {
                group: (*group).to_string(),
                chord,
                command: Command::parse(command)?,
                description: (*description).to_string(),
            });
        }
        Ok(Keymap { bindings })
    }

    /// The binding of a chord, if any.
    pub fn lookup(&self, chord: &Chord) -> Option<&Binding> {
        self.bindings.iter().find(|b| &b.chord == chord)
    }

    /// Every binding, in the file's order (grouped for the help overlay).
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The chords bound to a command (for tooltips: "Accept (Y)").
    pub fn chords_for(&self, command: Command) -> impl Iterator<Item = &Chord> {
        self.bindings
            .iter()
            .filter(move |b| b.command == command)
            .map(|b| &b.chord)
    }
}

/// The built-in keymap. A broken built-in line (caught by this module's tests) leaves
/// an empty keymap rather than a crash.
pub fn keymap() -> &'static Keymap {
    static MAP: OnceLock<Keymap> = OnceLock::new();
    MAP.get_or_init(|| {
        Keymap::parse(KEYMAP).unwrap_or(Keymap {
            bindings: Vec::new(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_keymap_reads_as_the_file() {
        let file = include_str!("../data/editor/keymap.txt");
        assert!(KEYMAP.len() < file.len());
        assert_eq!(Keymap::parse(KEYMAP).unwrap(), Keymap::parse(file).unwrap());
    }

    #[test]
    fn the_built_in_keymap_reads() {
        let parsed = Keymap::parse(KEYMAP).unwrap();
        assert_eq!(&parsed, keymap());
        assert!(parsed.bindings().len() >= 30);
        for b in parsed.bindings() {
            assert!(!b.description.is_empty(), "{:?}", b.chord);
        }
    }

    #[test]
    fn every_issue_shortcut_is_bound() {
        let map = keymap();
        let command = |key: &str, ctrl, alt, shift| {
            map.lookup(&Chord::from_event(key, ctrl, alt, shift, false))
                .map(|b| b.command)
        };
        assert_eq!(command("y", false, false, false), Some(Command::Accept));
        assert_eq!(command("n", false, false, false), Some(Command::Reject));
        assert_eq!(command("Y", false, false, true), Some(Command::AcceptAll));
        for (k, l) in [("a", Layer::Actor), ("d", Layer::Date), ("c", Layer::Claim)] {
            assert_eq!(
                command(k, false, true, false),
                Some(Command::AcceptLayer(l))
            );
            assert_eq!(command(k, false, true, true), Some(Command::RejectLayer(l)));
        }
        // Option+A on macOS types `å`: the physical key still finds the binding.
        assert_eq!(command("å", false, true, false), None);
        let by_code = Chord::from_code("KeyA", false, true, false, false).unwrap();
        assert_eq!(
            map.lookup(&by_code).map(|b| b.command),
            Some(Command::AcceptLayer(Layer::Actor))
        );
        assert_eq!(
            command("]", false, false, false),
            Some(Command::NextFragment)
        );
        assert_eq!(
            command("[", false, false, false),
            Some(Command::PreviousFragment)
        );
        assert_eq!(command("+", false, false, true), Some(Command::AddFragment));
        assert_eq!(
            command("-", false, false, false),
            Some(Command::RemoveFragment)
        );
        for (k, l) in [("a", Layer::Actor), ("d", Layer::Date), ("c", Layer::Claim)] {
            assert_eq!(command(k, false, false, false), Some(Command::Layer(l)));
        }
        for (k, l) in [("1", Layer::Actor), ("2", Layer::Date), ("3", Layer::Claim)] {
            assert_eq!(command(k, false, false, false), Some(Command::Layer(l)));
        }
        assert_eq!(command("Tab", false, false, false), Some(Command::Next));
        assert_eq!(command("Tab", false, false, true), Some(Command::Previous));
        assert_eq!(command("j", false, false, false), Some(Command::Next));
        assert_eq!(command("k", false, false, false), Some(Command::Previous));
        assert_eq!(
            command("ArrowRight", false, false, true),
            Some(Command::Move(Side::End, Step::Word, Direction::Forward))
        );
        assert_eq!(
            command("ArrowLeft", false, true, false),
            Some(Command::Move(Side::Start, Step::Word, Direction::Backward))
        );
        assert_eq!(
            command("ArrowLeft", true, false, true),
            Some(Command::Move(Side::End, Step::Char, Direction::Backward))
        );
        assert_eq!(
            command("Delete", false, false, false),
            Some(Command::Delete)
        );
        assert_eq!(command("z", true, false, false), Some(Command::Undo));
        assert_eq!(command("Z", true, false, true), Some(Command::Redo));
        assert_eq!(command("y", true, false, false), Some(Command::Redo));
        assert_eq!(command("?", false, false, true), Some(Command::Help));
        // Cmd+Z on macOS.
        let cmd_z = Chord::from_event("z", false, false, false, true);
        assert_eq!(map.lookup(&cmd_z).map(|b| b.command), Some(Command::Undo));
        assert_eq!(command("q", false, false, false), None);
        // A Russian layout types `н` on the Y key: the physical key still accepts.
        assert_eq!(command("н", false, false, false), None);
        let by_code = Chord::from_code("KeyY", false, false, false, false).unwrap();
        assert_eq!(
            map.lookup(&by_code).map(|b| b.command),
            Some(Command::Accept)
        );
        let digit = Chord::from_code("Digit2", false, false, false, false).unwrap();
        assert_eq!(
            map.lookup(&digit).map(|b| b.command),
            Some(Command::Layer(Layer::Date))
        );
        assert_eq!(
            Chord::from_code("Semicolon", false, false, false, false),
            None
        );
        assert_eq!(
            map.chords_for(Command::Redo)
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            ["Ctrl+Shift+Z", "Ctrl+Y"]
        );
    }

    #[test]
    fn chords_parse_and_print() {
        let c = Chord::parse("Ctrl+Alt+ArrowLeft").unwrap();
        assert_eq!(
            (c.ctrl, c.alt, c.shift, c.key.as_str()),
            (true, true, false, "ArrowLeft")
        );
        assert_eq!(c.to_string(), "Ctrl+Alt+←");
        assert_eq!(Chord::parse("Shift+Tab").unwrap().to_string(), "Shift+Tab");
        assert_eq!(Chord::parse("Ctrl++").unwrap().key, "+");
        assert_eq!(Chord::parse("+").unwrap().to_string(), "+");
        assert_eq!(
            Chord::from_event(" ", false, false, false, false).key,
            "Space"
        );
        assert!(Chord::parse("Hyper+x").is_err());
        assert!(Chord::parse("Ctrl+").is_err());
    }

    #[test]
    fn bad_keymaps_are_refused_with_the_line() {
        assert!(matches!(
            Keymap::parse("review | y | accept"),
            Err(KeymapError::Line(_))
        ));
        assert_eq!(
            Keymap::parse("x | y | fly | Fly"),
            Err(KeymapError::Command("fly".into()))
        );
        assert!(matches!(
            Keymap::parse("x | y | accept | A\nx | Y | reject | B"),
            Err(KeymapError::Duplicate(_))
        ));
        assert!(matches!(
            Keymap::parse("x | y | move end word sideways | A"),
            Err(KeymapError::Command(_))
        ));
    }
}
