/**
 * "Cite this entry": the six formats for fixed records, checked against
 * expected strings written out by hand, plus the access-date fragments the
 * in-page script swaps to the reader's today.
 */
import { describe, expect, test } from 'vitest';
import { accessedFragment, CITE_FORMATS, citeFormats, htmlToText, latexEscape, plainRecord, STYLED_FORMATS, type CiteFormatId, type CiteRecord } from '../../src/lib/views/cite-formats';
import { readContentDir } from '../../src/lib/content/files';
import { frontmatterName } from '../../src/lib/output/og/cards';
import { localToday, parseDay, usLongDate } from '../../src/lib/isomorphic/cite-accessed';

const palantir: CiteRecord = {
  key: 'companies_palantir_technologies',
  title: 'Palantir Technologies',
  url: 'https://wiki.example.org/companies/palantir-technologies/',
  publisher: 'Surveillance Tech Accountability Wiki',
  updated: '2026-11-23',
  version: '2026-11-23',
  accessed: '2026-12-01',
  language: 'en',
};

/** Contributors as author, no known version date, an access date in September (MLA "Sept."). */
const contributors: CiteRecord = {
  key: 'agencies_ice',
  title: 'U.S. Immigration and Customs Enforcement',
  url: 'https://wiki.example.org/agencies/ice/',
  publisher: 'Surveillance Tech Accountability Wiki',
  accessed: '2026-09-05',
  authors: ['Contributors'],
  language: 'en',
};

/** The Arabic page of an entry: Arabic title and site name, kept intact in every format. */
const arabic: CiteRecord = {
  key: 'companies_palantir_technologies',
  title: 'بالانتير تكنولوجيز',
  url: 'https://wiki.example.org/ar/companies/palantir-technologies/',
  publisher: 'ويكي مساءلة تقنيات المراقبة',
  updated: '2026-06-07',
  version: '2026-06-07',
  accessed: '2026-07-09',
  language: 'ar',
};

const expected: [name: string, record: CiteRecord, format: CiteFormatId, text: string][] = [
  [
    'palantir',
    palantir,
    'apa',
    'Palantir Technologies. (2026, November 23). In Surveillance Tech Accountability Wiki. Retrieved December 1, 2026, from https://wiki.example.org/companies/palantir-technologies/',
  ],
  [
    'palantir',
    palantir,
    'mla',
    '“Palantir Technologies.” Surveillance Tech Accountability Wiki, 23 Nov. 2026, https://wiki.example.org/companies/palantir-technologies/. Accessed 1 Dec. 2026.',
  ],
  [
    'palantir',
    palantir,
    'chicago',
    '“Palantir Technologies.” Surveillance Tech Accountability Wiki. Last modified November 23, 2026. Accessed December 1, 2026. https://wiki.example.org/companies/palantir-technologies/.',
  ],
  [
    'palantir',
    palantir,
    'bibtex',
    [
      '@misc{companies_palantir_technologies,',
      '\tnote = {[Online; accessed 2026-12-01]},',
      '\tyear = {2026},',
      '\tmonth = {nov 23},',
      '\tpublisher = {Surveillance Tech Accountability Wiki},',
      '\ttitle = {Palantir {Technologies}},',
      '\turl = {https://wiki.example.org/companies/palantir-technologies/},',
      '}',
    ].join('\n'),
  ],
  [
    'palantir',
    palantir,
    'ris',
    [
      'TY  - ENCYC',
      'DA  - 2026/11/23/',
      'PY  - 2026',
      'ID  - companies_palantir_t',
      'LA  - en',
      'PB  - Surveillance Tech Accountability Wiki',
      'T2  - Surveillance Tech Accountability Wiki',
      'TI  - Palantir Technologies',
      'UR  - https://wiki.example.org/companies/palantir-technologies/',
      'Y2  - 2026/12/1/',
      'ER  -',
    ].join('\n'),
  ],
  [
    'palantir',
    palantir,
    'csl-json',
    `[
  {
    "id": "companies_palantir_technologies",
    "citation-key": "companies_palantir_technologies",
    "type": "entry-encyclopedia",
    "title": "Palantir Technologies",
    "container-title": "Surveillance Tech Accountability Wiki",
    "publisher": "Surveillance Tech Accountability Wiki",
    "URL": "https://wiki.example.org/companies/palantir-technologies/",
    "accessed": {"date-parts": [[2026, 12, 1]]},
    "issued": {"date-parts": [[2026, 11, 23]]},
    "version": "2026-11-23",
    "language": "en"
  }
]`,
  ],
  [
    'contributors, no date',
    contributors,
    'apa',
    'Contributors. (n.d.). U.S. Immigration and Customs Enforcement. In Surveillance Tech Accountability Wiki. Retrieved September 5, 2026, from https://wiki.example.org/agencies/ice/',
  ],
  [
    'contributors, no date',
    contributors,
    'mla',
    'Contributors. “U.S. Immigration and Customs Enforcement.” Surveillance Tech Accountability Wiki, https://wiki.example.org/agencies/ice/. Accessed 5 Sept. 2026.',
  ],
  [
    'contributors, no date',
    contributors,
    'chicago',
    'Contributors. “U.S. Immigration and Customs Enforcement.” Surveillance Tech Accountability Wiki. Accessed September 5, 2026. https://wiki.example.org/agencies/ice/.',
  ],
  [
    'contributors, no date',
    contributors,
    'bibtex',
    [
      '@misc{agencies_ice,',
      '\tnote = {[Online; accessed 2026-09-05]},',
      '\tauthor = {{Contributors}},',
      '\tpublisher = {Surveillance Tech Accountability Wiki},',
      '\ttitle = {U.{S}. {Immigration} and {Customs} {Enforcement}},',
      '\turl = {https://wiki.example.org/agencies/ice/},',
      '}',
    ].join('\n'),
  ],
  [
    'contributors, no date',
    contributors,
    'ris',
    [
      'TY  - ENCYC',
      'AU  - Contributors',
      'ID  - agencies_ice',
      'LA  - en',
      'PB  - Surveillance Tech Accountability Wiki',
      'T2  - Surveillance Tech Accountability Wiki',
      'TI  - U.S. Immigration and Customs Enforcement',
      'UR  - https://wiki.example.org/agencies/ice/',
      'Y2  - 2026/9/5/',
      'ER  -',
    ].join('\n'),
  ],
  [
    'arabic',
    arabic,
    'apa',
    'بالانتير تكنولوجيز. (2026, June 7). In ويكي مساءلة تقنيات المراقبة. Retrieved July 9, 2026, from https://wiki.example.org/ar/companies/palantir-technologies/',
  ],
  [
    'arabic',
    arabic,
    'mla',
    '“بالانتير تكنولوجيز.” ويكي مساءلة تقنيات المراقبة, 7 June 2026, https://wiki.example.org/ar/companies/palantir-technologies/. Accessed 9 July 2026.',
  ],
  [
    'arabic',
    arabic,
    'bibtex',
    [
      '@misc{companies_palantir_technologies,',
      '\tnote = {[Online; accessed 2026-07-09]},',
      '\tyear = {2026},',
      '\tmonth = {jun 7},',
      '\tpublisher = {ويكي مساءلة تقنيات المراقبة},',
      '\ttitle = {بالانتير تكنولوجيز},',
      '\turl = {https://wiki.example.org/ar/companies/palantir-technologies/},',
      '}',
    ].join('\n'),
  ],
];

