/**
 * A small static server for a built site: `tsx scripts/test/serve.ts <dir> <port> [base]`.
 * Used by the browser tests so two builds (the site and the fixture under a
 * sub-path) can be served at once; unknown URLs get the site's 404 page with
 * status 404, as on GitHub Pages.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import sirv from 'sirv';

const [dirArg = 'dist', portArg = '4329', base = '/'] = process.argv.slice(2);
const dir = resolve(dirArg);
const serve = sirv(dir, { dev: true, etag: false, extensions: ['html'] });
const notFound = (() => {
  try {
    return readFileSync(join(dir, '404.html'));
  } catch {
    return Buffer.from('Not found');
  }
})();

createServer((req, res) => {
  const url = req.url ?? '/';
  if (!url.startsWith(base)) {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(notFound);
    return;
  }
  req.url = `/${url.slice(base.length)}`;
  serve(req, res, () => {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(notFound);
  });
}).listen(Number(portArg), '127.0.0.1', () => console.log(`Serving ${dir} at http://127.0.0.1:${portArg}${base}`));
