// The batch worker (a module worker): annotates many documents off the page's main
// thread with the claimlens JavaScript API, which lives in the app's own wasm
// (claimlens-app-<hash>.js + _bg.wasm), so the engine is downloaded once.
//
//   const worker = new Worker('./batch-worker.js', { type: 'module' });
//
// Protocol (every message is a JSON string, so any page can speak it):
//   page -> worker  {"type":"batch","batch":B,"documents":[{"id","text","dct"}...],
//                    "engine":{"glue":URL,"wasm":URL}}   (engine optional: without it the
//                    worker finds the app's files in the index.html next to it)
//                   {"type":"cancel","batch":B}
//   worker -> page  {"type":"ready","version":V}
//                   {"type":"progress","batch":B,"done":n,"total":N,"id":ID,"document":JSON}
//                   {"type":"failed","batch":B,"done":n,"total":N,"id":ID,"message":M}
//                   {"type":"finished","batch":B,"done":n,"total":N,"cancelled":bool}
// A new batch replaces the one running. Between two documents the worker yields to its
// event loop (through a MessageChannel, which is not throttled like setTimeout), so a
// cancel is seen after the document in hand.

let engine = null;
let running = null;

const post = (message) => self.postMessage(JSON.stringify(message));

/** The app's glue and wasm, as Trunk names them in the page's preload links. */
async function findEngine() {
  const page = await (await fetch(new URL('./', self.location.href))).text();
  const glue = page.match(/<link rel="modulepreload" href="([^"]+\.js)"/)?.[1];
  const wasm = page.match(/<link rel="preload" href="([^"]+_bg\.wasm)"/)?.[1];
  if (!glue || !wasm) throw new Error('the app files were not found in index.html');
  return { glue, wasm };
}

/** Loads the API once; the app's start function renders nothing in a worker. */
function load(urls) {
  engine ??= (async () => {
    const { glue, wasm } = urls ?? (await findEngine());
    const base = self.location.href;
    const api = await import(new URL(glue, base).href);
    await api.default({ module_or_path: new URL(wasm, base).href });
    post({ type: 'ready', version: api.version() });
    return api;
  })();
  return engine;
}

const channel = new MessageChannel();
const waiting = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldToEvents = () =>
  new Promise((resume) => {
    waiting.push(resume);
    channel.port2.postMessage(null);
  });

async function annotateBatch(batch, documents, urls) {
  const job = { batch, cancelled: false };
  running = job;
  const total = documents.length;
  let api;
  try {
    api = await load(urls);
  } catch (e) {
    engine = null;
    post({ type: 'failed', batch: null, done: 0, total, id: '', message: String(e?.message ?? e) });
    post({ type: 'finished', batch, done: 0, total, cancelled: true });
    return;
  }
  let done = 0;
  for (const doc of documents) {
    if (job.cancelled || running !== job) break;
    const id = String(doc.id ?? '');
    try {
      const json = api.annotateDocument(id, String(doc.text ?? ''), String(doc.dct ?? ''));
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
    annotateBatch(message.batch, message.documents, message.engine);
  } else if (message?.type === 'cancel' && running && running.batch === message.batch) {
    running.cancelled = true;
  }
};