describe('citeFormats: expected strings', () => {
  test.each(expected.map(([name, record, format, text]) => [name, format, record, text] as const))('%s: %s', (_name, format, record, text) => {
    expect(citeFormats(record).text[format]).toBe(text);
  });

  test('every format is produced, and CSL-JSON parses back to the record', () => {
    const out = citeFormats(palantir);
    expect(Object.keys(out.text).sort()).toEqual([...CITE_FORMATS].sort());
    const [item] = JSON.parse(out.text['csl-json']) as Record<string, unknown>[];
    expect(item).toMatchObject({ title: palantir.title, URL: palantir.url, version: '2026-11-23', issued: { 'date-parts': [[2026, 11, 23]] } });
  });

  test('the HTML of the styled formats italicises the site name and escapes contributor text', () => {
    const out = citeFormats({ ...palantir, title: 'A </div><script>alert(1)</script> & B' });
    expect(out.html.apa).toContain('In <i>Surveillance Tech Accountability Wiki</i>.');
    expect(out.html.mla).toContain('<i>Surveillance Tech Accountability Wiki</i>, 23 Nov. 2026');
    for (const html of Object.values(out.html)) {
      expect(html).not.toMatch(/<\/?(script|div)/i);
      expect(html).toContain('&#60;script&#62;');
    }
    expect(out.text.apa).toContain('A </div><script>alert(1)</script> & B.');
  });

  test('the plain text of each styled format is what citation-js writes as text', async () => {
    const { Cite } = await import('@citation-js/core');
    const { cslItem } = await import('../../src/lib/views/cite-formats');
    // (Runs of spaces around a no-break space are the one known difference; titles are trimmed single-spaced text.)
    for (const record of [palantir, contributors, arabic, { ...palantir, title: 'A <b> & "c" d' }]) {
      const out = citeFormats(record);
      const cite = new Cite(cslItem(record));
      for (const [format, template] of [['apa', 'wiki-apa'], ['mla', 'wiki-mla'], ['chicago', 'wiki-chicago']] as const) {
        expect(out.text[format]).toBe(String(cite.format('bibliography', { template, format: 'text', lang: 'en-US' })).trim());
      }
    }
  });

  test('htmlToText drops tags and decodes character references', () => {
    expect(htmlToText('<i>a</i> &#60;b&#62; &#x26; &amp; &quot;c&quot; &unknown;')).toBe('a <b> & & "c" &unknown;');
  });

  test('BibTeX escapes LaTeX specials and keeps non-Latin letters', () => {
    expect(latexEscape('50% of {x} & y_z #1 $2 a~b ^ \\ <>')).toBe(
      '50\\% of \\{x\\} \\& y\\_z \\#1 \\$2 a\\textasciitilde{}b \\textasciicircum{} \\textbackslash{} \\textless{}\\textgreater{}',
    );
    const bib = citeFormats({ ...arabic, title: 'عقد & 50%' }).text.bibtex;
    expect(bib).toContain('title = {عقد \\& 50\\%}');
  });

  test('formatting BibTeX leaves citation-js in its default ASCII-only mode for other callers', async () => {
    const { plugins } = await import('@citation-js/core');
    citeFormats(arabic);
    expect(plugins.config.get('@bibtex').format.asciiOnly).toBe(true);
  });
});

