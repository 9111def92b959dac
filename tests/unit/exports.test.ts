/**
 * The export builders as plain functions over a small synthetic wiki whose
 * front matter goes through the real zod schemas: JSON records, CSV quoting
 * and rows, the FollowTheMoney mapping (validated against the model shipped
 * in @alephdata/followthemoney), the Atom feed and the sitemap.
 */
import { describe, expect, it } from 'vitest';
import { buildWiki } from '../../src/lib/model/build';
import type { ModelInput } from '../../src/lib/model/entry';
import type { EntryKey } from '../../src/lib/isomorphic/entry-keys';
import { EMPTY_HISTORY } from '../../src/lib/model/history';
import { historyFromDates } from './helpers';
import { LICENSE, makeContext } from '../../src/lib/output/exports/context';
import {
  BOM,
  CONTRACT_CSV_COLUMNS,
  contractRows,
  contractsCsv,
  csvDocument,
  csvField,
  numberText,
  parseCsv,
} from '../../src/lib/output/exports/csv';
import { derivedId, ftmEntities, ftmId, ftmJsonl, ftmLanguage, type FtmEntity } from '../../src/lib/output/exports/ftm';
import { validateFtm } from './ftm-validate';
import { atomFeed, feedItems, xmlEscape } from '../../src/lib/output/exports/feed';
import { citationsOf, entriesDocument, entryDetail, entryRecord, type ExportWiki } from '../../src/lib/output/exports/records';
import { localeRouteFiles, pagesFromRoutes, sitemapXml } from '../../src/lib/output/exports/sitemap';
import { SCHEMAS } from '../../src/schemas';
import type { CollectionName } from '../../src/schemas/shared';

// ---------------------------------------------------------------------------
// A synthetic wiki

type Cite = { source: string; via?: string; locator?: string };
interface Spec {
  collection: CollectionName;
  id: string;
  fm: Record<string, unknown>;
  bodyCites?: Cite[];
  bodyLinks?: string[];
  ar?: { name: string; summary?: string; aliases?: string[]; cites?: Cite[] };
}

