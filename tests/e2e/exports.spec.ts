/**
 * The machine-readable exports of the real build, read from the output
 * directory ($WIKI_OUT_DIR or dist/) and served by the test server, checked
 * against the site's own data: the content files, the built pages and each
 * other. Nothing here hard-codes what the content says.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readContentDir, type RawFile } from '../../src/lib/content/files';
import { repoWebUrl } from '../../src/lib/content/repo-url';
import { CONTRACT_CSV_COLUMNS, parseCsv } from '../../src/lib/output/exports/csv';
import { FEED_LIMIT } from '../../src/lib/output/exports/feed';
import type { FtmEntity } from '../../src/lib/output/exports/ftm';
import { validateFtm } from '../unit/ftm-validate';
import { SCHEMA_NAMES } from '../../src/lib/output/exports/json-schema';
import { COLLECTIONS, nameField } from '../../src/schemas/shared';
import type { EntryRecord } from '../../src/lib/output/exports/records';

const OUT = process.env.WIKI_OUT_DIR ?? 'dist';
const read = (path: string) => readFileSync(join(OUT, path), 'utf8');

/** Anything in an export that looks like a reference. */
interface Ref {
  type: string;
  id: string;
  url: string;
}
/** A record as the exports write it (records.ts), its facts read loosely. */
type Rec = Omit<EntryRecord, 'facts'> & { facts: Record<string, any> };
interface EntriesDoc {
  license: string;
  site: string;
  generatedAt: string;
  counts: Record<string, number>;
  total: number;
  entries: Rec[];
  redirects: { from: string; to: Ref }[];
}

const doc = JSON.parse(read('api/v1/entries.json')) as EntriesDoc;
const SITE = doc.site;
/** The repository the build linked to, worked out as the build does. */
const REPO = repoWebUrl();
const content = readContentDir(process.cwd()).files;
const originals = content.filter((f) => !f.locale);
const translations = new Set(content.filter((f) => f.locale === 'ar').map((f) => `${f.collection}/${f.id}`));
const frontOf = new Map<string, Record<string, any>>(originals.map((f: RawFile) => [`${f.collection}/${f.id}`, f.frontmatter as Record<string, any>]));

/** The built file an absolute site URL is served from (throws for URLs outside the site). */
function builtFile(url: string): string {
  expect(url.startsWith(SITE), `${url} is under the site URL ${SITE}`).toBe(true);
  const rel = url.slice(SITE.length);
  return join(OUT, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel);
}
function expectBuilt(url: string) {
  const file = builtFile(url);
  expect(existsSync(file), `${url} resolves to a built file (${file})`).toBe(true);
  return file;
}
/** The server path of an absolute site URL. */
const servedPath = (url: string) => `/${url.slice(SITE.length)}`;

/** Every {type, id, url} reference anywhere in a value. */
function refsIn(value: unknown, out: Ref[] = []): Ref[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.url === 'string' && typeof o.id === 'string') out.push({ type: String(o.type ?? 'sources'), id: o.id, url: o.url });
    Object.values(o).forEach((v) => refsIn(v, out));
  }
  return out;
}

async function parseXml(page: Page, xml: string) {
  return page.evaluate((text) => {
    const d = new DOMParser().parseFromString(text, 'application/xml');
    const error = d.getElementsByTagName('parsererror')[0]?.textContent ?? null;
    return { error, root: d.documentElement.localName, ns: d.documentElement.namespaceURI };
  }, xml);
}

