import { editDistance, exactName, foldName, nameBucket, namesStarting, nearestNames, type NameRecord } from '../../src/lib/isomorphic/did-you-mean';
import { describe, expect, it } from 'vitest';
import { excerptRuns, nameMatch, rerankByName, typingPause, typingQuery } from '../../src/client/search';

describe('name matching for search ranking', () => {
  it.each([
    ['ICE', ['U.S. Immigration and Customs Enforcement', 'ICE'], 3],
    ['microsoft', ['Microsoft'], 3],
    ['Palantir', ['Palantir Technologies'], 2 + 8 / 21],
    ['Nimbus', ['Project Nimbus'], 1 + 6 / 14],
    ['ice', ['Microsoft Azure and AI services for ICE'], 1 + 3 / 39],
    ['ice', ['Police state'], 0],
    ['', ['Anything'], 0],
    ['Sécurité', ['securite'], 3],
  ] as const)('%s against %j scores %d', (q, names, score) => {
    expect(nameMatch(q, names)).toBeCloseTo(score, 6);
  });

  it('puts the entry named by the query first and keeps the rest in order', () => {
    const hits = [
      { id: 'letter', names: ["Amazon and Google workers' letter on Nimbus"] },
      { id: 'other', names: ['Unrelated'] },
      { id: 'nimbus', names: ['Project Nimbus'] },
      { id: 'signed', names: ['Project Nimbus contract signed'] },
    ];
    expect(rerankByName('Nimbus', hits).map((h) => h.id)).toEqual(['nimbus', 'signed', 'letter', 'other']);
  });
});

describe('excerpt highlighting', () => {
  it('keeps only <mark> and shows everything else as text', () => {
    expect(excerptRuns('the <mark>ICE</mark> contract &lt;script&gt;')).toEqual([
      { text: 'the ', mark: false },
      { text: 'ICE', mark: true },
      { text: ' contract <script>', mark: false },
    ]);
  });
});

describe('browse table sorting', async () => {
  const { compareSortValues } = await import('../../src/client/sortable-table');
  it.each([
    ['2025-04', '2025', 'ascending', 1],
    ['2025', '2025-04', 'ascending', -1],
    ['10', '9', 'ascending', 1],
    ['', '2020', 'ascending', 1],
    ['', '2020', 'descending', 1],
    ['Oracle', 'amazon', 'ascending', 1],
    ['b', 'a', 'descending', -1],
  ] as const)('%j vs %j (%s) has sign %d', (a, b, dir, sign) => {
    expect(Math.sign(compareSortValues(a, b, dir, 'en'))).toBe(sign);
  });
});

describe('what is searched while typing', () => {
  it.each([
    ['', ''],
    ['p', ''],
    ['pa', 'pa'],
    ['labour o', 'labour'],
    ['labour or', 'labour or'],
    ['  cloud   c ', 'cloud'],
    ['ش', ''],
    ['شركة م', 'شركة'],
    ['ICE', 'ICE'],
  ])('%j searches %j', (typed, searched) => {
    expect(typingQuery(typed)).toBe(searched);
  });
  it.each([
    ['pa', 250],
    ['labour or', 250],
    ['شر', 250],
    ['ICE', 0],
    ['pal', 0],
    ['labour org', 0],
    ['شرك', 0],
    ['', 0],
  ])('%j waits %j ms for the next keystroke', (query, ms) => {
    expect(typingPause(query)).toBe(ms);
  });
});

describe('did you mean', () => {
  const names: NameRecord[] = [
    ['Palantir Technologies', '/companies/palantir-technologies/', 'Palantir'],
    ['Microsoft', '/companies/microsoft/'],
    ['U.S. Immigration and Customs Enforcement', '/agencies/ice/', 'ICE'],
    ['بالانتير تكنولوجيز', '/ar/companies/palantir-technologies/', 'بالانتير'],
    ['مايكروسوفت', '/ar/companies/microsoft/'],
  ];
  it('offers the nearest names for a misspelling, in either script', () => {
    expect(nearestNames('Palantr', names)[0]).toEqual({ label: 'Palantir Technologies', href: '/companies/palantir-technologies/' });
    expect(nearestNames('Micorsoft', names)[0]?.label).toBe('Microsoft');
    expect(nearestNames('بالنتير', names)[0]?.label).toBe('بالانتير تكنولوجيز');
    expect(nearestNames('ميكروسوفت', names)[0]?.label).toBe('مايكروسوفت');
  });
  it('offers nothing for a word far from every name, or too short to judge', () => {
    expect(nearestNames('zebra', names)).toEqual([]);
    expect(nearestNames('pa', names)).toEqual([]);
  });
  it('folds Arabic letter variants and diacritics', () => {
    expect(foldName('إدارةُ الهجرة')).toBe(foldName('ادارة الهجره'));
    expect(editDistance('palantir', 'palatnir')).toBe(1);
  });
});