const SPECS: Spec[] = [
  {
    collection: 'sources',
    id: 'report-a',
    fm: { title: 'تقرير عن الصفقة', titleTranslated: 'A report on the deal', publisher: 'Example News', authors: ['A. Writer'], published: '2025-04', language: 'ar', kind: 'news', url: 'https://news.example.org/a', archiveUrl: 'https://web.archive.org/web/2025/https://news.example.org/a', summary: 'An Arabic news report about the deal.' },
  },
  { collection: 'sources', id: 'filing-b', fm: { title: 'Filing B', language: 'en', kind: 'government-record' } },
  {
    collection: 'companies',
    id: 'parent-co',
    fm: { name: 'Parent & Co <Holdings>', country: 'US', website: 'https://parent.example.com', founded: 1999, wikidata: 'Q1', products: ['cloud'], tags: ['cloud'], summary: 'A parent company used by the export tests.', sources: ['filing-b'] },
  },
  {
    collection: 'companies',
    id: 'sub-co',
    fm: { name: 'Sub Co', aliases: ['Sub, Inc.', 'He said "Sub"'], parent: 'parent-co', summary: 'A subsidiary used by the export tests.', sources: ['report-a'], redirectFrom: ['old-sub'] },
    ar: { name: 'شركة فرعية', summary: 'شركة فرعية تُستخدم في الاختبارات.', aliases: ['الفرعية'] },
  },
  { collection: 'agencies', id: 'ministry', fm: { name: 'Ministry', country: 'IL', level: 'national', summary: 'A ministry used by the export tests.', sources: ['filing-b'] } },
  { collection: 'agencies', id: 'unit', fm: { name: 'Unit', acronym: 'U', parent: 'ministry', country: 'IL', level: 'military', summary: 'A unit used by the export tests.', sources: ['filing-b'] } },
  {
    collection: 'contracts',
    id: 'deal',
    fm: {
      title: 'The Deal',
      buyer: 'unit',
      suppliers: [
        { company: 'parent-co', role: 'prime' },
        { company: 'sub-co', role: 'subcontractor', share: { amount: 5_000_000, currency: 'USD', kind: 'estimated', source: 'filing-b' } },
      ],
      values: [
        { amount: 100_000_000, currency: 'USD', kind: 'reported', source: 'report-a' },
        { amount: 120_000_000, currency: 'USD', kind: 'reported', isMinimum: true, asOf: 2022, source: { source: 'report-a', via: 'Outlet "X", Inc.' } },
      ],
      awarded: '2021-05',
      start: '2021-06',
      end: 2023,
      status: 'active',
      summary: 'A contract with two alternative reported values, used by the export tests.',
      sources: ['report-a'],
    },
    bodyCites: [{ source: 'report-a', locator: 'para 3' }],
    bodyLinks: ['companies/parent-co'],
    ar: { name: 'الصفقة', cites: [{ source: 'filing-b' }] },
  },
  {
    collection: 'contracts',
    id: 'pilot',
    fm: { title: 'Pilot, phase 1', kind: 'pilot', buyer: 'ministry', suppliers: [{ company: 'sub-co' }], summary: 'A pilot with no reported value, used by the export tests.', sources: ['filing-b'] },
  },
  {
    collection: 'events',
    id: 'protest',
    fm: {
      title: 'A protest',
      date: '2022-07',
      dateQualifier: 'before',
      kind: 'protest',
      location: { place: 'Tel Aviv, Israel', country: 'IL' },
      involved: ['companies/parent-co', 'agencies/unit', 'contracts/deal', 'sources/report-a'],
      summary: 'A protest whose date the sources only bound.',
      sources: [{ source: 'report-a', locator: 'opening paragraph' }],
    },
  },
  { collection: 'events', id: 'award', fm: { title: 'The award', date: '2021-05-01', kind: 'contract-award', involved: ['contracts/deal'], participants: [{ entry: 'people/spokes', role: 'speaker', source: 'report-a' }, { entry: 'organizations/watch', role: 'organiser', source: 'filing-b' }], summary: 'The deal is awarded, on a known day.', sources: ['report-a'] } },
  {
    collection: 'people',
    id: 'spokes',
    fm: {
      name: 'Sam Spokes',
      roles: [
        { at: 'companies/parent-co', title: 'spokesperson', from: '2020', to: '2022-03', source: 'report-a' },
        { at: 'organizations/watch', title: 'organiser', source: { source: 'filing-b', via: 'Outlet' } },
      ],
      summary: 'A spokesperson used by the export tests.',
      sources: ['report-a'],
      responses: [
        { date: '2022-01', by: 'Sam Spokes', speaker: 'people/spokes', said: 'Declined to comment.', source: 'report-a' },
        { date: '2022-02', by: 'Sam Spokes', speaker: 'people/spokes', said: 'Declined again.', source: 'report-a' },
      ],
    },
  },
  { collection: 'organizations', id: 'watch', fm: { name: 'Deal Watch', kind: 'campaign', country: 'IL', members: ['companies/sub-co'], summary: 'A campaign used by the export tests.', sources: ['filing-b'] } },
];

/** The model, built by the wiki's own builder from front matter parsed by the real schemas. */
function makeWiki(specs: readonly Spec[] = SPECS): ExportWiki {
  return buildWiki(
    specs.map((s) => {
      const data = (SCHEMAS[s.collection] as unknown as { parse: (v: unknown) => ModelInput['data'] }).parse(s.fm);
      const cites = (list: Cite[] = []) => list.map((c) => ({ ...c, line: 1 }));
      return {
        collection: s.collection,
        id: s.id,
        data,
        body: '',
        links: (s.bodyLinks ?? []) as EntryKey[],
        cites: cites(s.bodyCites),
        translations: s.ar ? { ar: { data: { name: s.ar.name, summary: s.ar.summary, aliases: s.ar.aliases ?? [] }, body: '', links: [], cites: cites(s.ar.cites) } } : {},
      } as ModelInput;
    }),
  );
}

const DATES = new Map<string, { created?: string; updated?: string }>([
  ['companies/parent-co.mdx', { created: '2025-01-01T00:00:00Z', updated: '2025-01-01T00:00:00Z' }],
  ['companies/sub-co.mdx', { created: '2025-01-02T00:00:00Z', updated: '2025-03-01T00:00:00Z' }],
  ['companies/sub-co.ar.mdx', { created: '2025-04-01T00:00:00Z', updated: '2025-04-01T00:00:00Z' }],
  ['contracts/deal.mdx', { created: '2025-01-03T00:00:00Z', updated: '2025-02-01T00:00:00Z' }],
  ['events/protest.mdx', { updated: '2025-02-15T00:00:00Z' }],
]);

function ctxFor(site = 'https://example.org', base = '/wiki/') {
  const history = historyFromDates(DATES);
  return makeContext({ site, base, history, generatedAt: '2025-06-01T00:00:00Z' });
}

const wiki = makeWiki();
const ctx = ctxFor();
const get = (key: string) => wiki.entries.get(key as EntryKey)!;

