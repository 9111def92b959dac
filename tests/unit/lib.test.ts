import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { ar } from '../../src/i18n/ar';
import { localeParam, perLocalePaths, translator } from '../../src/i18n';
import { backrefLabel, numberFootnotes } from '../../src/lib/views/footnotes';
import { compareDates, formatPartialDate, parsePartialDate } from '../../src/lib/isomorphic/dates';
import { entryKey, entryKeyFromPath, isEntryKey, type EntryKey } from '../../src/lib/isomorphic/entry-keys';
import { backlinksOf, buildGraph, incomingBy, type GraphNode } from '../../src/lib/model/graph';
import { citationsIn, referencesIn } from '../../src/schemas/references';
import type { CollectionName } from '../../src/lib/isomorphic/collections';
import type { ContractData } from '../../src/schemas/contract';
import { TAG_IDS, TAGS, tagLabel } from '../../src/schemas/vocabulary';
import { formatMoney, sumByCurrencyAndKind, sumContractValues } from '../../src/lib/isomorphic/money';
import { entryPath, localePath, STATIC_ROUTES, stripLocale, withBase } from '../../src/lib/isomorphic/paths';
import { localeRouteFiles } from '../../src/lib/output/exports/sitemap';
import { COLLECTIONS } from '../../src/lib/isomorphic/collections';
import { agencyRelations, companyRelations } from '../../src/lib/model/relations';
import { nearest } from '../../src/lib/content/suggest';

describe('dates', () => {
  it.each([
    ['2025', 'en-GB', '2025'],
    ['2025-04', 'en-GB', 'April 2025'],
    ['2025-04-17', 'en-GB', '17 April 2025'],
    ['2025-04', 'ar', 'أبريل 2025'],
  ])('formats %s in %s as %s (only the known precision)', (value, locale, expected) => {
    expect(formatPartialDate(value, locale)).toBe(expected);
  });
  it('parses precision', () => {
    expect(parsePartialDate('2025').precision).toBe('year');
    expect(parsePartialDate('2025-04').precision).toBe('month');
    expect(parsePartialDate('2025-04-17')).toEqual({ year: 2025, month: 4, day: 17, precision: 'day' });
  });
  it('sorts partial dates: a year heads its own months and days', () => {
    expect(['2025-04-17', '2024', '2025', '2025-04', '2025-01-31'].sort(compareDates)).toEqual(['2024', '2025', '2025-01-31', '2025-04', '2025-04-17']);
  });
});

describe('money', () => {
  it.each([
    [30_000_000, 'USD', 'en-GB', 'symbol', 'US$30 million'],
    [1_220_000_000, 'USD', 'en-GB', 'symbol', 'US$1.22 billion'],
    [75_000_000_000, 'USD', 'en-GB', 'symbol', 'US$75 billion'],
    [5_000, 'ILS', 'en-GB', 'symbol', '₪5,000'],
    [30_000_000, 'USD', 'ar', 'name', '30 مليون دولار أمريكي'],
  ] as const)('formats %d %s in %s', (amount, currency, locale, display, expected) => {
    expect(formatMoney(amount, currency, locale, display)).toBe(expected);
  });
  it('never adds different currencies or kinds', () => {
    const totals = sumByCurrencyAndKind([
      { amount: 10, currency: 'USD', kind: 'reported', isMinimum: false },
      { amount: 5, currency: 'USD', kind: 'reported', isMinimum: true },
      { amount: 7, currency: 'USD', kind: 'ceiling', isMinimum: false },
      { amount: 3, currency: 'ILS', kind: 'reported', isMinimum: false },
    ]);
    expect(totals).toEqual([
      { currency: 'ILS', kind: 'reported', amount: 3, high: 3, isMinimum: false, count: 1 },
      { currency: 'USD', kind: 'ceiling', amount: 7, high: 7, isMinimum: false, count: 1 },
      { currency: 'USD', kind: 'reported', amount: 15, high: 15, isMinimum: true, count: 2 },
    ]);
  });
  it('never adds two reports of the same contract: they make a range', () => {
    const nimbus = [
      { amount: 1_200_000_000, currency: 'USD', kind: 'reported', isMinimum: false },
      { amount: 1_220_000_000, currency: 'USD', kind: 'reported', isMinimum: false },
    ] as const;
    const other = [{ amount: 30_000_000, currency: 'USD', kind: 'reported', isMinimum: false }] as const;
    expect(sumContractValues([nimbus, other])).toEqual([
      { currency: 'USD', kind: 'reported', amount: 1_230_000_000, high: 1_250_000_000, isMinimum: false, count: 2 },
    ]);
  });
});

