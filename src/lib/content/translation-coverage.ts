/** Translation coverage lines for `npm run validate`. */
import { TRANSLATION_LOCALES } from '../isomorphic/collections';
import type { CheckedEntry } from './check';

export function translationCoverage(entries: readonly CheckedEntry[]): string[] {
  return TRANSLATION_LOCALES.map((locale) => {
    const missing = entries.filter((e) => !e.translations[locale]);
    const done = entries.length - missing.length;
    const pct = entries.length ? Math.round((done / entries.length) * 100) : 100;
    const list = missing.length ? ` Missing: ${missing.slice(0, 10).map((e) => e.key).join(', ')}${missing.length > 10 ? ` and ${missing.length - 10} more` : ''}.` : '';
    return `Translation coverage (${locale}): ${done}/${entries.length} entries (${pct}%).${list}`;
  });
}
