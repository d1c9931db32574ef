// The batch worker: annotates many documents off the page's main thread with the
// claimlens wasm API (claimlens-wasm-api.js, built by Trunk next to this file).
//
// Protocol (every message is a JSON string, so any page can speak it):
//   page -> worker  {"type":"batch","batch":B,"documents":[{"id","text","dct"}...]}
//                   {"type":"cancel","batch":B}
//   worker -> page  {"type":"ready","version":V}
//                   {"type":"progress","batch":B,"done":n,"total":N,"id":ID,"document":JSON}
//                   {"type":"failed","batch":B,"done":n,"total":N,"id":ID,"message":M}
//                   {"type":"finished","batch":B,"done":n,"total":N,"cancelled":bool}
// A new batch replaces the one running. Between two documents the worker yields to its
// event loop (through a MessageChannel, which is not throttled like setTimeout), so a
// cancel is seen after the document in hand.
importScripts('./claimlens-wasm-api.js');

const ready = wasm_bindgen({ module_or_path: './claimlens-wasm-api_bg.wasm' });
let running = null;

const post = (message) => self.postMessage(JSON.stringify(message));

const channel = new MessageChannel();
const waiting = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldToEvents = () =>
  new Promise((resume) => {
    waiting.push(resume);
    channel.port2.postMessage(null);
  });

async function annotateBatch(batch, documents) {
  const job = { batch, cancelled: false };
  running = job;
  await ready;
  const total = documents.length;
  let done = 0;
  for (const doc of documents) {
    if (job.cancelled || running !== job) break;
    const id = String(doc.id ?? '');
    try {
      const json = wasm_bindgen.annotateDocument(id, String(doc.text ?? ''), String(doc.dct ?? ''));
      done += 1;
      post({ type: 'progress', batch, done, total, id, document: json });
    } catch (e) {
      done += 1;
      post({ type: 'failed', batch, done, total, id, message: String(e?.message ?? e) });
    }
    await yieldToEvents();
  }
  if (running === job) running = null;
  post({ type: 'finished', batch, done, total, cancelled: done < total });
}

self.onmessage = (event) => {
  let message;
  try {
    message = typeof event.data === 'string' ? JSON.parse(event.data) : event.data;
  } catch {
    return;
  }
  if (message?.type === 'batch' && Array.isArray(message.documents)) {
    if (running) running.cancelled = true;
    annotateBatch(message.batch, message.documents);
  } else if (message?.type === 'cancel' && running && running.batch === message.batch) {
    running.cancelled = true;
  }
};

ready.then(
  () => post({ type: 'ready', version: wasm_bindgen.version() }),
  (e) => post({ type: 'failed', batch: null, done: 0, total: 0, id: '', message: String(e) }),
);