// ---------------------------------------------------------------------------

describe('JSON records', () => {
  it('a contract record: identity, absolute URLs under the base path, references expanded to {type, id, url}', () => {
    const r = entryRecord(ctx, get('contracts/deal'));
    expect(r).toMatchObject({
      type: 'contracts',
      id: 'deal',
      key: 'contracts/deal',
      url: 'https://example.org/wiki/contracts/deal/',
      urls: { en: 'https://example.org/wiki/contracts/deal/', ar: 'https://example.org/wiki/ar/contracts/deal/' },
      api: 'https://example.org/wiki/api/v1/contracts/deal.json',
      name: 'The Deal',
      translations: { ar: { name: 'الصفقة', summary: null, aliases: [] } },
    });
    expect(r.facts.buyer).toEqual({ type: 'agencies', id: 'unit', url: 'https://example.org/wiki/agencies/unit/' });
    const suppliers = r.facts.suppliers as { company: unknown; role: string; share?: { source: unknown } }[];
    expect(suppliers.map((s) => s.company)).toEqual([
      { type: 'companies', id: 'parent-co', url: 'https://example.org/wiki/companies/parent-co/' },
      { type: 'companies', id: 'sub-co', url: 'https://example.org/wiki/companies/sub-co/' },
    ]);
    expect(suppliers[1]!.share!.source).toEqual({ id: 'filing-b', url: 'https://example.org/wiki/sources/filing-b/' });
    const values = r.facts.values as { amount: number; asOf?: string; source: unknown }[];
    expect(values.map((v) => v.amount)).toEqual([100_000_000, 120_000_000]);
    expect(values[1]!.asOf).toBe('2022');
    expect(values[1]!.source).toEqual({ id: 'report-a', url: 'https://example.org/wiki/sources/report-a/', via: 'Outlet "X", Inc.' });
    expect(r.facts.end).toBe('2023');
    // Top-level fields are not repeated among the facts.
    for (const k of ['title', 'name', 'summary', 'tags']) expect(r.facts).not.toHaveProperty(k);
  });

  it('an event expands "collection/id" references of any type', () => {
    const r = entryRecord(ctx, get('events/protest'));
    expect((r.facts.involved as { type: string; id: string }[]).map((x) => `${x.type}/${x.id}`)).toEqual([
      'companies/parent-co',
      'agencies/unit',
      'contracts/deal',
      'sources/report-a',
    ]);
    expect(r.facts.sources).toEqual([{ id: 'report-a', url: 'https://example.org/wiki/sources/report-a/', locator: 'opening paragraph' }]);
  });

  it('parents point at their own collection; no translation means no "ar" block', () => {
    expect(entryRecord(ctx, get('agencies/unit')).facts.parent).toEqual({ type: 'agencies', id: 'ministry', url: 'https://example.org/wiki/agencies/ministry/' });
    const sub = entryRecord(ctx, get('companies/sub-co'));
    expect(sub.facts.parent).toEqual({ type: 'companies', id: 'parent-co', url: 'https://example.org/wiki/companies/parent-co/' });
    expect(sub.translations.ar).toEqual({ name: 'شركة فرعية', summary: 'شركة فرعية تُستخدم في الاختبارات.', aliases: ['الفرعية'] });
    expect(entryRecord(ctx, get('companies/parent-co')).translations).toEqual({});
  });

  it('history: ISO dates where git knows them, null where it does not, always a link', () => {
    expect(entryRecord(ctx, get('companies/sub-co')).history).toEqual({
      created: '2025-01-02T00:00:00Z',
      updated: '2025-03-01T00:00:00Z',
      historyUrl: 'https://example.org/wiki/companies/sub-co/history/',
      version: 'c20250301000000'.padEnd(40, '0'),
      translations: { ar: { created: '2025-04-01T00:00:00Z', updated: '2025-04-01T00:00:00Z', historyUrl: 'https://example.org/wiki/ar/companies/sub-co/history/', version: 'c20250401000000'.padEnd(40, '0') } },
    });
    const unknown = entryRecord(ctx, get('agencies/ministry')).history;
    expect(unknown.created).toBeNull();
    expect(unknown.updated).toBeNull();
    expect(unknown.historyUrl).toBe('https://example.org/wiki/agencies/ministry/history/');
    expect(unknown.version).toBeNull();
  });

  it('a source record keeps its own fields as facts and its title as name', () => {
    const r = entryRecord(ctx, get('sources/report-a'));
    expect(r.name).toBe('تقرير عن الصفقة');
    expect(r.facts).toMatchObject({ titleTranslated: 'A report on the deal', url: 'https://news.example.org/a', language: 'ar', published: '2025-04' });
    expect(entryRecord(ctx, get('sources/filing-b')).summary).toBeNull();
  });

  it('citations: one per source + outlet + locator, saying where the entry cites each', () => {
    const c = citationsOf(ctx, wiki, get('contracts/deal'));
    expect(c.map((x) => [x.id, x.via ?? null, x.locator ?? null, x.citedIn])).toEqual([
      ['report-a', null, null, ['sources', 'values']],
      ['report-a', 'Outlet "X", Inc.', null, ['values']],
      ['filing-b', null, null, ['suppliers.share', 'body.ar']],
      ['report-a', null, 'para 3', ['body']],
    ]);
    expect(c[0]).toMatchObject({ title: 'تقرير عن الصفقة', sourceUrl: 'https://news.example.org/a', url: 'https://example.org/wiki/sources/report-a/' });
    expect(c.find((x) => x.id === 'filing-b')).not.toHaveProperty('sourceUrl');
  });

  it('per-entry detail: the record plus backlinks from the graph reverse index', () => {
    const d = entryDetail(ctx, wiki, get('companies/parent-co'));
    expect(d.license).toBe(LICENSE);
    expect(d.url).toBe('https://example.org/wiki/companies/parent-co/');
    expect(d.backlinks.map((b) => [`${b.type}/${b.id}`, b.relations])).toEqual([
      ['companies/sub-co', ['parent']],
      ['contracts/deal', ['supplier', 'mentions']],
      ['events/protest', ['involved']],
      ['people/spokes', ['role']],
    ]);
    expect(d.backlinks[0]).toMatchObject({ name: 'Sub Co', url: 'https://example.org/wiki/companies/sub-co/' });
    // Sources are cited-by: their backlinks carry the "cites" relation.
    expect(entryDetail(ctx, wiki, get('sources/filing-b')).backlinks.map((b) => b.id)).toEqual(['ministry', 'unit', 'parent-co', 'deal', 'pilot', 'award', 'watch', 'spokes']);
  });

  it('entries.json: licence, metadata, counts equal to the entries, stable order, redirects', () => {
    const doc = entriesDocument(ctx, wiki);
    expect(doc.license).toBe('CC BY 4.0');
    expect(doc.generatedAt).toBe('2025-06-01T00:00:00Z');
    expect(doc.site).toBe('https://example.org/wiki/');
    expect(doc.counts).toEqual({ companies: 2, agencies: 2, contracts: 2, events: 2, people: 1, organizations: 1, sources: 2 });
    expect(doc.total).toBe(wiki.entries.size);
    expect(doc.entries.map((e) => e.key)).toEqual([
      'companies/parent-co', 'companies/sub-co', 'agencies/ministry', 'agencies/unit', 'contracts/deal', 'contracts/pilot', 'events/award', 'events/protest', 'people/spokes', 'organizations/watch', 'sources/filing-b', 'sources/report-a',
    ]);
    expect(doc.redirects).toEqual([{ from: 'https://example.org/wiki/companies/old-sub/', to: { type: 'companies', id: 'sub-co', url: 'https://example.org/wiki/companies/sub-co/' } }]);
  });

  it('URLs follow the configured site and base (root base)', () => {
    expect(entryRecord(ctxFor('https://wiki.example.net', '/'), get('contracts/deal')).url).toBe('https://wiki.example.net/contracts/deal/');
  });
});

