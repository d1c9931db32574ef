//! A tiny IndexedDB wrapper: one database, one object store of document records keyed
//! by entry id, and four operations (read all, read one, checked write, checked
//! removal). Callbacks,
//! not futures, because the checked write must read the stored revision and put the
//! new record inside one read-write transaction, which a future's extra tick could
//! let expire.
//!
//! A record is stored as its JSON in UTF-8 bytes in a small object, `{rev, bytes}`:
//! handing the browser one byte array is a copy, while a record of a 10 MB article as
//! a JavaScript object graph took seconds to build (`JSON.parse`) and seconds more to
//! clone into the store, all in one task. The JSON is written before the transaction
//! opens, so the transaction's own task only stores. Records stored as objects by
//! earlier versions still read ([`record_json`]).

use std::cell::RefCell;
use std::rc::Rc;

use claimlens_core::store::{merge_check, WriteCheck};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    DomException, IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode,
};

const DB_NAME: &str = "claimlens";
const DB_VERSION: u32 = 1;
const RECORDS: &str = "records";

/// What a checked write did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteOutcome {
    /// Stored at this revision.
    Written(u64),
    /// Another tab wrote since this tab's base revision: nothing was written.
    Conflict(String),
    /// The browser refused the write (quota, private mode, …): nothing was written.
    Failed(String),
}

/// The value stored for a record: `{rev, bytes}` (the revision beside the JSON, so a
/// checked write reads it without reading the record).
fn stored_value(rev: u64, json: &[u8]) -> Result<JsValue, JsValue> {
    let value = js_sys::Object::new();
    js_sys::Reflect::set(&value, &"rev".into(), &JsValue::from(rev as f64))?;
    let bytes = js_sys::Uint8Array::from(json);
    js_sys::Reflect::set(&value, &"bytes".into(), &bytes)?;
    Ok(value.into())
}

/// The JSON text of a stored value: the `bytes` of `{rev, bytes}`, or the whole value
/// when an earlier version stored the record as an object.
pub fn record_json(value: &JsValue) -> Option<String> {
    let bytes = js_sys::Reflect::get(value, &"bytes".into())
        .ok()
        .and_then(|b| b.dyn_into::<js_sys::Uint8Array>().ok());
    match bytes {
        Some(bytes) => String::from_utf8(bytes.to_vec()).ok(),
        None => js_sys::JSON::stringify(value).ok()?.as_string(),
    }
}

/// The open database.
pub struct Store {
    db: IdbDatabase,
}

/// A callback that may be reached from several event handlers but runs once.
type Once<T> = Rc<RefCell<Option<Box<dyn FnOnce(T)>>>>;

fn once<T: 'static>(f: impl FnOnce(T) + 'static) -> Once<T> {
    Rc::new(RefCell::new(Some(Box::new(f))))
}

fn call<T>(f: &Once<T>, value: T) {
    let taken = f.borrow_mut().take();
    if let Some(f) = taken {
        f(value);
    }
}

/// Sets a one-shot event handler (the closure frees itself when called).
fn on(set: impl FnOnce(Option<&js_sys::Function>), handler: impl FnOnce() + 'static) {
    let js = Closure::once_into_js(handler);
    set(Some(js.unchecked_ref()));
}

/// A browser error in words: the DOMException's name and message when it is one.
pub fn describe(err: &JsValue) -> String {
    match err.dyn_ref::<DomException>() {
        Some(e) => format!("{}: {}", e.name(), e.message()),
        None => err.as_string().unwrap_or_else(|| format!("{err:?}")),
    }
}

/// Opens (creating or upgrading) the database.
pub fn open(done: impl FnOnce(Result<Store, String>) + 'static) {
    let done = once(done);
    let factory = web_sys::window()
        .ok_or_else(|| "no window".to_string())
        .and_then(|w| w.indexed_db().map_err(|e| describe(&e)))
        .and_then(|f| f.ok_or_else(|| "this browser has no IndexedDB".to_string()));
    let request = match factory.and_then(|f| {
        f.open_with_u32(DB_NAME, DB_VERSION)
            .map_err(|e| describe(&e))
    }) {
        Ok(r) => r,
        Err(e) => return call(&done, Err(e)),
    };
    let req = request.clone();
    on(
        |f| request.set_onupgradeneeded(f),
        move || {
            let Ok(db) = req.result() else { return };
            let db: IdbDatabase = db.unchecked_into();
            if !db.object_store_names().contains(RECORDS) {
                // Keys are given on each put (the entry id), not read from the value.
                let _ = db.create_object_store(RECORDS);
            }
        },
    );
    finish(&request, done, |db| Store {
        db: db.unchecked_into(),
    });
}

impl Store {
    fn records(
        &self,
        mode: IdbTransactionMode,
    ) -> Result<(web_sys::IdbTransaction, IdbObjectStore), String> {
        let tx = self
            .db
            .transaction_with_str_and_mode(RECORDS, mode)
            .map_err(|e| describe(&e))?;
        let store = tx.object_store(RECORDS).map_err(|e| describe(&e))?;
        Ok((tx, store))
    }

    /// Reads every stored value (each a record of some schema version).
    pub fn read_all(&self, done: impl FnOnce(Result<Vec<JsValue>, String>) + 'static) {
        let done = once(done);
        let request = match self
            .records(IdbTransactionMode::Readonly)
            .and_then(|(_, s)| s.get_all().map_err(|e| describe(&e)))
        {
            Ok(r) => r,
            Err(e) => return call(&done, Err(e)),
        };
        finish(&request, done, |v| {
            v.dyn_into::<js_sys::Array>()
                .map(|a| a.iter().collect())
                .unwrap_or_default()
        });
    }

