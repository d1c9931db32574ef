// A small static file server for the built app (dist/), used by `make run` and by the
// end-to-end tests. Listens on localhost only; serves .wasm as application/wasm so
// the browser can compile it while it streams.
//
//   node scripts/serve.mjs [DIR] [--port N] [--host H] [--prefix /sub/] [--port-file F]
//
// --port 0 picks a free port; --port-file writes the chosen port there once listening.
// --prefix serves DIR under a sub-path (to check the app works from one).
import { createServer } from 'node:http';
import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Starts serving `root`; resolves to `{ server, url }` once listening. */
export function serve({ root = 'dist', port = 0, host = '127.0.0.1', prefix = '/' } = {}) {
  const base = resolve(root);
  const sub = prefix.endsWith('/') ? prefix : `${prefix}/`;
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(sub)) {
      res.writeHead(404).end('not found');
      return;
    }
    let file = resolve(base, `.${sep}${path.slice(sub.length)}`);
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const size = statSync(file).size;
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: chosen } = server.address();
      ok({ server, url: `http://${host}:${chosen}${sub}` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : fallback;
  };
  const port = Number(opt('--port', '8080'));
  const host = opt('--host', '127.0.0.1');
  const prefix = opt('--prefix', '/');
  const portFile = opt('--port-file', '');
  const root = args[0] ?? 'dist';
  const { url, server } = await serve({ root, port, host, prefix });
  if (portFile) writeFileSync(portFile, String(server.address().port));
  console.log(`claimlens: serving ${root} on ${url} (Ctrl+C stops)`);
}
