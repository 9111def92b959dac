/**
 * Interface phrases that carry a count, in every plural form each language
 * has (lib/isomorphic/plural.ts). The translator uses these in place of the
 * plain text whenever a key here is given a numeric `count`.
 */
import type { PluralForms } from '../lib/isomorphic/plural';
import type { UiKey } from './en';

export type PluralTable = Partial<Record<UiKey, PluralForms>>;

export const PLURALS_EN: PluralTable = {
  'list.count': { one: '{count} entry', other: '{count} entries' },
  'search.count': { one: '{count} result', other: '{count} results' },
  'timeline.count': { one: '{count} item shown', other: '{count} items shown' },
  'count.contracts': { one: '{count} contract', other: '{count} contracts' },
  'count.companies': { one: '{count} company', other: '{count} companies' },
  'count.agencies': { one: '{count} agency', other: '{count} agencies' },
  'count.connections': { one: '{count} connection', other: '{count} connections' },
  'data.count.entries': { one: '{count} entry', other: '{count} entries' },
  'data.count.rows': { one: '{count} row', other: '{count} rows' },
  'data.count.entities': { one: '{count} entity', other: '{count} entities' },
  'history.count': { one: '{count} version', other: '{count} versions' },
  'history.words': { one: '{count} word', other: '{count} words' },
  'entry.backlinksAbove': {
    one: '{count} entry that links here is listed above (relations and timeline) and is not repeated.',
    other: '{count} entries that link here are listed above (relations and timeline) and are not repeated.',
  },
};

/** Arabic: the counted noun agrees with the number (one and two by the noun alone; 3–10 plural; 11–99 accusative singular; 100+ genitive singular). */
export const PLURALS_AR: PluralTable = {
  'list.count': { zero: 'لا مدخلات', one: 'مدخل واحد', two: 'مدخلان', few: '{count} مدخلات', many: '{count} مدخلًا', other: '{count} مدخل' },
  'search.count': { zero: 'لا نتائج', one: 'نتيجة واحدة', two: 'نتيجتان', few: '{count} نتائج', many: '{count} نتيجةً', other: '{count} نتيجة' },
  'count.contracts': { zero: 'لا عقود', one: 'عقد واحد', two: 'عقدان', few: '{count} عقود', many: '{count} عقدًا', other: '{count} عقد' },
  'count.companies': { zero: 'لا شركات', one: 'شركة واحدة', two: 'شركتان', few: '{count} شركات', many: '{count} شركةً', other: '{count} شركة' },
  'count.agencies': { zero: 'لا جهات', one: 'جهة واحدة', two: 'جهتان', few: '{count} جهات', many: '{count} جهةً', other: '{count} جهة' },
  'history.count': { zero: 'لا نسخ', one: 'نسخة واحدة', two: 'نسختان', few: '{count} نسخ', many: '{count} نسخةً', other: '{count} نسخة' },
  'history.words': { zero: 'لا كلمات', one: 'كلمة واحدة', two: 'كلمتان', few: '{count} كلمات', many: '{count} كلمةً', other: '{count} كلمة' },
  'count.connections': { zero: 'لا علاقات', one: 'علاقة واحدة', two: 'علاقتان', few: '{count} علاقات', many: '{count} علاقةً', other: '{count} علاقة' },
};
