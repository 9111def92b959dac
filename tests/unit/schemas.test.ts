import { describe, expect, it } from 'vitest';
import { agencySchema } from '../../src/schemas/agency';
import { companySchema } from '../../src/schemas/company';
import { contractSchema } from '../../src/schemas/contract';
import { eventSchema } from '../../src/schemas/event';
import { money } from '../../src/schemas/money';
import { citation, entryKey, isValidPartialDate, partialDate } from '../../src/schemas/shared';
import { sourceSchema } from '../../src/schemas/source';
import { translationSchema } from '../../src/schemas/translation';

const base = { summary: 'A sentence that is long enough to be a summary.', sources: ['a-source'] };

function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return result.success ? [] : result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('partial dates', () => {
  it.each([
    ['2025', true],
    ['2025-04', true],
    ['2025-04-17', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13', false],
    ['2025-00', false],
    ['2025-04-31', false],
    ['25-04-01', false],
    ['2025/04/01', false],
    ['April 2025', false],
  ])('%s valid=%s', (value, valid) => {
    expect(isValidPartialDate(value)).toBe(valid);
    expect(partialDate.safeParse(value).success).toBe(valid);
  });

  it('normalises YAML numbers and dates back to their written precision', () => {
    expect(partialDate.parse(2025)).toBe('2025');
    expect(partialDate.parse(new Date(Date.UTC(2025, 3, 17)))).toBe('2025-04-17');
  });
});

describe('shared pieces', () => {
  it.each([
    ['companies/palantir', true],
    ['agencies/ice', true],
    ['persons/someone', false],
    ['companies/Palantir', false],
    ['palantir', false],
  ])('entry key %s valid=%s', (value, valid) => expect(entryKey.safeParse(value).success).toBe(valid));

  it('accepts a citation as an id or an object with via', () => {
    expect(citation.safeParse('arabi-post').success).toBe(true);
    expect(citation.safeParse({ source: 'arabi-post', via: '+972 Magazine' }).success).toBe(true);
    expect(citation.safeParse({ source: 'Arabi Post' }).success).toBe(false);
    expect(citation.safeParse({ source: 'a', extra: 1 }).success).toBe(false);
  });
});

describe('money', () => {
  const ok = { amount: 30_000_000, currency: 'USD', kind: 'reported', source: 's' };
  it('accepts a valid amount and defaults isMinimum to false', () => expect(money.parse(ok).isMinimum).toBe(false));
  it.each([
    [{ ...ok, currency: 'usd' }, 'currency'],
    [{ ...ok, currency: 'XYZ' }, 'currency'],
    [{ ...ok, amount: -5 }, 'amount'],
    [{ ...ok, amount: '30 million' }, 'amount'],
    [{ ...ok, kind: 'guessed' }, 'kind'],
    [{ ...ok, asOf: '2025-14' }, 'asOf'],
  ])('rejects %j at %s', (value, field) => {
    const r = money.safeParse(value);
    expect(r.success).toBe(false);
    expect(messages(r).some((m) => m.startsWith(field))).toBe(true);
  });
});

describe('company schema', () => {
  const valid = { name: 'Palantir Technologies', country: 'US', website: 'https://www.palantir.com', wikidata: 'Q2047336', founded: 2003, ...base };
  it('accepts a valid company', () => expect(companySchema.safeParse(valid).success).toBe(true));
  it.each([
    [{ ...valid, country: 'USA' }, 'country'],
    [{ ...valid, website: 'http://www.palantir.com' }, 'website'],
    [{ ...valid, website: 'javascript:alert(1)' }, 'website'],
    [{ ...valid, wikidata: '2047336' }, 'wikidata'],
    [{ ...valid, parent: 'Not An Id' }, 'parent'],
    [{ ...valid, tags: ['magic'] }, 'tags.0'],
    [{ ...valid, sources: [] }, 'sources'],
    [{ ...valid, summary: 'short' }, 'summary'],
    [{ ...valid, summary: 'line one is long enough\nline two' }, 'summary'],
    [{ ...valid, nmae: 'typo' }, ''],
  ])('rejects %j at %s', (value, field) => {
    const r = companySchema.safeParse(value);
    expect(r.success).toBe(false);
    expect(messages(r).some((m) => m.startsWith(field))).toBe(true);
  });
});

describe('agency schema', () => {
  const valid = { name: 'U.S. Immigration and Customs Enforcement', acronym: 'ICE', parent: 'dhs', country: 'US', level: 'national', ...base };
  it('accepts a valid agency', () => expect(agencySchema.safeParse(valid).success).toBe(true));
  it('rejects an unknown level', () => expect(messages(agencySchema.safeParse({ ...valid, level: 'federal' }))[0]).toMatch(/^level: must be one of/));
  it('requires a country', () => expect(agencySchema.safeParse({ ...valid, country: undefined }).success).toBe(false));
});

describe('contract schema', () => {
  const valid = {
    title: 'ImmigrationOS',
    buyer: 'ice',
    suppliers: [{ company: 'palantir-technologies', role: 'prime' }],
    values: [{ amount: 30_000_000, currency: 'USD', kind: 'reported', source: 's' }],
    awarded: '2025-04',
    ...base,
  };
  it('accepts a valid contract with defaults', () => {
    const c = contractSchema.parse(valid);
    expect(c.status).toBe('unknown');
    expect(c.identifiers).toEqual([]);
  });
  it.each([
    [{ ...valid, suppliers: [] }, 'suppliers'],
    [{ ...valid, suppliers: [{ company: 'x', role: 'boss' }] }, 'suppliers.0.role'],
    [{ ...valid, start: '2025-05', end: '2025-01' }, 'end'],
    [{ ...valid, procurementUrl: 'ftp://example.org/x' }, 'procurementUrl'],
    [{ ...valid, awarded: '2025-4' }, 'awarded'],
  ])('rejects %j at %s', (value, field) => {
    const r = contractSchema.safeParse(value);
    expect(r.success).toBe(false);
    expect(messages(r).some((m) => m.startsWith(field))).toBe(true);
  });
  it('lets an end date of lower precision contain the start', () => {
    expect(contractSchema.safeParse({ ...valid, start: '2025-05', end: '2025' }).success).toBe(true);
  });
});

describe('event schema', () => {
  const valid = { title: 'A protest', date: '2022-07', kind: 'protest', involved: ['companies/amazon-web-services'], ...base };
  it('accepts a valid event and defaults the qualifier to "on"', () => expect(eventSchema.parse(valid).dateQualifier).toBe('on'));
  it.each([
    [{ ...valid, date: undefined }, 'date'],
    [{ ...valid, kind: 'riot' }, 'kind'],
    [{ ...valid, involved: ['amazon'] }, 'involved.0'],
    [{ ...valid, endDate: '2021' }, 'endDate'],
    [{ ...valid, dateQualifier: 'maybe' }, 'dateQualifier'],
    [{ ...valid, location: { country: 'Minnesota' } }, 'location.country'],
  ])('rejects %j at %s', (value, field) => {
    const r = eventSchema.safeParse(value);
    expect(r.success).toBe(false);
    expect(messages(r).some((m) => m.startsWith(field))).toBe(true);
  });
});

describe('source schema', () => {
  const valid = { title: 'عنوان', language: 'ar', kind: 'news', published: '2026-02-19', url: 'https://example.org/a' };
  it('accepts a valid source', () => expect(sourceSchema.safeParse(valid).success).toBe(true));
  it('accepts a source with no URL (never invent one)', () => expect(sourceSchema.safeParse({ ...valid, url: undefined }).success).toBe(true));
  it.each([
    [{ ...valid, language: 'arabic!' }, 'language'],
    [{ ...valid, kind: 'blog' }, 'kind'],
    [{ ...valid, url: 'javascript:alert(1)' }, 'url'],
    [{ ...valid, archiveUrl: 'data:text/html,x' }, 'archiveUrl'],
    [{ ...valid, url: 'example.org' }, 'url'],
  ])('rejects %j at %s', (value, field) => {
    const r = sourceSchema.safeParse(value);
    expect(r.success).toBe(false);
    expect(messages(r).some((m) => m.startsWith(field))).toBe(true);
  });
});

describe('translation schema', () => {
  it('needs a name and accepts nothing typed', () => {
    expect(translationSchema.safeParse({ name: 'بالانتير' }).success).toBe(true);
    expect(translationSchema.safeParse({ summary: 'ملخص طويل بما يكفي' }).success).toBe(false);
    expect(translationSchema.safeParse({ name: 'x', country: 'US' }).success).toBe(false);
  });
});
