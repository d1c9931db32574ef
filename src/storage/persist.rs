//! Keeping the workspace in IndexedDB: the one place that decides *when* to write.
//!
//! - Every change schedules a flush within [`FLUSH_AFTER_MS`]; `pagehide` and a
//!   hidden page flush at once, so an edit is durable within a second and before the
//!   page goes away.
//! - A flush writes each entry (live or trashed) that differs from what this tab last
//!   stored, as a `store::Record` with its revision checked in the write transaction.
//! - After a write, a `BroadcastChannel` message tells other tabs; a tab with no
//!   unsaved change to that document reloads it, one with changes gets a conflict at
//!   its next write instead of overwriting.
//! - IndexedDB may not finish a write started while the page unloads, so leaving also
//!   stashes the unwritten records in `localStorage` (synchronous), each with the
//!   write of it still under way, if any; the next start takes them when
//!   `store::stash_applies` (storage holds their base, or exactly that write).
//! - A failed write keeps everything in memory and reports it; the next change, or
//!   a retry after [`RETRY_AFTER_MS`], tries again.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::{Rc, Weak};
use std::sync::Arc;

use claimlens_core::cleanup::Removal;
use claimlens_core::edit::History;
use claimlens_core::library::Entry;
use claimlens_core::store::{self, Pending, Record, RecordJson, Stashed};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::BroadcastChannel;
use yew::Callback;

use super::idb::{self, record_json, Store, WriteOutcome};
use crate::workspace::{WorkspaceAction, WorkspaceState};

/// The longest a change waits before it is written.
pub const FLUSH_AFTER_MS: i32 = 300;
/// The most records one flush writes: a batch or an import changes hundreds of
/// documents at once, and each write serialises its document on the main thread, so
/// they go a few at a time (the next flush follows each round of writes). A page
/// going away stashes everything at once.
pub const WRITES_PER_FLUSH: usize = 16;
/// How long after a failed write the unwritten changes are tried again.
pub const RETRY_AFTER_MS: i32 = 5_000;
const CHANNEL: &str = "claimlens-records";
/// The `localStorage` key of records stashed on leaving (`rev` = their base revision).
const STASH: &str = "claimlens-unwritten";

/// What this tab knows is stored for one entry.
#[derive(Clone)]
struct Saved {
    rev: u64,
    entry: Arc<Entry>,
    cleanup: Vec<Removal>,
    history: Option<Rc<History>>,
}

impl Saved {
    fn holds(
        &self,
        entry: &Arc<Entry>,
        cleanup: &[Removal],
        history: Option<&Rc<History>>,
    ) -> bool {
        let same_history = match (&self.history, history) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b) || a == b,
            (None, None) => true,
            _ => false,
        };
        // Unchanged entries are shared with the library: no text comparison.
        let same_entry = Arc::ptr_eq(&self.entry, entry) || self.entry == *entry;
        same_entry && self.cleanup == cleanup && same_history
    }
}

/// The persistence state of this tab (held in a `use_mut_ref`).
pub struct Persister {
    store: Option<Rc<Store>>,
    saved: HashMap<String, Saved>,
    /// The writes under way, by id: the revision each stores and what it stores.
    in_flight: HashMap<String, (u64, Saved)>,
    conflicted: HashSet<String>,
    latest: Option<Rc<WorkspaceState>>,
    timer: Option<i32>,
    channel: Option<BroadcastChannel>,
    dispatch: Callback<WorkspaceAction>,
    failing: bool,
    /// A retry after a failed write, scheduled.
    retry: Option<i32>,
}

/// The shared handle the callbacks hold.
pub type PersisterRef = Rc<RefCell<Persister>>;

impl Persister {
    /// Opens the database, loads every stored record into the workspace, and starts
    /// listening to other tabs and to the page going away.
    pub fn start(dispatch: Callback<WorkspaceAction>) -> PersisterRef {
        let this = Rc::new(RefCell::new(Persister {
            store: None,
            saved: HashMap::new(),
            in_flight: HashMap::new(),
            conflicted: HashSet::new(),
            latest: None,
            timer: None,
            channel: None,
            dispatch: dispatch.clone(),
            failing: false,
            retry: None,
        }));
        let weak = Rc::downgrade(&this);
        idb::open(move |opened| match opened {
            Ok(store) => {
                let store = Rc::new(store);
                if let Some(this) = weak.upgrade() {
                    this.borrow_mut().store = Some(store.clone());
                }
                let weak = weak.clone();
                store.read_all(move |values| loaded(&weak, values));
            }
            Err(why) => {
                dispatch.emit(WorkspaceAction::Loaded {
                    entries: vec![],
                    cleanups: vec![],
                    histories: vec![],
                    problems: vec![],
                });
                dispatch.emit(WorkspaceAction::WriteFailed(Some(failure_message(&why))));
            }
        });
        listen_to_other_tabs(&this);
        flush_when_leaving(&this);
        super::usage::ask(this.borrow().dispatch.clone());
        this
    }