test.describe('entries.json', () => {
  test('licence, metadata, and one record per content file in each collection', () => {
    expect(doc.license).toBe('CC BY 4.0');
    expect(Number.isNaN(Date.parse(doc.generatedAt))).toBe(false);
    for (const c of COLLECTIONS) {
      const files = originals.filter((f) => f.collection === c).length;
      expect(doc.counts[c], c).toBe(files);
      expect(doc.entries.filter((e) => e.type === c).length, c).toBe(files);
    }
    expect(doc.total).toBe(originals.length);
    expect(new Set(doc.entries.map((e) => e.key)).size).toBe(doc.entries.length);
  });

  test('every record says what its content file says: name, summary, tags, translation', () => {
    for (const e of doc.entries) {
      const fm = frontOf.get(e.key);
      expect(fm, e.key).toBeDefined();
      expect(e.name, e.key).toBe(String(fm![nameField(e.type)]).trim());
      expect(e.summary, e.key).toBe(fm!.summary === undefined ? null : String(fm!.summary).trim());
      expect(e.tags, e.key).toEqual(fm!.tags ?? []);
      expect(!!e.translations.ar, `${e.key} has an Arabic block exactly when it has a translation file`).toBe(translations.has(e.key));
      if (e.type === 'contracts') expect(e.facts.values.map((v: { amount: number }) => v.amount), e.key).toEqual((fm!.values ?? []).map((v: { amount: number }) => v.amount));
    }
  });

  test('every URL and every reference resolves to a built page or file', () => {
    for (const e of doc.entries) {
      expectBuilt(e.url);
      expectBuilt(e.urls.en);
      expectBuilt(e.urls.ar);
      expectBuilt(e.api);
      expect(e.urls.ar).toBe(`${SITE}ar/${e.type}/${e.id}/`);
      for (const ref of refsIn(e.facts)) {
        expectBuilt(ref.url);
        expect(doc.entries.some((x) => x.type === ref.type && x.id === ref.id), `${e.key} -> ${ref.type}/${ref.id}`).toBe(true);
      }
      // A link to the file's changes when the build knows the repository (WIKI_REPO_URL or the clone's origin), else none.
      if (REPO) expect(e.history.historyUrl).toMatch(new RegExp(`^${REPO}/.*commits/.*${e.type}/${e.id}\\.mdx$`));
      else expect(e.history.historyUrl).toBeNull();
    }
    for (const r of doc.redirects) {
      expectBuilt(r.from);
      expectBuilt(r.to.url);
    }
  });

  test('served over HTTP as JSON', async ({ request }) => {
    const res = await request.get('/api/v1/entries.json');
    expect(res.status()).toBe(200);
    expect((await res.json()).total).toBe(doc.total);
  });
});

test.describe('per-entry JSON', () => {
  const details = new Map(doc.entries.map((e) => [e.key, JSON.parse(readFileSync(builtFile(e.api), 'utf8'))]));

  test('there is exactly one file per entry, holding the same record', () => {
    for (const c of COLLECTIONS) {
      const files = readdirSync(join(OUT, 'api/v1', c)).filter((f) => f.endsWith('.json'));
      expect(files.sort(), c).toEqual(doc.entries.filter((e) => e.type === c).map((e) => `${e.id}.json`).sort());
    }
    for (const e of doc.entries) {
      const { backlinks, citations, meta, license, ...record } = details.get(e.key);
      expect(record, e.key).toEqual(e);
      expect(license).toBe('CC BY 4.0');
      expect(meta.generatedAt).toBe(doc.generatedAt);
      expect(Array.isArray(backlinks) && Array.isArray(citations)).toBe(true);
    }
  });

  test('backlinks agree with the facts: buyers, suppliers, parents, involvement and citations are seen from the other side', () => {
    const has = (target: string, from: string, relation: string) =>
      details.get(target).backlinks.some((b: Ref & { relations: string[] }) => `${b.type}/${b.id}` === from && b.relations.includes(relation));
    let checked = 0;
    for (const e of doc.entries) {
      const f = e.facts;
      const expectLink = (target: Ref, relation: string) => {
        checked++;
        expect(has(`${target.type}/${target.id}`, e.key, relation), `${target.type}/${target.id} lists ${e.key} (${relation})`).toBe(true);
      };
      if (f.parent) expectLink(f.parent, 'parent');
      if (f.buyer) expectLink(f.buyer, 'buyer');
      for (const s of f.suppliers ?? []) expectLink(s.company, 'supplier');
      for (const i of f.involved ?? []) expectLink(i, 'involved');
      for (const c of details.get(e.key).citations) expectLink({ type: 'sources', id: c.id, url: c.url }, 'cites');
    }
    expect(checked).toBeGreaterThan(doc.entries.length);
    for (const d of details.values()) for (const b of d.backlinks) expectBuilt(b.url);
  });

  test('citations name real sources, with the source\'s own URL when the wiki has one', () => {
    for (const e of doc.entries) {
      for (const c of details.get(e.key).citations) {
        const source = doc.entries.find((x) => x.type === 'sources' && x.id === c.id);
        expect(source, `${e.key} cites ${c.id}`).toBeDefined();
        expect(c.url).toBe(source!.url);
        expect(c.title).toBe(source!.name);
        expect(c.sourceUrl).toBe(source!.facts.url);
        expect(c.citedIn.length).toBeGreaterThan(0);
      }
      // Every front-matter source is among the citations.
      for (const s of e.facts.sources ?? []) expect(details.get(e.key).citations.some((c: Ref) => c.id === s.id), `${e.key}: ${s.id}`).toBe(true);
    }
  });
});