describe('suggestions', () => {
  it.each([
    ['palantir', ['palantir-technologies', 'microsoft'], 'palantir-technologies'],
    ['microsfot', ['palantir-technologies', 'microsoft'], 'microsoft'],
    ['ice', ['ice', 'dhs'], 'ice'],
    ['zzzzzzzz', ['palantir-technologies', 'microsoft'], undefined],
    ['x', [], undefined],
  ])('nearest(%s) is %s', (wanted, candidates, expected) => expect(nearest(wanted, candidates)).toBe(expected));
});

describe('entry keys and paths', () => {
  it.each([
    ['/companies/palantir/', { key: 'companies/palantir' }],
    ['/companies/palantir', { key: 'companies/palantir' }],
    ['/companies/palantir/#work-for-ice', { key: 'companies/palantir', anchor: 'work-for-ice' }],
    ['/companies/Palantir/', { badId: 'Palantir', collection: 'companies' }],
    ['/timeline/', undefined],
    ['/persons/x/', undefined],
  ])('entryKeyFromPath(%s)', (path, expected) => expect(entryKeyFromPath(path)).toEqual(expected));
  it('guards keys', () => {
    expect(isEntryKey('companies/palantir')).toBe(true);
    expect(isEntryKey('companies/palantir/extra')).toBe(false);
    expect(isEntryKey('palantir')).toBe(false);
  });
  it.each([
    ['/', '/companies/x/', '/companies/x/'],
    ['/wiki/', '/companies/x/', '/wiki/companies/x/'],
    ['/wiki', '/companies/x/', '/wiki/companies/x/'],
  ])('withBase(%s, %s)', (base, path, expected) => expect(withBase(path, base)).toBe(expected));
  it('prefixes Arabic paths and strips them again', () => {
    expect(entryPath('agencies/ice' as EntryKey, 'ar')).toBe('/ar/agencies/ice/');
    expect(localePath('en', '/timeline/')).toBe('/timeline/');
    expect(stripLocale('/ar/agencies/ice/')).toEqual({ locale: 'ar', path: '/agencies/ice/' });
    expect(stripLocale('/agencies/ice/')).toEqual({ locale: 'en', path: '/agencies/ice/' });
  });
});

/** A graph node from front matter, through the reference table as the model builds it; `data` is kept for dataOf. */
const node = (key: string, data: Record<string, unknown>, bodyLinks: string[] = [], bodyCites: string[] = []): GraphNode & { data: Record<string, unknown> } => {
  const collection = key.split('/')[0] as CollectionName;
  return {
    key: key as EntryKey,
    references: referencesIn(collection, data).map((r) => ({ relation: r.relation, target: `${r.collection}/${r.id}` as EntryKey })),
    factCites: citationsIn(collection, data),
    bodyLinks: bodyLinks as EntryKey[],
    bodyCites,
    data,
  };
};