describe('CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    [undefined, ''],
    [null, ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line1\nline2', '"line1\nline2"'],
    ['line1\r\nline2', '"line1\r\nline2"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['مشروع نمبوس', 'مشروع نمبوس'],
    ['"', '""""'],
    [' spaces kept ', ' spaces kept '],
    [1_220_000_000, '1220000000'],
    [1e21, '1000000000000000000000'],
    [0.5, '0.5'],
    // Text a spreadsheet would run as a formula opens as text; numbers the export writes stay numbers.
    ['=HYPERLINK("https://evil.example","x")', '"\'=HYPERLINK(""https://evil.example"",""x"")"'],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', '"\'\r=1"'],
    [-5, '-5'],
  ] as const)('csvField(%j) -> %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('a document has a BOM, a header, and CRLF after every line', () => {
    const text = csvDocument(['a', 'b'], [['1', 'x,y'], ['2', 'multi\nline']]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toBe(`${BOM}a,b\r\n1,"x,y"\r\n2,"multi\nline"\r\n`);
  });

  it('parseCsv reverses csvDocument, including quotes, commas, newlines and Arabic', () => {
    const rows = [
      ['id', 'text'],
      ['1', 'He said "yes", then left'],
      ['2', 'first\r\nsecond\nthird'],
      ['3', 'العربية، مع فاصلة'],
      ['4', ''],
    ];
    expect(parseCsv(csvDocument(rows[0]!, rows.slice(1)))).toEqual(rows);
  });

  it('parseCsv rejects a bare LF line ending outside quotes', () => {
    expect(() => parseCsv('a,b\n1,2\n')).toThrow(/CRLF/);
  });

  it('numberText never uses exponent notation for whole numbers', () => {
    expect(numberText(75_000_000_000)).toBe('75000000000');
    expect(String(1e21)).toBe('1e+21');
    expect(numberText(1e21)).toBe('1000000000000000000000');
  });

  const rows = contractRows(ctx, wiki);

  it('one row per contract × supplier × value; a contract without values has one row per supplier', () => {
    // deal: 2 suppliers × 2 values; pilot: 1 supplier × no value
    expect(rows).toHaveLength(2 * 2 + 1);
    expect(rows.map((r) => [r.contract_id, r.supplier_id, r.value_index])).toEqual([
      ['deal', 'parent-co', '1'],
      ['deal', 'parent-co', '2'],
      ['deal', 'sub-co', '1'],
      ['deal', 'sub-co', '2'],
      ['pilot', 'sub-co', ''],
    ]);
    const pilot = rows[4]!;
    expect(pilot).toMatchObject({ value_count: '0', value_amount: '', value_currency: '', value_source: '', contract_kind: 'pilot', contract_title: 'Pilot, phase 1' });
  });

  it('each value row says which report it is; alternative reports stay separate', () => {
    const deal = rows.filter((r) => r.contract_id === 'deal' && r.supplier_id === 'parent-co');
    expect(deal.map((r) => [r.value_amount, r.value_kind, r.value_is_minimum, r.value_as_of, r.value_source, r.value_source_via, r.value_count])).toEqual([
      ['100000000', 'reported', 'false', '', 'report-a', '', '2'],
      ['120000000', 'reported', 'true', '2022', 'report-a', 'Outlet "X", Inc.', '2'],
    ]);
    expect(deal[0]).toMatchObject({
      contract_url: 'https://example.org/wiki/contracts/deal/',
      buyer_id: 'unit',
      buyer_name: 'Unit',
      value_source_title: 'تقرير عن الصفقة',
      value_source_url: 'https://example.org/wiki/sources/report-a/',
      awarded: '2021-05',
      start: '2021-06',
      end: '2023',
      status: 'active',
      contract_title_ar: 'الصفقة',
    });
  });

  it('supplier columns: name, Arabic name, role and own share only on that supplier\'s rows', () => {
    const sub = rows.find((r) => r.contract_id === 'deal' && r.supplier_id === 'sub-co')!;
    expect(sub).toMatchObject({ supplier_name: 'Sub Co', supplier_name_ar: 'شركة فرعية', supplier_role: 'subcontractor', supplier_share_amount: '5000000', supplier_share_currency: 'USD', supplier_share_kind: 'estimated' });
    const prime = rows.find((r) => r.contract_id === 'deal' && r.supplier_id === 'parent-co')!;
    expect(prime).toMatchObject({ supplier_name: 'Parent & Co <Holdings>', supplier_role: 'prime', supplier_share_amount: '' });
  });

  it('deduplicating by (contract_id, value_index) gives back exactly the contract values: no double counting', () => {
    const distinct = new Map<string, number>();
    for (const r of rows) if (r.value_index) distinct.set(`${r.contract_id}#${r.value_index}`, Number(r.value_amount));
    const fromContent = [...wiki.entries.values()]
      .filter((e) => e.collection === 'contracts')
      .flatMap((e) => ((e.data.values as { amount: number }[]) ?? []).map((v) => v.amount));
    expect([...distinct.values()].sort()).toEqual(fromContent.sort());
    // Naively summing the column would count the deal's values once per supplier.
    const naive = rows.reduce((s, r) => s + Number(r.value_amount || 0), 0);
    expect(naive).toBe(2 * (100_000_000 + 120_000_000));
  });

  it('the document parses back to the header plus the rows', () => {
    const parsed = parseCsv(contractsCsv(ctx, wiki));
    expect(parsed[0]).toEqual([...CONTRACT_CSV_COLUMNS]);
    expect(parsed).toHaveLength(rows.length + 1);
    expect(parsed.slice(1).map((r) => Object.fromEntries(CONTRACT_CSV_COLUMNS.map((c, i) => [c, r[i]])))).toEqual(rows);
  });
});