    /// Takes the newest state and schedules a flush.
    pub fn changed(this: &PersisterRef, state: Rc<WorkspaceState>) {
        this.borrow_mut().latest = Some(state);
        schedule(this, FLUSH_AFTER_MS);
    }

    /// Takes the stored version of a conflicting document (dropping this tab's).
    pub fn reload(this: &PersisterRef, id: &str) {
        let Some(store) = this.borrow().store.clone() else {
            return;
        };
        let weak = Rc::downgrade(this);
        let id = id.to_string();
        store.read(&id.clone(), move |value| {
            let Some(this) = weak.upgrade() else { return };
            let Ok(Some(value)) = value else { return };
            let Some(saved) = read_record(&value) else {
                return;
            };
            let entry = (*saved.entry).clone();
            let dispatch = {
                let mut p = this.borrow_mut();
                p.conflicted.remove(&id);
                p.saved.insert(id.clone(), saved);
                p.dispatch.clone()
            };
            dispatch.emit(WorkspaceAction::Replace(entry));
        });
    }
}

/// Flushes after `delay_ms` unless a flush is already scheduled.
fn schedule(this: &PersisterRef, delay_ms: i32) {
    if this.borrow().timer.is_some() {
        return;
    }
    let weak = Rc::downgrade(this);
    let timer = after(delay_ms, move || {
        if let Some(this) = weak.upgrade() {
            this.borrow_mut().timer = None;
            flush_with(&this, true);
        }
    });
    this.borrow_mut().timer = timer;
}

/// Schedules a flush [`RETRY_AFTER_MS`] from now, unless one is pending: a change
/// flushes sooner, but a failure with no change after it must not stay unwritten.
fn retry_later(this: &PersisterRef) {
    if this.borrow().retry.is_some() {
        return;
    }
    let weak = Rc::downgrade(this);
    let timer = after(RETRY_AFTER_MS, move || {
        if let Some(this) = weak.upgrade() {
            this.borrow_mut().retry = None;
            schedule(&this, 0);
        }
    });
    this.borrow_mut().retry = timer;
}

/// Runs `f` once after `delay_ms`; the timer's id.
fn after(delay_ms: i32, f: impl FnOnce() + 'static) -> Option<i32> {
    let tick = Closure::once_into_js(f);
    web_sys::window().and_then(|w| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(tick.unchecked_ref(), delay_ms)
            .ok()
    })
}

/// The message shown when the browser refuses to store.
fn failure_message(why: &str) -> String {
    format!(
        "Saving failed ({why}). The browser's storage is full or switched off (a private \
         window, for instance). Your work is kept in this tab: export it before closing."
    )
}

fn read_record(value: &JsValue) -> Option<Saved> {
    let json = record_json(value)?;
    saved(store::load(&json).ok()?).ok()
}

/// A stored record's parts; a history that no longer reads is dropped (the document
/// matters more than its undo steps).
fn saved(record: Record) -> Result<Saved, store::StoreError> {
    let rev = record.rev;
    let (entry, history, cleanup) = record.into_parts()?;
    // Read from the value's text: History's reader then is the one compiled for text
    // (serde_json compiles it once more for each input type it is read from).
    let history = history
        .and_then(|h| serde_json::from_str::<History>(&h.to_string()).ok())
        .map(Rc::new);
    Ok(Saved {
        rev,
        entry: Arc::new(entry),
        cleanup,
        history,
    })
}