function sampleGraph() {
  const nodes = [
    node('agencies/dhs', { sources: ['s'] }),
    node('agencies/ice', { parent: 'dhs', sources: ['s'] }, ['companies/palantir']),
    node('companies/palantir', { sources: ['s'] }, ['agencies/ice']),
    node('companies/aws', { parent: 'amazon', sources: ['s'] }),
    node('companies/amazon', { sources: ['s'] }),
    node('contracts/ios', {
      buyer: 'ice',
      suppliers: [{ company: 'palantir' }],
      values: [{ amount: 30, currency: 'USD', kind: 'reported', isMinimum: false, source: 's' }],
      sources: ['s'],
    }),
    node('contracts/joint', {
      buyer: 'dhs',
      suppliers: [{ company: 'palantir' }, { company: 'aws', share: { amount: 4, currency: 'USD', kind: 'reported', isMinimum: false, source: 's' } }],
      values: [{ amount: 10, currency: 'USD', kind: 'ceiling', isMinimum: false, source: 's' }],
      sources: ['s'],
    }),
    node('events/letter', { involved: ['agencies/ice', 'companies/palantir'], sources: ['s'] }),
    node('sources/s', {}),
  ];
  return { nodes, graph: buildGraph(nodes), dataOf: (k: EntryKey) => nodes.find((n) => n.key === k)?.data as ContractData | undefined };
}

describe('graph and backlinks', () => {
  it('builds a reverse index of typed edges', () => {
    const { graph } = sampleGraph();
    expect(incomingBy(graph, entryKey('agencies', 'dhs'), 'parent')).toEqual(['agencies/ice']);
    expect(incomingBy(graph, entryKey('companies', 'palantir'), 'supplier').sort()).toEqual(['contracts/ios', 'contracts/joint']);
    expect(incomingBy(graph, entryKey('sources', 's'), 'cites')).toHaveLength(8);
  });
  it('groups the relations of each linking entry and sorts backlinks', () => {
    const { graph } = sampleGraph();
    expect(backlinksOf(graph, entryKey('companies', 'palantir'))).toEqual([
      { from: 'agencies/ice', relations: ['mentions'] },
      { from: 'contracts/ios', relations: ['supplier'] },
      { from: 'contracts/joint', relations: ['supplier'] },
      { from: 'events/letter', relations: ['involved'] },
    ]);
  });
  it('never links an entry to itself', () => {
    const graph = buildGraph([node('companies/a', { sources: [] }, ['companies/a'])]);
    expect(graph.edges).toEqual([]);
  });
  it('derives company and agency relations without adding unlike values', () => {
    const { graph, dataOf } = sampleGraph();
    const palantir = companyRelations(graph, entryKey('companies', 'palantir'), dataOf);
    expect(palantir.buyers.sort()).toEqual(['agencies/dhs', 'agencies/ice']);
    expect(palantir.values.attributed).toEqual([{ currency: 'USD', kind: 'reported', amount: 30, high: 30, isMinimum: false, count: 1 }]);
    expect(palantir.values.joint).toEqual([{ currency: 'USD', kind: 'ceiling', amount: 10, high: 10, isMinimum: false, count: 1 }]);
    const aws = companyRelations(graph, entryKey('companies', 'aws'), dataOf);
    expect(aws.values.attributed[0]!.amount).toBe(4);
    expect(companyRelations(graph, entryKey('companies', 'amazon'), dataOf).subsidiaries).toEqual(['companies/aws']);
    const dhs = agencyRelations(graph, entryKey('agencies', 'dhs'), dataOf);
    expect(dhs.subAgencies).toEqual(['agencies/ice']);
    expect(dhs.suppliers.sort()).toEqual(['companies/aws', 'companies/palantir']);
  });
});

