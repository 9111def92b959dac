/**
 * A small static server for a built site: `tsx scripts/test/serve.ts <dir> <port> [base]`,
 * or `serveSite(dir, port, base)` from another script (the Lighthouse run).
 * Used by the browser tests so two builds (the site and the fixture under a
 * sub-path) can be served at once; unknown URLs get the site's 404 page with
 * status 404, as on GitHub Pages.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import sirv from 'sirv';

/** Serve the built site in `dirArg` at http://127.0.0.1:<port><base>; resolves once it listens. */
export function serveSite(dirArg: string, port: number, base = '/'): Promise<Server> {
  const dir = resolve(dirArg);
  const serve = sirv(dir, { dev: true, etag: false, extensions: ['html'] });
  const notFound = (() => {
    try {
      return readFileSync(join(dir, '404.html'));
    } catch {
      return Buffer.from('Not found');
    }
  })();
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(base)) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(notFound);
      return;
    }
    req.url = `/${url.slice(base.length)}`;
    serve(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(notFound);
    });
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      console.log(`Serving ${dir} at http://127.0.0.1:${port}${base}`);
      done(server);
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [dirArg = 'dist', portArg = '4329', base = '/'] = process.argv.slice(2);
  await serveSite(dirArg, Number(portArg), base);
}
