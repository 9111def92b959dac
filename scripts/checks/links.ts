/**
 * `npm run check:links`: checks, offline, that every internal link of a build
 * resolves: <a>/<area>/<link> href, <img>/<script>/<source>/<iframe> src,
 * srcset, <form action>, SVG <use>/<image> href, redirect pages' targets
 * (<meta http-equiv="refresh">), same-site og:image/og:url/twitter:image, and
 * every #fragment, on the same page or another (/companies/x/#note-1), to an
 * element with that id. Links must stay under the base path.
 *
 *   tsx scripts/checks/links.ts                     $WIKI_OUT_DIR or dist/, base /
 *   tsx scripts/checks/links.ts --fixture           also the fixture build ($FIXTURE_OUT or .cache/fixture-dist, base /wiki/)
 *   tsx scripts/checks/links.ts --dir D --base /x/  any build
 *
 * Links to other sites are not fetched. Prints `page:line:col kind url: problem`
 * for every broken link and exits 1 when there is any.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeEntities } from '../../src/lib/isomorphic/text';

export type LinkKind = 'href' | 'src' | 'srcset' | 'action' | 'refresh' | 'meta';

export interface FoundLink {
  /** Element name, e.g. "a", "link", "img". */
  tag: string;
  kind: LinkKind;
  url: string;
  /** Offset of the element in the HTML, for line and column. */
  offset: number;
}

export { decodeEntities };

const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The attributes of a start tag's attribute text, names lower-cased, values decoded. */
export function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const m of text.matchAll(ATTRIBUTE)) {
    const name = m[1]!.toLowerCase();
    if (!attributes.has(name)) attributes.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attributes;
}

/**
 * Comments, raw-text elements (their content is skipped, their start tag kept)
 * and start tags, with quoted attribute values that may contain ">".
 */