describe('footnotes', () => {
  it('numbers cited sources in reading order, one note per source whatever the outlet, then the uncited front-matter sources', () => {
    const notes = numberFootnotes(
      [{ source: 'a' }, { source: 'b', via: 'Wired' }, { source: 'a', locator: 'para. 3' }, { source: 'b' }, { source: 'b', via: '+972 Magazine' }],
      [{ source: 'a' }, { source: 'c', via: 'Reuters' }],
    );
    expect(notes.map((n) => [n.n, n.source, n.vias, n.locators, n.uses])).toEqual([
      [1, 'a', [], ['para. 3'], 2],
      [2, 'b', ['Wired', '+972 Magazine'], [], 3],
      [3, 'c', ['Reuters'], [], 0],
    ]);
  });

  it('labels back-links a, b, … z, aa, ab', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map((i) => backrefLabel(i))).toEqual(['a', 'b', 'z', 'aa', 'ab', 'az', 'ba']);
  });

  it('labels back-links in the page’s alphabet: أ, ب, … ي, أأ on Arabic pages', () => {
    const letters = translator('ar')('entry.backrefLetters').split(' ');
    expect(letters).toHaveLength(28);
    expect(letters.join('')).not.toMatch(/[A-Za-z]/);
    expect([0, 1, 27, 28, 29].map((i) => backrefLabel(i, letters))).toEqual(['أ', 'ب', 'ي', 'أأ', 'أب']);
    expect(translator('en')('entry.backrefLetters').split(' ')).toEqual([...'abcdefghijklmnopqrstuvwxyz']);
  });
});

describe('interface text', () => {
  it('per-language pages: English at the root, Arabic under /ar/', () => {
    expect(localeParam('en')).toBeUndefined();
    expect(localeParam('ar')).toBe('ar');
    expect(perLocalePaths()).toEqual([
      { params: { locale: undefined }, props: { locale: 'en' } },
      { params: { locale: 'ar' }, props: { locale: 'ar' } },
    ]);
  });

  it('has every key in both languages, none empty', () => {
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(ar)) expect(value.trim(), key).not.toBe('');
  });
  it('keeps the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(placeholders(ar[key]), key).toEqual(placeholders(en[key]));
  });
  it('fills placeholders', () => expect(translator('en')('entry.via', { outlet: 'Wired' })).toBe('citing Wired'));
  it('is really translated: no Arabic string is English words only (format names and the switch back to English excepted)', () => {
    const names = (key: string) => key === 'lang.switch' || key.startsWith('cite.format.');
    const untranslated = Object.entries(ar).filter(([key, value]) => {
      const text = value.replace(/\{\w+\}/g, '');
      return !names(key) && /[A-Za-z]/.test(text) && !/\p{Script=Arabic}/u.test(text);
    });
    expect(untranslated).toEqual([]);
  });
  it('labels every tag in both languages', () => {
    for (const tag of TAG_IDS) {
      expect(tagLabel(tag, 'en'), tag).toBe(TAGS[tag]);
      expect(tagLabel(tag, 'ar'), tag).toMatch(/\p{Script=Arabic}/u);
    }
    expect(tagLabel('not-a-tag', 'ar')).toBe('not-a-tag');
  });
});

describe('STATIC_ROUTES', () => {
  it('lists exactly the pages of src/pages/[...locale]/ that are not entries', () => {
    const pages = localeRouteFiles()
      .map((f) => f.replace(/\.astro$/, '').replace(/(^|\/)index$/, ''))
      .filter((route) => route !== '[collection]/[id]' && !route.startsWith('[collection]/[id]/')) // an entry and its history
      .flatMap((route) => (route === '[collection]' ? COLLECTIONS.map((c) => `/${c}/`) : [route ? `/${route}/` : '/']));
    expect([...STATIC_ROUTES].sort()).toEqual(pages.sort());
  });
});

describe('counted phrases', () => {
  it('agree with the number in Arabic (six forms) and English (two)', async () => {
    const { translator } = await import('../../src/i18n');
    const ar = translator('ar');
    expect([0, 1, 2, 3, 11, 100].map((count) => ar('count.contracts', { count }))).toEqual(['لا عقود', 'عقد واحد', 'عقدان', '3 عقود', '11 عقدًا', '100 عقد']);
    expect(ar('search.count', { count: 7 })).toBe('7 نتائج');
    expect(ar('network.clusterDesc', { contracts: ar('count.contracts', { count: 1 }), companies: ar('count.companies', { count: 1 }), agencies: ar('count.agencies', { count: 2 }) })).toBe('في هذه المجموعة: عقد واحد، وشركة واحدة، وجهتان.');
    const en = translator('en');
    expect([1, 2].map((count) => en('list.count', { count }))).toEqual(['1 entry', '2 entries']);
  });
});
