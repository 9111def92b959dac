/** The offline link checker (scripts/checks/links.ts): extraction, resolution, and a small built site. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkLinks,
  decodeEntities,
  extractIds,
  extractLinks,
  pagePathOf,
  parseSrcset,
  refreshTarget,
  resolveLink,
  siteOrigin,
  targetFile,
  type Site,
} from '../../scripts/checks/links';

describe('extractLinks', () => {
  it.each([
    ['<a href="/companies/x/">x</a>', [['a', 'href', '/companies/x/']]],
    ["<a href='/x/'>single quotes</a>", [['a', 'href', '/x/']]],
    ['<a href=/x/>unquoted</a>', [['a', 'href', '/x/']]],
    ['<A HREF="/X/">upper case</A>', [['a', 'href', '/X/']]],
    ['<a href="/search/?q=a&amp;type=b">entities</a>', [['a', 'href', '/search/?q=a&type=b']]],
    ['<a class="x" title="a > b" href="/gt/">">" in a quoted value</a>', [['a', 'href', '/gt/']]],
    ['<a name="anchor">no href</a>', []],
    ['<link rel="stylesheet" href="/_astro/a.css">', [['link', 'href', '/_astro/a.css']]],
    ['<link rel="icon" href="/favicon.svg" type="image/svg+xml" />', [['link', 'href', '/favicon.svg']]],
    ['<script type="module" src="/_astro/s.js"></script>', [['script', 'src', '/_astro/s.js']]],
    ['<script>const a = "<a href=\'/not-a-link/\'>";</script>', []],
    ['<script type="application/ld+json">{"url":"<a href=\\"/x/\\">"}</script>', []],
    ['<!-- <a href="/commented-out/">x</a> -->', []],
    ['<textarea><a href="/text/">x</a></textarea>', []],
    ['<img src="/a.png" srcset="/a-1x.png 1x, /a-2x.png 2x" alt="">', [['img', 'src', '/a.png'], ['img', 'srcset', '/a-1x.png'], ['img', 'srcset', '/a-2x.png']]],
    ['<picture><source srcset="/b.webp"><img src="/b.png" alt=""></picture>', [['source', 'srcset', '/b.webp'], ['img', 'src', '/b.png']]],
    ['<form action="/search/" method="get"></form>', [['form', 'action', '/search/']]],
    ['<meta http-equiv="refresh" content="0; url=/wiki/agencies/ice/">', [['meta', 'refresh', '/wiki/agencies/ice/']]],
    ['<meta property="og:image" content="https://example.org/og/x.png">', [['meta', 'meta', 'https://example.org/og/x.png']]],
    ['<meta property="og:title" content="/not/a/url">', []],
    ['<svg><a href="/graph/"><rect/></a><use href="#shape"/></svg>', [['a', 'href', '/graph/'], ['use', 'href', '#shape']]],
    ['<svg><use xlink:href="#old"/></svg>', [['use', 'href', '#old']]],
  ])('%s', (html, expected) => {
    expect(extractLinks(html).map((l) => [l.tag, l.kind, l.url])).toEqual(expected);
  });
});

describe('extractIds', () => {
  it.each([
    ['<h2 id="facts-title">Facts</h2>', ['facts-title']],
    ['<li id="note-1"><a name="legacy">x</a></li>', ['note-1', 'legacy']],
    ['<h2 id="المرحَّلون">Arabic id</h2>', ['المرحَّلون']],
    ['<p id="a&amp;b">entity</p>', ['a&b']],
    ['<script>document.write(\'<p id="in-script">\')</script>', []],
    ['<div data-id="not-an-id" id="">empty</div>', []],
  ])('%s', (html, expected) => {
    expect([...extractIds(html)]).toEqual(expected);
  });
});

describe('small parsers', () => {
  it.each([
    ['/a.png', ['/a.png']],
    ['/a.png 1x, /b.png 2x', ['/a.png', '/b.png']],
    ['/a.png 100w,/b.png 200w', ['/a.png', '/b.png']],
    ['/img,with,commas.png 1x, /b.png 2x', ['/img,with,commas.png', '/b.png']],
    ['/a.png, /b.png 2x', ['/a.png', '/b.png']],
    ['  ', []],
  ])('srcset %j', (value, expected) => {
    expect(parseSrcset(value)).toEqual(expected);
  });
  it.each([
    ['0; url=/x/', '/x/'],
    ['0;URL=\'/x/\'', '/x/'],
    ['5, url=https://example.org/', 'https://example.org/'],
    ['0', undefined],
  ])('refresh %j', (content, expected) => {
    expect(refreshTarget(content)).toBe(expected);
  });
  it.each([
    ['a &amp; b', 'a & b'],
    ['&#x2F;&#47;', '//'],
    ['&unknown;', '&unknown;'],
  ])('entities %j', (s, expected) => {
    expect(decodeEntities(s)).toBe(expected);
  });
  it.each([
    ['', 'index.html'],
    ['companies/x/', 'companies/x/index.html'],
    ['feed.xml', 'feed.xml'],
    ['companies/x', 'companies/x'],
  ])('target file of %j', (path, expected) => {
    expect(targetFile(path)).toBe(expected);
  });
  it.each([
    ['index.html', '/', '/'],
    ['companies/x/index.html', '/', '/companies/x/'],
    ['404.html', '/', '/404.html'],
    ['ar/index.html', '/wiki/', '/wiki/ar/'],
  ])('page path of %s under %s', (file, base, expected) => {
    expect(pagePathOf(file, base)).toBe(expected);
  });
});

describe('resolveLink', () => {
  const root: Site = { base: '/', origin: 'https://example.org' };
  const wiki: Site = { base: '/wiki/', origin: 'https://example.org' };
  it.each([
    // [url, page, site, expected]
    ['/companies/x/', '/', root, { type: 'internal', path: 'companies/x/' }],
    ['/companies/x/#note-1', '/', root, { type: 'internal', path: 'companies/x/', fragment: 'note-1' }],
    ['#note-2', '/companies/x/', root, { type: 'internal', path: 'companies/x/', fragment: 'note-2' }],
    ['../y/', '/companies/x/', root, { type: 'internal', path: 'companies/y/' }],
    ['z/', '/companies/x/', root, { type: 'internal', path: 'companies/x/z/' }],
    ['/search/?q=ice#top', '/', root, { type: 'internal', path: 'search/', fragment: 'top' }],
    ['/ar/%D8%A8/', '/', root, { type: 'internal', path: 'ar/ب/' }],
    ['#%D8%A8', '/x/', root, { type: 'internal', path: 'x/', fragment: 'ب' }],
    ['https://example.org/companies/x/', '/', root, { type: 'internal', path: 'companies/x/' }],
    ['https://example.org/wiki/feed.xml', '/wiki/', wiki, { type: 'internal', path: 'feed.xml' }],
    ['/wiki/companies/x/', '/wiki/', wiki, { type: 'internal', path: 'companies/x/' }],
    ['/companies/x/', '/wiki/', wiki, { type: 'broken', problem: 'outside the base path /wiki/' }],
    ['https://example.org/companies/x/', '/wiki/', wiki, { type: 'broken', problem: 'outside the base path /wiki/' }],
    ['../../', '/wiki/ar/', wiki, { type: 'broken', problem: 'outside the base path /wiki/' }],
    ['https://www.theguardian.com/x', '/', root, { type: 'external' }],
    ['//cdn.example.net/x.js', '/', root, { type: 'external' }],
    ['mailto:someone@example.org', '/', root, { type: 'external' }],
    ['data:image/png;base64,AAAA', '/', root, { type: 'external' }],
    ['', '/', root, { type: 'broken', problem: 'empty URL' }],
    ['/bad/%E0%A4%A/', '/', root, { type: 'broken', problem: 'malformed percent-encoding' }],
    ['http://[bad', '/', root, { type: 'broken', problem: 'not a valid URL' }],
  ] as const)('%s on %s', (url, page, site, expected) => {
    expect(resolveLink(url, page, site)).toEqual(expected);
  });
});

describe('checkLinks over a small build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'check-links-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, html: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), html);
  };
  const page = (body: string) =>
    `<!doctype html><html><head><link rel="canonical" href="https://example.org/wiki/"><link rel="stylesheet" href="/wiki/_astro/site.css"></head><body>\n${body}\n</body></html>`;
  write('_astro/site.css', 'body{}');
  write('feed.xml', '<feed/>');
  write('index.html', page('<h1 id="top-heading">Home</h1>'));
  write('companies/x/index.html', page('<ol><li id="note-1">Source</li></ol>'));
  write('agencies/old/index.html', page('<meta http-equiv="refresh" content="0; url=/wiki/agencies/gone/">'));
  write('404.html', page('<a href="/wiki/">Home</a>'));
  write(
    'companies/y/index.html',
    page(
      [
        '<a href="/wiki/companies/x/#note-1">ok: cross-page anchor</a>',
        '<a href="/wiki/companies/x/#note-9">broken: no such note</a>',
        '<a href="#top-heading">broken: id on another page</a>',
        '<a href="#top">ok: top of page</a>',
        '<a href="/wiki/feed.xml">ok: file</a>',
        '<a href="/wiki/companies/x">broken: no trailing slash</a>',
        '<a href="/companies/x/">broken: outside base</a>',
        '<img src="/wiki/missing.png" alt="">',
        '<a href="https://elsewhere.example/">ok: external</a>',
        '<a href="https://example.org/wiki/companies/x/">ok: own site, absolute</a>',
      ].join('\n'),
    ),
  );
  const site = { base: '/wiki/', origin: siteOrigin(dir) };
  const result = checkLinks(dir, site);

  it('finds the site origin from the home page canonical link', () => {
    expect(site.origin).toBe('https://example.org');
  });
  it('reports each broken link with its page, line and problem, and nothing else', () => {
    expect(result.broken.map((b) => `${b.page}:${b.line} ${b.url}: ${b.problem}`)).toEqual([
      'agencies/old/index.html:2 /wiki/agencies/gone/: no file agencies/gone/index.html in the build',
      'companies/y/index.html:3 /wiki/companies/x/#note-9: no element with id "note-9" on /wiki/companies/x/',
      'companies/y/index.html:4 #top-heading: no element with id "top-heading" on /wiki/companies/y/',
      'companies/y/index.html:7 /wiki/companies/x: no trailing slash (the page is at …/)',
      'companies/y/index.html:8 /companies/x/: outside the base path /wiki/',
      'companies/y/index.html:9 /wiki/missing.png: no file missing.png in the build',
    ]);
    expect(result.pages).toBe(5);
  });
});