describe('FollowTheMoney', () => {
  const entities = ftmEntities(ctx, wiki);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const one = (id: string) => byId.get(id)!;

  it('every entity is valid against the FollowTheMoney model (schemas, properties, references)', () => {
    expect(validateFtm(entities)).toEqual([]);
  });

  it('the validator catches what it should (so the check above can fail)', () => {
    const bad: FtmEntity[] = [
      { id: 'x1', schema: 'Company', properties: { name: ['X'], colour: ['red'] } },
      { id: 'x2', schema: 'Compny', properties: { name: ['Y'] } },
      { id: 'x3', schema: 'Company', properties: { name: ['Z'], parent: ['nowhere'] } },
      { id: 'x4', schema: 'ContractAward', properties: { contract: ['x1'], supplier: ['x1'] } },
      { id: 'x5', schema: 'Company', properties: { name: ['W'], country: ['US'], incorporationDate: ['17/04/2025'] } },
      { id: 'x5', schema: 'Contract', properties: { title: ['dup'] } },
      { id: 'x6', schema: 'LegalEntity', properties: { name: ['abstract?'] } },
      { id: 'x7', schema: 'PublicBody', properties: {} },
    ];
    const problems = validateFtm(bad).join('\n');
    expect(problems).toMatch(/x1: Company has no property "colour"/);
    expect(problems).toMatch(/x2: unknown schema "Compny"/);
    expect(problems).toMatch(/x3\.parent: points at "nowhere"/);
    expect(problems).toMatch(/x4\.contract: points at a Company, but the property takes a Contract/);
    expect(problems).toMatch(/x5\.country: "US" is not a known country/);
    expect(problems).toMatch(/x5\.incorporationDate: .* is not an FtM date/);
    expect(problems).toMatch(/x5: duplicate id/);
    expect(problems).toMatch(/x7: PublicBody requires "name"/);
  });

  it('ids are deterministic: derived from keys, the same on every run and in any input order', () => {
    expect(ftmId('companies/parent-co')).toBe('saw-companies-parent-co');
    expect(derivedId('award', ['contracts/deal', 'sub-co'])).toBe(derivedId('award', ['contracts/deal', 'sub-co']));
    expect(derivedId('award', ['contracts/deal', 'sub-co'])).not.toBe(derivedId('award', ['contracts/deal', 'parent-co']));
    const reversed = makeWiki([...SPECS].reverse());
    expect(ftmJsonl(ctx, reversed)).toBe(ftmJsonl(ctx, wiki));
    expect(new Set(entities.map((e) => e.id)).size).toBe(entities.length);
  });

  it('companies and agencies: Company / PublicBody with parents, countries in FtM form and Arabic names as aliases', () => {
    expect(one('saw-companies-parent-co')).toEqual({
      id: 'saw-companies-parent-co',
      schema: 'Company',
      properties: {
        name: ['Parent & Co <Holdings>'],
        country: ['us'],
        website: ['https://parent.example.com'],
        wikidataId: ['Q1'],
        incorporationDate: ['1999'],
        sector: ['cloud'],
        summary: ['A parent company used by the export tests.'],
        keywords: ['cloud'],
        sourceUrl: ['https://example.org/wiki/companies/parent-co/'],
      },
    });
    expect(one('saw-companies-sub-co').properties).toMatchObject({ parent: ['saw-companies-parent-co'], alias: ['Sub, Inc.', 'He said "Sub"', 'شركة فرعية', 'الفرعية'] });
    expect(one('saw-agencies-unit')).toMatchObject({ schema: 'PublicBody', properties: { alias: ['U'], parent: ['saw-agencies-ministry'], country: ['il'], classification: ['military'] } });
  });

  it('contracts: Contract with the buyer as authority and both reported values kept, one ContractAward per supplier', () => {
    const c = one('saw-contracts-deal');
    expect(c.schema).toBe('Contract');
    expect(c.properties).toMatchObject({ title: ['The Deal'], authority: ['saw-agencies-unit'], contractDate: ['2021-05'], status: ['active'], type: ['contract'], amount: ['100000000', '120000000'], currency: ['USD'] });
    expect(c.properties.notes?.[0]).toContain('not to be added together');
    const awards = entities.filter((e) => e.schema === 'ContractAward' && e.properties.contract?.[0] === 'saw-contracts-deal');
    expect(awards.map((a) => [a.properties.supplier, a.properties.role])).toEqual([
      [['saw-companies-parent-co'], ['prime']],
      [['saw-companies-sub-co'], ['subcontractor']],
    ]);
    expect(awards[0]!.properties).toMatchObject({ date: ['2021-05'], startDate: ['2021-06'], endDate: ['2023'] });
    expect(awards[0]!.properties.amount).toBeUndefined();
    expect(awards[1]!.properties).toMatchObject({ amount: ['5000000'], currency: ['USD'] });
    expect(entities.filter((e) => e.schema === 'ContractAward')).toHaveLength(3);
  });

  it('events: involved companies/agencies on the Event, other entries through UnknownLink; bounded dates stay out of "date"', () => {
    const ev = one('saw-events-protest');
    expect(ev.schema).toBe('Event');
    expect(ev.properties.involved).toEqual(['saw-companies-parent-co', 'saw-agencies-unit']);
    expect(ev.properties.date).toBeUndefined();
    expect(ev.properties.notes).toEqual(['Date: before 2022-07']);
    expect(ev.properties).toMatchObject({ location: ['Tel Aviv, Israel'], country: ['il'] });
    const links = entities.filter((e) => e.schema === 'UnknownLink' && e.properties.subject?.[0] === 'saw-events-protest');
    expect(links.map((l) => l.properties.object![0]).sort()).toEqual(['saw-contracts-deal', 'saw-sources-report-a']);
    expect(one('saw-events-award').properties.date).toEqual(['2021-05-01']);
  });

  it('sources: Article (with the publication URL and archive, kind as keyword); languages in ISO 639-3', () => {
    expect(one('saw-sources-report-a')).toMatchObject({
      schema: 'Article',
      properties: { title: ['تقرير عن الصفقة'], alias: ['A report on the deal'], language: ['ara'], publishedAt: ['2025-04'], author: ['A. Writer'], publisher: ['Example News'], sourceUrl: ['https://news.example.org/a', 'https://web.archive.org/web/2025/https://news.example.org/a'] },
    });
    expect(one('saw-sources-report-a').properties.keywords).toEqual(['news']);
    expect(one('saw-sources-filing-b')).toMatchObject({ schema: 'Article', properties: { language: ['eng'], keywords: ['government-record'] } });
    expect(ftmLanguage('en-GB')).toBe('eng');
    expect(ftmLanguage('xx')).toBeUndefined();
  });

  it('citations: one Documentation per entry, source and outlet, locators as summary', () => {
    const docs = entities.filter((e) => e.schema === 'Documentation' && e.properties.entity?.[0] === 'saw-contracts-deal');
    expect(docs.map((d) => [d.properties.document![0], d.properties.description?.[0] ?? null, d.properties.summary ?? null])).toEqual([
      ['saw-sources-report-a', null, ['para 3']],
      ['saw-sources-report-a', 'The source attributes this to Outlet "X", Inc..', null],
      ['saw-sources-filing-b', null, null],
    ]);
    // Sources themselves cite nothing.
    expect(entities.some((e) => e.schema === 'Documentation' && e.properties.entity?.[0]?.startsWith('saw-sources-'))).toBe(false);
  });

  it('JSON Lines: one entity per line, each line parses', () => {
    const lines = ftmJsonl(ctx, wiki).split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((l) => JSON.parse(l))).toEqual(entities);
  });
});

