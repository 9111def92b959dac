/**
 * What /data/ states about each export: sizes and counts of the files this
 * build wrote (output/exports/site.ts exportFiles, never a second run of a
 * builder), the CSV columns as csv.ts groups them, the JSON Schemas and an
 * example entry file.
 *
 * Pure: no Node, no Astro.
 */
import { LOCALE_INFO, translator, type Locale, type UiKey } from '../../i18n';
import { COLLECTIONS } from '../isomorphic/collections';
import type { EntryKey } from '../isomorphic/entry-keys';
import { localePath, withBase } from '../isomorphic/paths';
import { API_PREFIX } from '../output/exports/context';
import { CONTRACT_CSV_GROUPS, ROLE_CSV_COLUMNS } from '../output/exports/csv';
import { SCHEMA_NAMES } from '../output/exports/json-schema';
import { entryApiPath } from '../output/exports/records';
import type { ExportFiles } from '../output/exports/site';

/** The parts of a record /data/ explains, with the label of each. */
const RECORD_FIELDS: [string, UiKey][] = [
  ['type', 'data.field.type'],
  ['id, key', 'data.field.id'],
  ['url, urls, api', 'data.field.url'],
  ['name, summary', 'data.field.name'],
  ['tags', 'data.field.tags'],
  ['translations.ar', 'data.field.translations'],
  ['facts', 'data.field.facts'],
  ['history', 'data.field.history'],
];

const SECTIONS: [string, UiKey][] = [
  ['licence', 'data.licenceTitle'],
  ['entries', 'data.entries.title'],
  ['entry', 'data.entry.title'],
  ['contracts-csv', 'data.csv.title'],
  ['roles-csv', 'data.rolesCsv.title'],
  ['ftm', 'data.ftm.title'],
  ['json-schema', 'data.schema.title'],
  ['feeds', 'data.feeds.title'],
  ['changes', 'data.changes.title'],
  ['dates', 'data.dates.title'],
];

export function dataPage(files: ExportFiles, example: EntryKey | undefined, creditUrl: string, locale: Locale) {
  const t = translator(locale);
  const intl = LOCALE_INFO[locale].intl;
  const bytes = (text: string) => new TextEncoder().encode(text).length;
  const size = (text: string) => new Intl.NumberFormat(intl, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 }).format(bytes(text) / 1000);
  return {
    sections: SECTIONS.map(([id, key]) => ({ id, title: t(key) })),
    creditUrl,
    links: {
      entries: withBase(`${API_PREFIX}/entries.json`),
      csv: withBase(`${API_PREFIX}/contracts.csv`),
      rolesCsv: withBase(`${API_PREFIX}/roles.csv`),
      ftm: withBase(`${API_PREFIX}/ftm.jsonl`),
      feedEn: withBase(localePath('en', '/feed.xml')),
      feedAr: withBase(localePath('ar', '/feed.xml')),
      sitemap: withBase('/sitemap.xml'),
      changes: withBase(`${API_PREFIX}/changes.json`),
    },
    entriesInfo: t('data.fileInfo', { count: t('data.count.entries', { count: files.entries.count }), size: size(files.entries.text) }),
    csvInfo: t('data.fileInfo', { count: t('data.count.rows', { count: files.contractsCsv.rows }), size: size(files.contractsCsv.text) }),
    rolesCsvInfo: t('data.fileInfo', { count: t('data.count.rows', { count: files.rolesCsv.rows }), size: size(files.rolesCsv.text) }),
    rolesCsvColumns: ROLE_CSV_COLUMNS,
    ftmInfo: t('data.fileInfo', { count: t('data.count.entities', { count: files.ftm.entities }), size: size(files.ftm.text) }),
    recordFields: RECORD_FIELDS.map(([names, key]) => ({ names, text: t(key) })),
    csvGroups: Object.entries(CONTRACT_CSV_GROUPS).map(([group, names]) => ({ names, text: t(`data.csv.col.${group}` as UiKey) })),
    ftmRows: [...COLLECTIONS.map((c) => ({ label: t(`collection.${c}` as UiKey), text: t(`data.ftm.${c}` as UiKey) })), { label: t('data.ftm.citations'), text: t('data.ftm.citationsText') }],
    schemas: SCHEMA_NAMES.map((name) => ({
      name,
      href: withBase(`${API_PREFIX}/schema/${name}.json`),
      label: name === 'translation' ? t('data.schema.translation') : t(`collection.${name}` as UiKey),
    })),
    example: example ? { href: withBase(entryApiPath(example)), path: entryApiPath(example) } : undefined,
    entryPattern: `${withBase(API_PREFIX)}/<collection>/<id>.json`,
  };
}