test.describe('contracts.csv', () => {
  const raw = read('api/v1/contracts.csv');
  const rows = parseCsv(raw);
  const [header, ...body] = rows;
  const records = body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
  const contracts = originals.filter((f) => f.collection === 'contracts').map((f) => ({ id: f.id, fm: f.frontmatter as Record<string, any> }));

  test('UTF-8 with a BOM, CRLF line ends, the documented header, the same number of fields on every row', () => {
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    expect(raw.endsWith('\r\n')).toBe(true);
    expect(header).toEqual([...CONTRACT_CSV_COLUMNS]);
    for (const r of body) expect(r).toHaveLength(header!.length);
  });

  test('one row per contract × supplier × reported value', () => {
    const expected = contracts.reduce((n, c) => n + c.fm.suppliers.length * Math.max(1, (c.fm.values ?? []).length), 0);
    expect(body).toHaveLength(expected);
    for (const c of contracts) {
      const mine = records.filter((r) => r.contract_id === c.id);
      const values = c.fm.values ?? [];
      expect(mine.map((r) => `${r.supplier_id}#${r.value_index}`).sort(), c.id).toEqual(
        c.fm.suppliers.flatMap((s: { company: string }) => (values.length ? values.map((_: unknown, i: number) => `${s.company}#${i + 1}`) : [`${s.company}#`])).sort(),
      );
      for (const r of mine) {
        expect(r.value_count).toBe(String(values.length));
        expect(r.buyer_id).toBe(c.fm.buyer);
        expectBuilt(r.contract_url!);
        if (r.value_source_url) expectBuilt(r.value_source_url);
      }
    }
  });

  test('sums are not double-counted: one value per (contract, value_index), alternative reports told apart', () => {
    const perValue = new Map<string, { amount: string; source: string; via: string; currency: string; kind: string }>();
    for (const r of records) {
      if (!r.value_index) continue;
      const k = `${r.contract_id}#${r.value_index}`;
      const v = { amount: r.value_amount!, source: r.value_source!, via: r.value_source_via!, currency: r.value_currency!, kind: r.value_kind! };
      const seen = perValue.get(k);
      if (seen) expect(v, `${k} repeats the same value on each supplier row`).toEqual(seen);
      perValue.set(k, v);
    }
    const fromContent = contracts.flatMap((c) => (c.fm.values ?? []).map((v: { amount: number }) => v.amount));
    const deduplicated = [...perValue.values()].map((v) => Number(v.amount));
    expect(deduplicated.sort((a, b) => a - b)).toEqual([...fromContent].sort((a, b) => a - b));
    expect(deduplicated.reduce((a, b) => a + b, 0)).toBe(fromContent.reduce((a: number, b: number) => a + b, 0));
    // Alternative reports of one contract can be told apart by their source columns or kind.
    for (const c of contracts.filter((x) => (x.fm.values ?? []).length > 1)) {
      const alts = [...perValue.entries()].filter(([k]) => k.startsWith(`${c.id}#`)).map(([, v]) => `${v.amount}|${v.source}|${v.via}|${v.kind}|${v.currency}`);
      expect(new Set(alts).size, c.id).toBe(alts.length);
    }
  });

  test('Arabic names survive the round trip', () => {
    for (const c of contracts) {
      const ar = doc.entries.find((e) => e.key === `contracts/${c.id}`)!.translations.ar?.name ?? '';
      for (const r of records.filter((x) => x.contract_id === c.id)) expect(r.contract_title_ar).toBe(ar);
    }
  });
});