fn loaded(weak: &Weak<RefCell<Persister>>, values: Result<Vec<JsValue>, String>) {
    let Some(this) = weak.upgrade() else { return };
    let mut stash = take_stash();
    // The stashed records that may replace what is stored (decided against it).
    let mut taken = Vec::new();
    let mut entries = Vec::new();
    let mut cleanups = Vec::new();
    let mut histories = Vec::new();
    let mut problems = Vec::new();
    match values {
        Ok(values) => {
            let mut p = this.borrow_mut();
            for value in &values {
                let json = record_json(value).unwrap_or_default();
                let record = store::load(&json);
                if let Ok(record) = &record {
                    if let Some(stashed) = stash.remove(record.key()) {
                        if store::stash_applies(Some(record), &stashed) {
                            taken.push(stashed.record);
                        }
                    }
                }
                match record.and_then(saved) {
                    Ok(saved) => {
                        let id = saved.entry.id().to_string();
                        if !saved.cleanup.is_empty() {
                            cleanups.push((id.clone(), saved.cleanup.clone()));
                        }
                        if let Some(h) = &saved.history {
                            histories.push((id.clone(), (**h).clone()));
                        }
                        entries.push((*saved.entry).clone());
                        p.saved.insert(id, saved);
                    }
                    Err(e) => problems.push(format!("A stored document could not be read: {e}")),
                }
            }
        }
        Err(why) => problems.push(format!("Stored documents could not be read: {why}")),
    }
    // Stashed records with nothing stored: new documents never written.
    taken.extend(
        stash
            .into_values()
            .filter(|s| store::stash_applies(None, s))
            .map(|s| s.record),
    );
    for record in taken {
        let Ok(stashed) = saved(record) else {
            continue;
        };
        // The entry replaces the stored one; the first flush writes it over the
        // stored revision (kept in `p.saved`).
        let id = stashed.entry.id().to_string();
        entries.retain(|e| e.id() != id);
        entries.push(Arc::unwrap_or_clone(stashed.entry));
        cleanups.retain(|(c, _)| *c != id);
        if !stashed.cleanup.is_empty() {
            cleanups.push((id.clone(), stashed.cleanup));
        }
        histories.retain(|(h, _)| *h != id);
        if let Some(h) = stashed.history {
            histories.push((id, (*h).clone()));
        }
    }
    let dispatch = this.borrow().dispatch.clone();
    dispatch.emit(WorkspaceAction::Loaded {
        entries,
        cleanups,
        histories,
        problems,
    });
}

/// The records the last visit stashed on leaving, by id (and removes them).
fn take_stash() -> HashMap<String, Stashed> {
    let Some(local) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return HashMap::new();
    };
    let Ok(Some(json)) = local.get_item(STASH) else {
        return HashMap::new();
    };
    let _ = local.remove_item(STASH);
    store::read_stash(&json)
        .into_iter()
        .map(|s| (s.record.key().to_string(), s))
        .collect()
}

/// Every entry that differs from what this tab last stored: its base revision and
/// what a write of it stores (`rev` = the base, until written).
/// With `fresh_only`, only entries no write is under way for, and at most
/// [`WRITES_PER_FLUSH`] of them.
fn unwritten(p: &Persister, state: &WorkspaceState, fresh_only: bool) -> Vec<(u64, Saved)> {
    let lib = &state.library;
    lib.entries()
        .iter()
        .chain(lib.trash())
        .filter(|entry| !p.conflicted.contains(entry.id()))
        .filter(|entry| !fresh_only || !p.in_flight.contains_key(entry.id()))
        .filter_map(|entry| {
            let cleanup = cleanup_of(&state.cleanups, entry.id());
            let history = state.histories.get(entry.id());
            let base = match p.saved.get(entry.id()) {
                Some(s) if s.holds(entry, &cleanup, history) => return None,
                Some(s) => s.rev,
                None => 0,
            };
            let saved = Saved {
                rev: base,
                entry: entry.clone(),
                cleanup,
                history: history.cloned(),
            };
            Some((base, saved))
        })
        .take(if fresh_only {
            WRITES_PER_FLUSH
        } else {
            usize::MAX
        })
        .collect()
}

/// The stored form of `saved`'s history.
fn history_value(saved: &Saved) -> Option<serde_json::Value> {
    saved
        .history
        .as_ref()
        .and_then(|h| serde_json::to_value(&**h).ok())
}

/// The record a write stores for `saved` (its `rev` left to the write).
fn record_of(saved: &Saved) -> Record {
    let mut record = Record::new(&saved.entry, history_value(saved), saved.rev);
    record.cleanup = saved.cleanup.clone();
    record
}

/// Bytes of a record's JSON written per task: a few tens of milliseconds.
const PIECE: usize = 4 << 20;

