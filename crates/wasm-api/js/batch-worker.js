// The batch worker (a module worker): annotates many documents off the page's main
// thread with the claimlens JavaScript API, which lives in the app's own wasm
// (claimlens-app-<hash>.js + _bg.wasm), so the engine is downloaded once.
//
//   const worker = new Worker('./batch-worker.js', { type: 'module' });
//
// Protocol version 2. Every message is a plain object (the browser copies it to the
// other thread as it is, so a 10 MB text is copied once, never escaped into JSON) and
// carries `protocol: 2`; a message of any other version is answered with a `failed`
// naming both versions, and nothing else.
//   page -> worker  {protocol:2, type:'batch', batch:B, documents:[{id, text, dct}...],
//                    reply:'document'|'annotations', engine:{glue:URL, wasm:URL}}
//                   (reply optional, 'document' by default; engine optional: without it
//                   the worker finds the app's files in the index.html next to it)
//                   {protocol:2, type:'cancel', batch:B}
//   worker -> page  {protocol:2, type:'ready', version:V}
//                   {protocol:2, type:'progress', batch:B, done:n, total:N, id:ID,
//                    document:JSON}        (reply 'document': the native document JSON)
//                    annotations:Uint8Array (reply 'annotations': hand-over bytes, see
//                                            claimlens_core::formats::handover; the
//                                            buffer is transferred, not copied)
//                   {protocol:2, type:'failed', batch:B|null, done:n, total:N, id:ID, message:M}
//                   {protocol:2, type:'finished', batch:B, done:n, total:N, cancelled:bool}
// 'annotations' is for the page that sent the text and keeps it: only what the engine
// added comes back, a few megabytes where the JSON of 10 MB of text is about 60.
// A new batch replaces the one running. Between two documents the worker yields to its
// event loop (through a MessageChannel, which is not throttled like setTimeout), so a
// cancel is seen after the document in hand.

const PROTOCOL = 2;

let engine = null;
let running = null;

const post = (message, transfer = []) => self.postMessage({ protocol: PROTOCOL, ...message }, transfer);

/** An attribute of an HTML tag, quoted or not (the release build minifies the page). */
const attribute = (tag, name) => {
  const m = tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`));
  return m && (m[1] ?? m[2] ?? m[3]);
};

/** The app's glue and wasm, as Trunk names them in the page's preload links. */
async function findEngine() {
  const page = await (await fetch(new URL('./', self.location.href))).text();
  const links = page.match(/<link\b[^>]*>/g) ?? [];
  const href = (rel, end) =>
    links.map((l) => attribute(l, 'rel') === rel && attribute(l, 'href')).find((h) => h && h.endsWith(end));
  const glue = href('modulepreload', '.js');
  const wasm = href('preload', '_bg.wasm');
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

async function annotateBatch(batch, documents, reply, urls) {
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
    const text = String(doc.text ?? '');
    const dct = String(doc.dct ?? '');
    try {
      if (reply === 'annotations') {
        const annotations = api.annotateForPage(id, text, dct);
        done += 1;
        post({ type: 'progress', batch, done, total, id, annotations }, [annotations.buffer]);
      } else {
        const document = api.annotateDocument(id, text, dct);
        done += 1;
        post({ type: 'progress', batch, done, total, id, document });
      }
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
  const message = event.data;
  if (message?.protocol !== PROTOCOL) {
    const version = typeof message === 'string' ? 1 : (message?.protocol ?? 'none');
    post({
      type: 'failed',
      batch: null,
      done: 0,
      total: 0,
      id: '',
      message: `this worker speaks protocol ${PROTOCOL}, the message protocol ${version}: send objects with protocol: ${PROTOCOL}`,
    });
    return;
  }
  if (message.type === 'batch' && Array.isArray(message.documents)) {
    if (running) running.cancelled = true;
    const reply = message.reply === 'annotations' ? 'annotations' : 'document';
    annotateBatch(message.batch, message.documents, reply, message.engine);
  } else if (message.type === 'cancel' && running && running.batch === message.batch) {
    running.cancelled = true;
  }
};