describe('access-date fragments (what the page script swaps to the reader’s today)', () => {
  const records: [string, CiteRecord][] = [
    ['palantir', palantir],
    ['contributors', contributors],
    ['arabic', arabic],
    // Accessed on the day it was last changed: the fragment must still be unique.
    ['same day', { ...palantir, updated: '2026-12-01', version: '2026-12-01' }],
  ];
  const cases = records.flatMap(([name, record]) => CITE_FORMATS.map((format) => [name, format, record] as const));

  test.each(cases)('%s: %s contains its access-date fragment exactly once', (_name, format, record) => {
    const text = citeFormats(record).text[format];
    const fragment = accessedFragment(format, record.accessed);
    expect(text.split(fragment).length - 1).toBe(1);
  });

  test.each(cases)('%s: swapping the %s fragment equals regenerating with the new date', (_name, format, record) => {
    const later = '2027-02-28';
    const swapped = citeFormats(record).text[format].replace(accessedFragment(format, record.accessed), accessedFragment(format, later));
    expect(swapped).toBe(citeFormats({ ...record, accessed: later }).text[format]);
  });

  test('date helpers', () => {
    expect(usLongDate(parseDay('2026-12-01'))).toBe('December 1, 2026');
    expect(localToday(new Date(2026, 0, 9, 23, 59))).toBe('2026-01-09');
    expect(() => parseDay('2026-1-9')).toThrow();
  });
});

describe('the three styles written directly are exactly what citeproc writes', () => {
  const base: CiteRecord = {
    key: 'k',
    title: 'x',
    url: 'https://wiki.example.org/companies/x/',
    publisher: 'Surveillance Tech Accountability Wiki',
    updated: '2026-09-05',
    accessed: '2026-07-09',
    version: '2026-09-05',
  };
  // Every real entry name in both languages, and awkward cases around the edges of "plain".
  const realNames = readContentDir(process.cwd()).files.map((f) => frontmatterName(f.collection, f.frontmatter, !!f.locale)).filter((n): n is string => !!n);
  const titles = [
    ...realNames,
    'U.S. Immigration and Customs Enforcement (ICE)',
    'ICE',
    'X',
    '2025',
    'Unit 8200 – Israel / IDF: cloud contract, phase 2',
    'Project Nimbus — Google and Amazon',
    'بالانتير تكنولوجيز',
    'وِحدة ٨٢٠٠',
    'Palantir’s ImmigrationOS',
    "Palantir's ImmigrationOS",
    'Title ending in a full stop.',
    'Is this a question?',
    'A & B <C>',
    '"Quoted" title',
    'Two  spaces',
    'Trailing colon:',
    "Workers' letter",
    "'Quoted' start",
    'ICE receives a US$75 billion budget increase',
  ];
  const records: CiteRecord[] = [
    ...titles.map((title) => ({ ...base, title })),
    { ...base, title: 'ICE', updated: undefined, version: undefined },
    { ...base, title: 'ICE', authors: ['Contributors'] },
    { ...base, title: 'ICE', authors: ['Contributors', 'Jane Doe'], updated: undefined },
    { ...base, title: 'ICE', authors: ['J. Doe'] },
    { ...base, title: 'ICE', authors: ["Dana O'Neil"], publisher: "The People's Wiki" },
    { ...base, title: 'شركة', publisher: 'ويكي مساءلة تقنيات المراقبة', url: 'https://wiki.example.org/ar/companies/x/', language: 'ar' },
    { ...base, title: 'ICE', url: 'https://wiki.example.org/a?b=1&c=2' },
    ...['2026-01-31', '2026-05-01', '2026-06-15', '2026-07-04', '2026-09-30', '2026-12-25'].map((updated) => ({ ...base, title: 'ICE', updated, accessed: updated })),
  ];

  test('the test covers both paths', () => {
    expect(realNames.length).toBeGreaterThan(50);
    expect(records.filter(plainRecord).length).toBeGreaterThan(50);
    expect(records.filter((r) => !plainRecord(r)).length).toBeGreaterThanOrEqual(8);
  });

  test.each(records.map((r) => [r.title, r.authors?.join('; ') ?? '', r.updated ?? 'n.d.', r] as const))('%s (%s, %s)', (_t, _a, _u, record) => {
    const fast = citeFormats(record);
    const slow = citeFormats(record, { alwaysCiteproc: true });
    for (const id of STYLED_FORMATS) {
      expect(fast.html[id]).toBe(slow.html[id]);
      expect(fast.text[id]).toBe(slow.text[id]);
    }
  });
});