/// Writes `json` a piece per task, then hands its bytes to `done`; at once when
/// `in_tasks` is false (a page going away may have no later task).
fn in_pieces(mut json: RecordJson, in_tasks: bool, done: impl FnOnce(Vec<u8>) + 'static) {
    if !in_tasks || json.write(PIECE) {
        return done(json.into_bytes());
    }
    // Should no timer be set, the rest is written here after all.
    let once = Rc::new(RefCell::new(Some((json, done))));
    let later = once.clone();
    let queued = after(0, move || {
        if let Some((json, done)) = later.borrow_mut().take() {
            in_pieces(json, true, done);
        }
    });
    if queued.is_none() {
        if let Some((json, done)) = once.borrow_mut().take() {
            done(json.into_bytes());
        }
    }
}

/// Stashes the unwritten records synchronously, for a page that is going away.
fn stash(this: &PersisterRef) {
    let p = this.borrow();
    let Some(state) = p.latest.clone() else {
        return;
    };
    if !state.loaded {
        return;
    }
    let records: Vec<Stashed> = unwritten(&p, &state, false)
        .into_iter()
        .map(|(_, saved)| record_of(&saved))
        .map(|record| Stashed {
            pending: p
                .in_flight
                .get(record.key())
                .map(|(rev, saved)| Pending::of(&record_of(saved), *rev)),
            record,
        })
        .collect();
    let local = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    if let (false, Some(local), Ok(json)) =
        (records.is_empty(), local, serde_json::to_string(&records))
    {
        // Best effort: when even this is full, the IndexedDB flush is all there is.
        let _ = local.set_item(STASH, &json);
    }
}

/// Writes every entry that differs from what this tab last stored.
pub fn flush(this: &PersisterRef) {
    flush_with(this, false);
}

/// [`flush`]; with `in_tasks`, each record's JSON is written a piece per task
/// ([`RecordJson`]), after the task that found what to write: a 10 MB document's
/// record is about 60 MB of JSON, and key presses are handled between the pieces.
/// A page going away flushes at once instead, as it may have no later task.
fn flush_with(this: &PersisterRef, in_tasks: bool) {
    let (store, writes) = {
        let mut p = this.borrow_mut();
        let (Some(store), Some(state)) = (p.store.clone(), p.latest.clone()) else {
            return;
        };
        if !state.loaded {
            return;
        }
        let writes: Vec<(u64, Saved)> = unwritten(&p, &state, true);
        for (base, saved) in &writes {
            let rev = base.saturating_add(1);
            p.in_flight
                .insert(saved.entry.id().to_string(), (rev, saved.clone()));
        }
        (store, writes)
    };
    // Documents deleted for good: their records go too.
    let gone: Vec<(String, u64)> = {
        let p = this.borrow();
        match p.latest.clone() {
            Some(state) => {
                let lib = &state.library;
                let held: HashSet<&str> = lib
                    .entries()
                    .iter()
                    .chain(lib.trash())
                    .map(|e| e.id())
                    .collect();
                p.saved
                    .iter()
                    .filter(|(id, _)| !p.in_flight.contains_key(*id) && !held.contains(id.as_str()))
                    .map(|(id, s)| (id.clone(), s.rev))
                    .collect()
            }
            None => Vec::new(),
        }
    };
    for (id, base) in gone {
        let Some(saved) = this.borrow().saved.get(&id).cloned() else {
            continue;
        };
        this.borrow_mut()
            .in_flight
            .insert(id.clone(), (base, saved));
        let weak = Rc::downgrade(this);
        store.remove(&id.clone(), base, move |outcome| {
            let Some(this) = weak.upgrade() else { return };
            let mut p = this.borrow_mut();
            p.in_flight.remove(&id);
            // Removed, or kept because another tab changed it: either way this tab
            // no longer has it.
            if !matches!(outcome, WriteOutcome::Failed(_)) {
                p.saved.remove(&id);
            }
        });
    }
    for (base, saved) in writes {
        let weak = Rc::downgrade(this);
        let store = store.clone();
        let key = saved.entry.id().to_string();
        let json = RecordJson::new(
            saved.entry.clone(),
            history_value(&saved).as_ref(),
            &saved.cleanup,
            base.saturating_add(1),
        );
        let json = match json {
            Ok(json) => json,
            Err(e) => {
                written(this, saved, WriteOutcome::Failed(e.to_string()));
                continue;
            }
        };
        in_pieces(json, in_tasks, move |bytes| {
            store.write(&key, &bytes, base, move |outcome| {
                if let Some(this) = weak.upgrade() {
                    written(&this, saved, outcome);
                }
            });
        });
    }
}