describe('Atom feed', () => {
  it('lists entries with a known change date, newest first; entries with unknown dates are left out', () => {
    expect(feedItems(ctx, wiki, 'en').map((i) => [i.entry.key, i.updated, i.isNew])).toEqual([
      ['companies/sub-co', '2025-03-01T00:00:00Z', false],
      ['events/protest', '2025-02-15T00:00:00Z', false],
      ['contracts/deal', '2025-02-01T00:00:00Z', false],
      ['companies/parent-co', '2025-01-01T00:00:00Z', true],
    ]);
  });

  it('the Arabic feed counts translation changes', () => {
    expect(feedItems(ctx, wiki, 'ar')[0]).toMatchObject({ updated: '2025-04-01T00:00:00Z' });
    expect(feedItems(ctx, wiki, 'ar')[0]!.entry.key).toBe('companies/sub-co');
  });

  const text = { title: 'T & U', subtitle: 'S', author: 'A', newLabel: 'new entry', changedLabel: 'changed entry', typeLabel: (c: string) => `type:${c}` };

  it('an English feed: escaped text, absolute links under the base, categories, published and updated dates', () => {
    const xml = atomFeed(ctx, wiki, 'en', text);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">')).toBe(true);
    expect(xml).toContain('<title>T &amp; U</title>');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://example.org/wiki/feed.xml"/>');
    expect(xml).toContain('<updated>2025-03-01T00:00:00Z</updated>');
    expect(xml).toContain('<title>Parent &amp; Co &lt;Holdings&gt;</title>');
    expect(xml).toContain('<id>https://example.org/wiki/companies/parent-co/</id>');
    expect(xml).toContain('<category term="new" label="new entry"/>');
    expect(xml).toContain('<published>2025-01-02T00:00:00Z</published>');
    expect(xml.match(/<entry>/g)).toHaveLength(4);
    expect(xml).not.toContain('agencies/ministry');
    expect(xml.indexOf('companies/sub-co')).toBeLessThan(xml.indexOf('companies/parent-co'));
  });

  it('an Arabic feed uses Arabic names and marks untranslated English text', () => {
    const xml = atomFeed(ctx, wiki, 'ar', text);
    expect(xml).toContain('xml:lang="ar"');
    expect(xml).toContain('<title>شركة فرعية</title>');
    expect(xml).toContain('<id>https://example.org/wiki/ar/companies/sub-co/</id>');
    expect(xml).toContain('<title xml:lang="en">Parent &amp; Co &lt;Holdings&gt;</title>');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://example.org/wiki/ar/feed.xml"/>');
  });

  it('with no history at all the feed is empty but valid, dated by its generation time', () => {
    const bare = makeContext({ site: 'https://example.org', base: '/', history: EMPTY_HISTORY, generatedAt: '2025-06-01T00:00:00Z' });
    const xml = atomFeed(bare, wiki, 'en', text);
    expect(xml).not.toContain('<entry>');
    expect(xml).toContain('<updated>2025-06-01T00:00:00Z</updated>');
  });

  it('xmlEscape escapes the five XML special characters', () => {
    expect(xmlEscape(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('sitemap', () => {
  const routes = ['index.astro', 'data.astro', 'timeline.astro', 'about/index.astro', '[collection]/index.astro', '[collection]/[id].astro', 'tags/[tag].astro', '_partial.astro'];

  it('turns page files under [...locale] into pages; unknown dynamic routes are reported, not guessed', () => {
    const { pages, skipped } = pagesFromRoutes(ctx, routes, wiki);
    const paths = pages.map((p) => p.path);
    expect(paths).toContain('/');
    expect(paths).toContain('/data/');
    expect(paths).toContain('/timeline/');
    expect(paths).toContain('/about/');
    for (const c of ['companies', 'agencies', 'contracts', 'events', 'people', 'organizations', 'sources']) expect(paths).toContain(`/${c}/`);
    for (const key of wiki.entries.keys()) expect(paths).toContain(`/${key}/`);
    expect(paths).not.toContain('/companies/old-sub/');
    expect(pages).toHaveLength(1 + 3 + 7 + wiki.entries.size);
    expect(skipped).toEqual(['tags/[tag].astro']);
    expect(pages.find((p) => p.path === '/companies/sub-co/')!.lastmod).toEqual({ en: '2025-03-01T00:00:00Z', ar: '2025-04-01T00:00:00Z' });
  });

  it('every page appears in both languages with en, ar and x-default alternates', () => {
    const xml = sitemapXml(ctx, [{ path: '/data/' }, { path: '/companies/sub-co/', lastmod: { en: '2025-03-01T00:00:00Z' } }]);
    expect(xml.match(/<url>/g)).toHaveLength(4);
    expect(xml).toContain('<loc>https://example.org/wiki/data/</loc>');
    expect(xml).toContain('<loc>https://example.org/wiki/ar/data/</loc>');
    expect(xml.match(/hreflang="ar" href="https:\/\/example.org\/wiki\/ar\/data\/"/g)).toHaveLength(2);
    expect(xml.match(/hreflang="x-default" href="https:\/\/example.org\/wiki\/data\/"/g)).toHaveLength(2);
    expect(xml).toContain('<loc>https://example.org/wiki/companies/sub-co/</loc>\n    <lastmod>2025-03-01T00:00:00Z</lastmod>');
    expect(xml).not.toMatch(/ar\/companies\/sub-co\/<\/loc>\n {4}<lastmod>/);
  });

  it('finds the real page files, including the data page and entry pages', () => {
    const files = localeRouteFiles();
    expect(files).toContain('data.astro');
    expect(files).toContain('[collection]/[id].astro');
    expect(files).toContain('index.astro');
  });
});