test.describe('ftm.jsonl', () => {
  const text = read('api/v1/ftm.jsonl');
  const entities = text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as FtmEntity);

  test('one JSON entity per line, all valid against the FollowTheMoney model, references inside the file', () => {
    expect(text.endsWith('\n')).toBe(true);
    expect(validateFtm(entities)).toEqual([]);
  });

  test('every entry is an entity, with one award per supplier and one link per citation', () => {
    const ids = new Set(entities.map((e) => e.id));
    for (const e of doc.entries) expect(ids.has(`saw-${e.type}-${e.id}`), e.key).toBe(true);
    const count = (schema: string) => entities.filter((e) => e.schema === schema).length;
    expect(count('Company')).toBe(doc.counts.companies);
    expect(count('PublicBody')).toBe(doc.counts.agencies);
    expect(count('Contract')).toBe(doc.counts.contracts);
    expect(count('Event')).toBe(doc.counts.events);
    expect(count('Article')).toBe(doc.counts.sources);
    expect(count('ContractAward')).toBe(doc.entries.filter((e) => e.type === 'contracts').reduce((n, e) => n + e.facts.suppliers.length, 0));
    for (const e of doc.entries.filter((x) => x.type !== 'sources')) {
      const cited = new Set((e.facts.sources as Ref[]).map((s) => `saw-sources-${s.id}`));
      const documented = new Set(entities.filter((x) => x.schema === 'Documentation' && x.properties.entity?.[0] === `saw-${e.type}-${e.id}`).map((x) => x.properties.document![0]));
      for (const c of cited) expect(documented.has(c), `${e.key} documented by ${c}`).toBe(true);
    }
  });
});

test.describe('JSON Schema files', () => {
  test('served for each collection, identical to the committed schemas/ files', async ({ request }) => {
    for (const name of SCHEMA_NAMES) {
      const res = await request.get(`/api/v1/schema/${name}.json`);
      expect(res.status(), name).toBe(200);
      expect(await res.text(), name).toBe(readFileSync(`schemas/${name}.schema.json`, 'utf8'));
    }
  });
});

test.describe('Atom feeds', () => {
  for (const locale of ['en', 'ar'] as const) {
    test(`${locale}: well-formed Atom, newest change first, every entry links to a built page`, async ({ page, request }) => {
      const path = locale === 'en' ? '/feed.xml' : '/ar/feed.xml';
      const res = await request.get(path);
      expect(res.status()).toBe(200);
      const xml = await res.text();
      const parsed = await parseXml(page, xml);
      expect(parsed.error).toBeNull();
      expect(parsed).toMatchObject({ root: 'feed', ns: 'http://www.w3.org/2005/Atom' });
      const entries = [...xml.matchAll(/<entry>\s*<id>([^<]+)<\/id>[\s\S]*?<updated>([^<]+)<\/updated>[\s\S]*?<\/entry>/g)].map((m) => ({ url: m[1]!.replace(/&amp;/g, '&'), updated: m[2]! }));
      const withDates = doc.entries.filter((e) => {
        const dates = [e.history.updated, locale === 'ar' ? e.history.translations.ar?.updated : null].filter(Boolean);
        return dates.length > 0;
      });
      expect(entries).toHaveLength(Math.min(FEED_LIMIT, withDates.length));
      const sorted = [...entries].sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0));
      expect(entries.map((e) => e.updated)).toEqual(sorted.map((e) => e.updated));
      for (const e of entries) {
        expectBuilt(e.url);
        expect(e.url.startsWith(locale === 'ar' ? `${SITE}ar/` : SITE)).toBe(true);
        const rec = doc.entries.find((r) => (locale === 'ar' ? r.urls.ar : r.url) === e.url)!;
        expect(rec, e.url).toBeDefined();
        const expected = [rec.history.updated, locale === 'ar' ? rec.history.translations.ar?.updated : null].filter(Boolean).sort().at(-1);
        expect(e.updated).toBe(expected);
      }
    });
  }

  test('every page advertises the feed of its language', async ({ request }) => {
    for (const [path, feed] of [['/', '/feed.xml'], ['/ar/', '/ar/feed.xml'], [servedPath(doc.entries[0]!.url), '/feed.xml']] as const) {
      const html = await (await request.get(path)).text();
      expect(html, path).toMatch(new RegExp(`<link rel="alternate" type="application/atom\\+xml" title="[^"]+" href="${feed.replace(/\//g, '\\/')}"`));
    }
  });
});