fn cleanup_of(cleanups: &BTreeMap<String, Vec<Removal>>, id: &str) -> Vec<Removal> {
    cleanups.get(id).cloned().unwrap_or_default()
}

fn written(this: &PersisterRef, mut saved: Saved, outcome: WriteOutcome) {
    let id = saved.entry.id().to_string();
    let (dispatch, action, failing) = {
        let mut p = this.borrow_mut();
        p.in_flight.remove(&id);
        let action = match outcome {
            WriteOutcome::Written(rev) => {
                if let Some(c) = &p.channel {
                    let msg = js_sys::Object::new();
                    let _ = js_sys::Reflect::set(&msg, &"id".into(), &JsValue::from_str(&id));
                    let _ = js_sys::Reflect::set(&msg, &"rev".into(), &JsValue::from(rev as f64));
                    let _ = c.post_message(&msg);
                }
                saved.rev = rev;
                p.saved.insert(id.clone(), saved);
                let was_failing = std::mem::replace(&mut p.failing, false);
                was_failing.then_some(WorkspaceAction::WriteFailed(None))
            }
            WriteOutcome::Conflict(message) => {
                p.conflicted.insert(id.clone());
                Some(WorkspaceAction::Conflict {
                    id: id.clone(),
                    message: format!(
                        "“{}”: {message}.",
                        p.latest
                            .as_ref()
                            .and_then(|s| s.library.get(&id))
                            .map_or(id.as_str(), |e| e.title())
                    ),
                })
            }
            WriteOutcome::Failed(why) => {
                p.failing = true;
                Some(WorkspaceAction::WriteFailed(Some(failure_message(&why))))
            }
        };
        (p.dispatch.clone(), action, p.failing)
    };
    if let Some(action) = action {
        dispatch.emit(action);
    }
    // A change made while the write was under way still needs writing; after a
    // failure, try again a little later even if nothing changes meanwhile.
    if failing {
        retry_later(this);
    } else {
        schedule(this, FLUSH_AFTER_MS);
    }
    // Once per round of writes: each report re-renders the workspace.
    if this.borrow().in_flight.is_empty() {
        super::usage::ask(dispatch);
    }
}

fn listen_to_other_tabs(this: &PersisterRef) {
    let Ok(channel) = BroadcastChannel::new(CHANNEL) else {
        return;
    };
    let weak = Rc::downgrade(this);
    let onmessage =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let Some(this) = weak.upgrade() else { return };
            let data = e.data();
            let id = js_sys::Reflect::get(&data, &"id".into())
                .ok()
                .and_then(|v| v.as_string());
            let rev = js_sys::Reflect::get(&data, &"rev".into())
                .ok()
                .and_then(|v| v.as_f64())
                .map_or(0, |r| r as u64);
            let Some(id) = id else { return };
            let unchanged_here = {
                let p = this.borrow();
                let current = p.latest.as_ref().and_then(|s| {
                    let lib = &s.library;
                    lib.entries()
                        .iter()
                        .chain(lib.trash())
                        .find(|e| e.id() == id)
                        .cloned()
                });
                match p.saved.get(&id) {
                    Some(s) => s.rev < rev && current.is_none_or(|c| c == s.entry),
                    None => current.is_none(),
                }
            };
            if unchanged_here {
                Persister::reload(&this, &id);
            }
        });
    channel.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // Lives as long as the page.
    onmessage.forget();
    this.borrow_mut().channel = Some(channel);
}

fn flush_when_leaving(this: &PersisterRef) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let weak = Rc::downgrade(this);
    let leave = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        let hidden = e.type_() == "pagehide"
            || web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
        if let (true, Some(this)) = (hidden, weak.upgrade()) {
            stash(&this);
            flush(&this);
        }
    });
    let _ = window.add_event_listener_with_callback("pagehide", leave.as_ref().unchecked_ref());
    if let Some(doc) = window.document() {
        let _ = doc
            .add_event_listener_with_callback("visibilitychange", leave.as_ref().unchecked_ref());
    }
    // Lives as long as the page.
    leave.forget();
}
