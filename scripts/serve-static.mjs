// A minimal static file server for the built notebook site (and anything
// like it): 127.0.0.1 only, a free port unless one is given, `application/wasm`
// for .wasm, clean URLs (`/page` → `page.html`, `/dir/` → `dir/index.html`),
// no caching headers beyond what a plain server sends, nothing outside the folder.
//
//   node scripts/serve-static.mjs [DIR=notebooks/dist] [--port N] [--host 127.0.0.1]
//
// From code: `const { url, close } = await serveStatic(dir)`.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.fdl': 'text/plain; charset=utf-8',
  '.parquet': 'application/vnd.apache.parquet',
  '.arrow': 'application/vnd.apache.arrow.file',
  '.onnx': 'application/octet-stream',
};

function isFile(p) {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The file a URL path names under `root`, with clean URLs; undefined if none (or outside root). */
export function resolveRequest(root, urlPath) {
  let p;
  try {
    p = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return undefined;
  }
  const abs = normalize(join(root, p));
  if (abs !== root && !abs.startsWith(root + sep)) return undefined;
  const candidates = p.endsWith('/') ? [join(abs, 'index.html')] : [abs, abs + '.html', join(abs, 'index.html')];
  return candidates.find(isFile);
}

/** Serves `dir`; resolves once listening. */
export function serveStatic(dir, { port = 0, host = '127.0.0.1', log = false } = {}) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const file = req.method === 'GET' || req.method === 'HEAD' ? resolveRequest(root, req.url ?? '/') : undefined;
    if (log) console.error(`${req.method} ${req.url} ${file ? 200 : 404}`);
    if (!file) {
      res.writeHead(req.method === 'GET' || req.method === 'HEAD' ? 404 : 405, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
      return;
    }
    const size = statSync(file).size;
    res.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'content-length': size });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: p } = server.address();
      ok({
        url: `http://${host}:${p}/`,
        port: p,
        close: () => new Promise((done) => {
          server.closeAllConnections?.();
          server.close(() => done());
        }),
      });
    });
  });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'))) {
  const args = process.argv.slice(2);
  const opt = (k) => {
    const i = args.indexOf(k);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const port = Number(opt('--port') ?? 0);
  const host = opt('--host') ?? '127.0.0.1';
  const dir = args[0] ?? new URL('../notebooks/dist', import.meta.url).pathname;
  const { url } = await serveStatic(dir, { port, host, log: !!process.env.SERVE_LOG });
  console.log(`serving ${resolve(dir)} at ${url}`);
}