test.describe('sitemap.xml', () => {
  const xml = read('sitemap.xml');
  const urls = [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => ({
    loc: /<loc>([^<]+)<\/loc>/.exec(m[1]!)![1]!,
    alternates: Object.fromEntries([...m[1]!.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map((a) => [a[1]!, a[2]!])) as Record<string, string>,
  }));

  test('well-formed, and every URL with en, ar and x-default alternates resolves to a built page', async ({ page }) => {
    const parsed = await parseXml(page, xml);
    expect(parsed.error).toBeNull();
    expect(parsed).toMatchObject({ root: 'urlset', ns: 'http://www.sitemaps.org/schemas/sitemap/0.9' });
    expect(new Set(urls.map((u) => u.loc)).size).toBe(urls.length);
    for (const u of urls) {
      expectBuilt(u.loc);
      expect(Object.keys(u.alternates).sort()).toEqual(['ar', 'en', 'x-default']);
      for (const href of Object.values(u.alternates)) expectBuilt(href);
      expect([u.alternates.en, u.alternates.ar]).toContain(u.loc);
    }
  });

  test('lists every entry page in both languages, and every indexable built page', () => {
    const locs = new Set(urls.map((u) => u.loc));
    for (const e of doc.entries) {
      expect(locs.has(e.urls.en), e.urls.en).toBe(true);
      expect(locs.has(e.urls.ar), e.urls.ar).toBe(true);
    }
    const pages: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(join(OUT, dir), { withFileTypes: true })) {
        const rel = dir ? `${dir}/${name.name}` : name.name;
        if (name.isDirectory()) {
          if (!['_astro', 'pagefind', 'api', 'og'].includes(rel)) walk(rel);
        } else if (name.name === 'index.html') pages.push(rel);
      }
    };
    walk('');
    let indexable = 0;
    for (const p of pages) {
      const html = readFileSync(join(OUT, p), 'utf8');
      if (/<meta name="robots" content="noindex"/.test(html)) continue;
      indexable++;
      const url = `${SITE}${p.replace(/index\.html$/, '')}`;
      expect(locs.has(url), `${url} is in the sitemap`).toBe(true);
    }
    expect(indexable).toBe(urls.length);
  });
});

test.describe('the /data/ page', () => {
  for (const locale of ['en', 'ar'] as const) {
    test(`${locale}: explains every export and links to files that exist`, async ({ page, request }) => {
      await page.goto(locale === 'en' ? '/data/' : '/ar/data/');
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.locator('html')).toHaveAttribute('dir', locale === 'en' ? 'ltr' : 'rtl');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      const required = ['/api/v1/entries.json', '/api/v1/contracts.csv', '/api/v1/ftm.jsonl', '/feed.xml', '/ar/feed.xml', '/sitemap.xml', ...SCHEMA_NAMES.map((n) => `/api/v1/schema/${n}.json`)];
      for (const r of required) expect(hrefs, r).toContain(r);
      expect(hrefs.some((h) => /^\/api\/v1\/[a-z]+\/[a-z0-9-]+\.json$/.test(h) && !h.includes('/schema/'))).toBe(true);
      expect(hrefs).toContain('https://creativecommons.org/licenses/by/4.0/');
      for (const h of hrefs.filter((x) => x.startsWith('/'))) {
        const res = await request.get(h.split('#')[0]!);
        expect(res.status(), h).toBe(200);
      }
      await expect(page.locator('main')).toContainText('CC BY 4.0');
      // The counts shown are the real ones.
      const num = (n: number) => new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'ar').format(n);
      await expect(page.locator('main')).toContainText(num(doc.total));
      for (const col of ['contract_id', 'value_source', 'value_index']) await expect(page.locator('main')).toContainText(col);
    });
  }
});