    /// Reads the value stored under `key` (`None` when there is none).
    pub fn read(&self, key: &str, done: impl FnOnce(Result<Option<JsValue>, String>) + 'static) {
        let done = once(done);
        let request = match self
            .records(IdbTransactionMode::Readonly)
            .and_then(|(_, s)| s.get(&key.into()).map_err(|e| describe(&e)))
        {
            Ok(r) => r,
            Err(e) => return call(&done, Err(e)),
        };
        finish(&request, done, |v| (!v.is_undefined()).then_some(v));
    }

    /// Writes a record's JSON (`json`, written at revision `base + 1`) under `key` if
    /// the stored revision is still `base` ([`merge_check`]), reading and writing in
    /// one read-write transaction.
    pub fn write(
        &self,
        key: &str,
        json: &[u8],
        base: u64,
        done: impl FnOnce(WriteOutcome) + 'static,
    ) {
        // Copied out of the wasm memory before the transaction opens, so its own
        // task only stores.
        let value = stored_value(base.saturating_add(1), json);
        self.at_stored_rev(
            key,
            "write",
            done,
            move |stored_rev, step| match merge_check(stored_rev, base) {
                // A clean write is always the revision after the base: the one the
                // JSON was written at.
                WriteCheck::Write { next_rev } if next_rev == base.saturating_add(1) => {
                    let put = value.and_then(|v| step.store.put_with_key(&v, &step.key));
                    step.settle(put, next_rev);
                }
                conflict => step.refuse(conflict.message().unwrap_or_default()),
            },
        );
    }

    /// Removes the record under `key` if the stored revision is still `base` (a
    /// document deleted for good; another tab's newer version stays), reading and
    /// deleting in one read-write transaction. `Written(base)` when removed or absent.
    pub fn remove(&self, key: &str, base: u64, done: impl FnOnce(WriteOutcome) + 'static) {
        self.at_stored_rev(
            key,
            "removal",
            done,
            move |stored_rev, step| match stored_rev {
                None => call(&step.done, WriteOutcome::Written(base)),
                Some(s) if s == base => {
                    let deleted = step.store.delete(&step.key);
                    step.settle(deleted, base);
                }
                Some(s) => step.refuse(format!(
                    "it was changed in another tab (revision {s}) and stays stored"
                )),
            },
        );
    }

    /// Opens a read-write transaction, reads the revision stored under `key` (`None`
    /// when absent) and hands it to `then` inside the same transaction, so the check
    /// and the change cannot be split by another tab. An abort reports `Failed`
    /// ("the `what` was aborted").
    fn at_stored_rev(
        &self,
        key: &str,
        what: &'static str,
        done: impl FnOnce(WriteOutcome) + 'static,
        then: impl FnOnce(Option<u64>, Step) + 'static,
    ) {
        let done = once(done);
        let (tx, store) = match self.records(IdbTransactionMode::Readwrite) {
            Ok(t) => t,
            Err(e) => return call(&done, WriteOutcome::Failed(e)),
        };
        let key = JsValue::from_str(key);
        let get = match store.get(&key) {
            Ok(r) => r,
            Err(e) => return call(&done, WriteOutcome::Failed(describe(&e))),
        };
        let (tx2, d) = (tx.clone(), done.clone());
        on(
            |f| tx.set_onabort(f),
            move || {
                let why = tx2
                    .error()
                    .map_or_else(|| format!("the {what} was aborted"), |e| describe(&e));
                call(&d, WriteOutcome::Failed(why));
            },
        );
        let get2 = get.clone();
        on(
            |f| get.set_onsuccess(f),
            move || {
                let stored_rev = get2.result().ok().filter(|v| !v.is_undefined()).map(|v| {
                    js_sys::Reflect::get(&v, &"rev".into())
                        .ok()
                        .and_then(|r| r.as_f64())
                        .map_or(0, |r| r as u64)
                });
                then(
                    stored_rev,
                    Step {
                        tx,
                        store,
                        key,
                        done,
                    },
                );
            },
        );
    }
}

/// The open transaction of [`Store::at_stored_rev`], for the change that follows the check.
struct Step {
    tx: IdbTransaction,
    store: IdbObjectStore,
    key: JsValue,
    done: Once<WriteOutcome>,
}

impl Step {
    /// Reports `Written(rev)` once the transaction commits, or aborts it if the
    /// change request itself was refused.
    fn settle(self, request: Result<IdbRequest, JsValue>, rev: u64) {
        match request {
            Ok(_) => {
                let d = self.done.clone();
                on(
                    |f| self.tx.set_oncomplete(f),
                    move || call(&d, WriteOutcome::Written(rev)),
                );
            }
            Err(e) => {
                let _ = self.tx.abort();
                call(&self.done, WriteOutcome::Failed(describe(&e)));
            }
        }
    }

    /// Aborts the transaction: another tab changed the record since `base`.
    fn refuse(self, why: String) {
        let _ = self.tx.abort();
        call(&self.done, WriteOutcome::Conflict(why));
    }
}

/// Reports a request's result (mapped) or its error.
fn finish<T: 'static>(
    request: &IdbRequest,
    done: Once<Result<T, String>>,
    map: impl FnOnce(JsValue) -> T + 'static,
) {
    let (req, ok) = (request.clone(), done.clone());
    on(
        |f| request.set_onsuccess(f),
        move || match req.result() {
            Ok(v) => call(&ok, Ok(map(v))),
            Err(e) => call(&ok, Err(describe(&e))),
        },
    );
    let req = request.clone();
    on(
        |f| request.set_onerror(f),
        move || {
            let why = req
                .error()
                .ok()
                .flatten()
                .map_or_else(|| "unknown error".into(), |e| describe(&e));
            call(&done, Err(why));
        },
    );
}
