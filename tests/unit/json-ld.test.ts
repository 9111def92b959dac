/** JSON-LD for entry pages: schema.org types per collection, links, and safe serialisation. */
import { describe, expect, test } from 'vitest';
import { entityJsonLd, entryJsonLd, serializeJsonLd, type JsonLdInput, type LinkedEntry } from '../../src/lib/views/json-ld';
import type { CollectionName } from '../../src/schemas/shared';
import { referencesIn } from '../../src/schemas/references';

const SITE = 'https://wiki.example.org';
const known: Record<string, LinkedEntry> = {
  'companies/alphabet': { collection: 'companies', name: 'Alphabet', url: `${SITE}/companies/alphabet/`, id: `${SITE}/companies/alphabet/#subject` },
  'agencies/dhs': { collection: 'agencies', name: 'DHS', url: `${SITE}/agencies/dhs/`, id: `${SITE}/agencies/dhs/#subject` },
  'agencies/ice': { collection: 'agencies', name: 'ICE', url: `${SITE}/agencies/ice/`, id: `${SITE}/agencies/ice/#subject` },
  'companies/palantir': { collection: 'companies', name: 'Palantir', url: `${SITE}/companies/palantir/`, id: `${SITE}/companies/palantir/#subject` },
};

function input(collection: CollectionName, data: Record<string, unknown>, name = 'Name'): JsonLdInput {
  const url = `${SITE}/${collection}/x/`;
  return {
    collection,
    data,
    references: referencesIn(collection, data).map((r) => ({ relation: r.relation, target: `${r.collection}/${r.id}` })),
    name,
    description: 'One sentence.',
    url,
    id: `${url}#subject`,
    inLanguage: 'en',
    dateModified: '2026-11-23T10:00:00Z',
    site: { name: 'Wiki', url: `${SITE}/` },
    resolve: (key) => known[key],
  };
}

describe('schema.org type and properties per collection', () => {
  const cases: [string, JsonLdInput, Record<string, unknown>][] = [
    [
      'company',
      input('companies', { name: 'Google', parent: 'alphabet', website: 'https://about.google/', wikidata: 'Q95', founded: 1998, country: 'US', aliases: ['Google LLC'] }),
      {
        '@type': 'Organization',
        sameAs: ['https://about.google/', 'https://www.wikidata.org/wiki/Q95'],
        parentOrganization: { '@type': 'Organization', '@id': known['companies/alphabet']!.id, name: 'Alphabet', url: known['companies/alphabet']!.url },
        foundingDate: '1998',
        address: { '@type': 'PostalAddress', addressCountry: 'US' },
      },
    ],
    [
      'agency',
      input('agencies', { parent: 'dhs', country: 'US', level: 'national' }),
      { '@type': 'GovernmentOrganization', parentOrganization: { '@type': 'GovernmentOrganization', '@id': known['agencies/dhs']!.id, name: 'DHS', url: known['agencies/dhs']!.url } },
    ],
    [
      'event on a date',
      input('events', { date: '2026-01-24', dateQualifier: 'on', location: { place: 'Minneapolis', country: 'US' }, involved: ['agencies/ice', 'companies/missing'] }),
      {
        '@type': 'Event',
        startDate: '2026-01-24',
        location: { '@type': 'Place', name: 'Minneapolis', address: { '@type': 'PostalAddress', addressCountry: 'US' } },
        about: [{ '@type': 'GovernmentOrganization', '@id': known['agencies/ice']!.id, name: 'ICE', url: known['agencies/ice']!.url }],
      },
    ],
    ['contract', input('contracts', { buyer: 'ice', suppliers: [{ company: 'palantir' }], identifiers: [{ scheme: 'piid', value: '70CMSD25C00001', source: 's' }] }), { '@type': 'Thing', identifier: [{ '@type': 'PropertyValue', propertyID: 'piid', value: '70CMSD25C00001' }] }],
    [
      'news source',
      input('sources', { kind: 'news', publisher: 'TechCrunch', authors: ['A. Writer'], published: '2026-01', language: 'en', url: 'https://techcrunch.com/x' }),
      { '@type': 'NewsArticle', headline: 'Name', author: ['A. Writer'], publisher: { '@type': 'Organization', name: 'TechCrunch' }, datePublished: '2026-01', inLanguage: 'en', sameAs: ['https://techcrunch.com/x'] },
    ],
    ['NGO report', input('sources', { kind: 'ngo-report', language: 'ar' }), { '@type': 'Report', inLanguage: 'ar' }],
    ['government record', input('sources', { kind: 'government-record', language: 'en' }), { '@type': 'CreativeWork' }],
  ];

  test.each(cases)('%s', (_name, given, expected) => {
    const entity = entityJsonLd(given);
    expect(entity).toMatchObject({ ...expected, '@id': given.id, name: given.name, url: given.url, description: 'One sentence.' });
  });

  test('a date known only approximately is not stated as the start date', () => {
    const entity = entityJsonLd(input('events', { date: '2026', dateQualifier: 'about' }));
    expect(entity).not.toHaveProperty('startDate');
  });

  test('unknown facts are left out rather than written empty', () => {
    const entity = entityJsonLd(input('companies', { name: 'X' }));
    expect(Object.keys(entity).sort()).toEqual(['@id', '@type', 'description', 'name', 'url']);
  });

  test('a contract page mentions its buyer and suppliers; the page names its main entity', () => {
    const doc = entryJsonLd(input('contracts', { buyer: 'ice', suppliers: [{ company: 'palantir' }] }));
    expect(doc['@context']).toBe('https://schema.org');
    const [page, entity] = doc['@graph'] as Record<string, unknown>[];
    expect(page).toMatchObject({ '@type': 'WebPage', mainEntity: { '@id': (entity as { '@id': string })['@id'] }, dateModified: '2026-11-23T10:00:00Z', inLanguage: 'en' });
    expect((page!.mentions as { name: string }[]).map((m) => m.name)).toEqual(['ICE', 'Palantir']);
  });
});

describe('serializeJsonLd', () => {
  test('a name containing </script><script>alert(1)</script> cannot close the script element', () => {
    const evil = '</script><script>alert(1)</script>';
    const out = serializeJsonLd(entryJsonLd(input('companies', { name: evil }, evil)));
    expect(out).not.toMatch(/[<>]/);
    expect(out).not.toMatch(/<\/script/i);
    expect(out).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
    // Still the same data to a JSON parser.
    const parsed = JSON.parse(out) as { '@graph': { name: string }[] };
    expect(parsed['@graph'][1]!.name).toBe(evil);
  });

  test('&, U+2028 and U+2029 are escaped too, and round-trip', () => {
    const value = { name: 'AT&T \u2028 line \u2029 para <!-- x -->' };
    const out = serializeJsonLd(value);
    expect(out).toBe('{"name":"AT\\u0026T \\u2028 line \\u2029 para \\u003c!-- x --\\u003e"}');
    expect(out).not.toMatch(/[&\u2028\u2029]/);
    expect(JSON.parse(out)).toEqual(value);
  });
});