const TOKEN =
  /<!--[\s\S]*?-->|<(script|style|textarea|title)\b((?:[^>"']|"[^"]*"|'[^']*')*)>[\s\S]*?<\/\1\s*>|<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;

/** Every start tag of a document (not inside comments or script/style text), with its attributes. */
export function startTags(html: string): { tag: string; attributes: Map<string, string>; offset: number }[] {
  const tags = [];
  for (const m of html.matchAll(TOKEN)) {
    const tag = (m[1] ?? m[3])?.toLowerCase();
    if (!tag) continue;
    // A self-closing slash, not the end of an unquoted value (<a href=/x/>).
    tags.push({ tag, attributes: parseAttributes((m[2] ?? m[4] ?? '').replace(/(^|\s|["'])\/$/, '$1')), offset: m.index });
  }
  return tags;
}

/** The URLs of a srcset attribute ("a.png 1x, b.png 2x"), as the HTML spec splits it (URLs may contain commas). */
export function parseSrcset(value: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value[i]!)) i += 1;
    if (i >= value.length) break;
    const start = i;
    while (i < value.length && !/\s/.test(value[i]!)) i += 1;
    const url = value.slice(start, i);
    if (url.endsWith(',')) {
      // A URL directly followed by a comma has no descriptors.
      urls.push(url.replace(/,+$/, ''));
      continue;
    }
    urls.push(url);
    // Skip the descriptors, up to the comma that ends this candidate.
    let depth = 0;
    for (; i < value.length; i += 1) {
      const c = value[i];
      if (c === '(') depth += 1;
      else if (c === ')') depth -= 1;
      else if (c === ',' && depth <= 0) break;
    }
  }
  return urls;
}

/** The target of a refresh <meta>'s content, "0; url=/x/" → "/x/". */
export function refreshTarget(content: string): string | undefined {
  const m = /^\s*\d*(?:\.\d*)?\s*[;,]\s*(?:url\s*=\s*)?(.*)$/i.exec(content);
  const target = m?.[1]?.trim().replace(/^(['"])(.*)\1$/, '$2');
  return target || undefined;
}

const SRC_TAGS = new Set(['img', 'script', 'source', 'iframe', 'embed', 'audio', 'video', 'track', 'input']);
const HREF_TAGS = new Set(['a', 'area', 'link', 'use', 'image']);
const URL_METAS = new Set(['og:image', 'og:image:url', 'og:image:secure_url', 'og:url', 'twitter:image']);

/** Every link of a document that a browser would follow or load. */
export function extractLinks(html: string): FoundLink[] {
  const links: FoundLink[] = [];
  for (const { tag, attributes: a, offset } of startTags(html)) {
    const add = (kind: LinkKind, url: string | undefined) => {
      if (url !== undefined) links.push({ tag, kind, url: url.trim(), offset });
    };
    if (HREF_TAGS.has(tag)) add('href', a.get('href') ?? a.get('xlink:href'));
    if (SRC_TAGS.has(tag)) add('src', a.get('src'));
    if ((tag === 'img' || tag === 'source') && a.has('srcset')) for (const url of parseSrcset(a.get('srcset')!)) add('srcset', url);
    if (tag === 'video') add('src', a.get('poster'));
    if (tag === 'form') add('action', a.get('action'));
    if (tag === 'meta') {
      if (a.get('http-equiv')?.toLowerCase() === 'refresh') add('refresh', refreshTarget(a.get('content') ?? '') ?? '');
      const property = a.get('property') ?? a.get('name');
      if (property && URL_METAS.has(property.toLowerCase())) add('meta', a.get('content'));
    }
  }
  return links;
}

/** The ids a fragment can point at: every id, and the names of <a name>. */
export function extractIds(html: string): Set<string> {
  const ids = new Set<string>();
  for (const { tag, attributes } of startTags(html)) {
    const id = attributes.get('id');
    if (id) ids.add(id);
    if (tag === 'a' && attributes.get('name')) ids.add(attributes.get('name')!);
  }
  return ids;
}

export interface Site {
  /** Base path, with leading and trailing slash ("/", "/wiki/"). */
  base: string;
  /** The site's own origin (https://example.org): absolute links there are internal. */
  origin?: string;
}

export type Resolution =
  | { type: 'external' }
  | { type: 'internal'; /** Path under the base, decoded, without leading slash. */ path: string; fragment?: string }
  | { type: 'broken'; problem: string };

const PLACEHOLDER = 'http://page.invalid';

/**
 * Resolves a link found on the page at `pagePath` (its URL path, base
 * included, e.g. "/wiki/companies/x/") to a path under the base.
 */
export function resolveLink(url: string, pagePath: string, site: Site): Resolution {
  if (url === '') return { type: 'broken', problem: 'empty URL' };
  let u: URL;
  try {
    u = new URL(url, PLACEHOLDER + pagePath);
  } catch {
    return { type: 'broken', problem: 'not a valid URL' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { type: 'external' };
  if (u.origin !== PLACEHOLDER && u.origin !== site.origin) return { type: 'external' };
  let pathname: string;
  let fragment: string | undefined;
  try {
    pathname = decodeURIComponent(u.pathname);
    fragment = u.hash ? decodeURIComponent(u.hash.slice(1)) : undefined;
  } catch {
    return { type: 'broken', problem: 'malformed percent-encoding' };
  }
  if (!pathname.startsWith(site.base)) return { type: 'broken', problem: `outside the base path ${site.base}` };
  return { type: 'internal', path: pathname.slice(site.base.length), ...(fragment ? { fragment } : {}) };
}

/**
 * The output file a path under the base is served from: "x/" → "x/index.html",
 * "" → "index.html", "feed.xml" → "feed.xml". A directory without the
 * trailing slash is not a file (the site always links with the slash).
 */
export function targetFile(path: string): string {
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/** The URL path of an output HTML file: "companies/x/index.html" → "/companies/x/", "404.html" → "/404.html". */
export function pagePathOf(file: string, base: string): string {
  const posix = file.split('\\').join('/');
  return base + (posix === 'index.html' ? '' : posix.endsWith('/index.html') ? posix.slice(0, -'index.html'.length) : posix);
}

/** The HTML spec's fragments that need no element: the top of the page and text fragments. */
const SPECIAL_FRAGMENT = /^(top|:~:.*)$/i;

export interface BrokenLink {
  page: string;
  line: number;
  column: number;
  tag: string;
  kind: LinkKind;
  url: string;
  problem: string;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Checks every link of every HTML file under `dir`. */
export function checkLinks(dir: string, site: Site): { pages: number; links: number; broken: BrokenLink[] } {
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).sort();
  const html = new Map<string, string>();
  const read = (file: string) => {
    let text = html.get(file);
    if (text === undefined) html.set(file, (text = readFileSync(join(dir, file), 'utf8')));
    return text;
  };
  const idCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let ids = idCache.get(file);
    if (!ids) idCache.set(file, (ids = extractIds(read(file))));
    return ids;
  };
  const isFile = (file: string) => {
    const full = join(dir, file);
    return existsSync(full) && statSync(full).isFile();
  };
  const broken: BrokenLink[] = [];
  let count = 0;
  for (const file of files) {
    const text = read(file);
    const pagePath = pagePathOf(file, site.base);
    for (const link of extractLinks(text)) {
      count += 1;
      const resolved = resolveLink(link.url, pagePath, site);
      let problem: string | undefined;
      if (resolved.type === 'broken') problem = resolved.problem;
      else if (resolved.type === 'internal') {
        const target = targetFile(resolved.path);
        if (!isFile(target)) {
          problem = isFile(`${resolved.path}/index.html`) ? 'no trailing slash (the page is at …/)' : `no file ${target} in the build`;
        } else if (resolved.fragment && target.endsWith('.html') && !SPECIAL_FRAGMENT.test(resolved.fragment) && !idsOf(target).has(resolved.fragment)) {
          problem = `no element with id "${resolved.fragment}" on ${pagePathOf(target, site.base)}`;
        }
      }
      if (problem) broken.push({ page: file, ...lineAndColumn(text, link.offset), tag: link.tag, kind: link.kind, url: link.url, problem });
    }
  }
  return { pages: files.length, links: count, broken };
}

/** The site's origin, from the home page's canonical link (absolute links there are internal). */
export function siteOrigin(dir: string): string | undefined {
  const home = join(dir, 'index.html');
  if (!existsSync(home)) return undefined;
  const canonical = startTags(readFileSync(home, 'utf8')).find((t) => t.tag === 'link' && t.attributes.get('rel') === 'canonical');
  const href = canonical?.attributes.get('href');
  return href ? new URL(href).origin : undefined;
}

/** Where the fixture wiki is built and under which base (see scripts/test/build-fixture.ts). */
const FIXTURE = { dir: process.env.FIXTURE_OUT ?? '.cache/fixture-dist', base: '/wiki/' };

function main() {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const builds = [{ dir: option('--dir') ?? process.env.WIKI_OUT_DIR ?? 'dist', base: option('--base') ?? '/' }];
  if (args.includes('--fixture')) builds.push(FIXTURE);
  let failed = false;
  for (const { dir, base } of builds) {
    if (!existsSync(join(dir, 'index.html'))) {
      console.error(`${dir}: no index.html (build first).`);
      process.exit(1);
    }
    const site = { base, origin: siteOrigin(dir) };
    const { pages, links, broken } = checkLinks(dir, site);
    for (const b of broken) console.error(`${relative(process.cwd(), join(dir, b.page))}:${b.line}:${b.column} <${b.tag} ${b.kind}> ${b.url}: ${b.problem}`);
    if (broken.length) {
      failed = true;
      console.error(`\n${broken.length} broken link${broken.length === 1 ? '' : 's'} in ${dir} (base ${base}).`);
    } else {
      console.log(`check:links: ${links} links on ${pages} pages in ${dir} (base ${base}, site ${site.origin ?? 'unknown'}) all resolve.`);
    }
  }
  if (failed) process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