describe('names split by first letter, and exact names', () => {
  it('puts each entry in the file of every first letter its names start with, and finds an exact name in it', async () => {
    const { nameBuckets } = await import('../../src/lib/views/search-names');
    const records: NameRecord[] = [
      ['مايكروسوفت', '/ar/companies/microsoft/', 'Microsoft'],
      ['مايكروسوفت تفصل موظفين', '/ar/events/microsoft-fires/'],
      ['إدارة الهجرة والجمارك', '/ar/agencies/ice/', 'ICE'],
    ];
    const buckets = nameBuckets(records);
    expect(buckets.get(nameBucket('مايكروسوفت')!)?.map((r) => r[1])).toEqual(['/ar/companies/microsoft/', '/ar/events/microsoft-fires/']);
    expect(buckets.get(nameBucket('microsoft')!)?.map((r) => r[1])).toEqual(['/ar/companies/microsoft/']);
    // Alef with hamza folds to bare alef: "ادارة" finds the file "إدارة" is in.
    expect(nameBucket('ادارة')).toBe(nameBucket('إدارة'));
    expect(exactName('مايكروسوفت', buckets.get(nameBucket('مايكروسوفت')!)!)).toBe('/ar/companies/microsoft/');
    expect(exactName('مايكرو', records)).toBeUndefined();
    expect(exactName('ice', records)).toBe('/ar/agencies/ice/');
  });

  it.each([
    ['another entry listed first', [['Palantir Impostor', '/companies/impostor/', 'Palantir'], ['Palantir', '/companies/palantir/']]],
    ['another entry listed last', [['Palantir', '/companies/palantir/'], ['Palantir Impostor', '/companies/impostor/', 'Palantir']]],
  ] as [string, NameRecord[]][])("an entry's own name outranks another entry's alias (%s)", (_name, records) => {
    expect(exactName('palantir', records)).toBe('/companies/palantir/');
    expect(nearestNames('Palantir', records)).toEqual([{ label: 'Palantir', href: '/companies/palantir/' }]);
    // An alias still finds its entry when no entry has that name.
    expect(exactName('palantir impostor', records)).toBe('/companies/impostor/');
    expect(exactName('ICE', [['U.S. Immigration and Customs Enforcement', '/agencies/ice/', 'ICE']])).toBe('/agencies/ice/');
  });
});

describe('names a query starts, shown while the full text is searched', () => {
  const records: NameRecord[] = [
    ['Palantir Technologies', '/companies/palantir-technologies/', 'Palantir'],
    ['Pal Security', '/companies/pal-security/'],
    ['Paladin Systems contract with the Palestinian Authority', '/contracts/paladin/'],
    ['Project Nimbus', '/contracts/project-nimbus/', 'Nimbus'],
    ['U.S. Immigration and Customs Enforcement', '/agencies/ice/', 'ICE'],
    ['بالانتير تكنولوجيز', '/ar/companies/palantir-technologies/', 'Palantir'],
  ];
  const hrefs = (q: string, limit?: number) => namesStarting(q, records, limit).map((r) => r[1]);

  it('puts an exact name or alias first, then names that start with the query, shorter first', () => {
    expect(hrefs('palantir')).toEqual(['/companies/palantir-technologies/', '/ar/companies/palantir-technologies/']);
    expect(hrefs('pal')).toEqual(['/companies/palantir-technologies/', '/ar/companies/palantir-technologies/', '/companies/pal-security/', '/contracts/paladin/']);
    expect(hrefs('ice')).toEqual(['/agencies/ice/']);
  });

  it('finds a later word of a name, after names that start with the query', () => {
    expect(hrefs('nimbus')).toEqual(['/contracts/project-nimbus/']);
    expect(hrefs('customs')).toEqual(['/agencies/ice/']);
    expect(hrefs('palest')).toEqual(['/contracts/paladin/']);
  });

  it('folds case, accents and Arabic letter forms, and ignores a query of one letter or none', () => {
    expect(hrefs('PALANTÍR')[0]).toBe('/companies/palantir-technologies/');
    expect(hrefs('بالانتير')).toEqual(['/ar/companies/palantir-technologies/']);
    expect(hrefs('p')).toEqual([]);
    expect(hrefs('  ')).toEqual([]);
    expect(hrefs('tir')).toEqual([]); // inside a word, not its start
  });

  it('keeps to the limit', () => {
    expect(hrefs('pal', 2)).toHaveLength(2);
  });
});
