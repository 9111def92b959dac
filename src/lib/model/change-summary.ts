/**
 * One line saying what a version of an entry changed, in the reader's
 * language, for the feeds: read from the same diffs (version-diff.ts) as the
 * history page and the delta export, so they agree.
 *
 * Pure: no Node, no Astro.
 */
import { translator, type Locale } from '../../i18n';
import type { EntryVersion } from './history';

/** One line saying what a version changed, for feeds and the delta export. */
export function changeSummary(version: EntryVersion, locale: Locale): string {
  const t = translator(locale);
  const sep = t('list.separator');
  const parts: string[] = [];
  for (const c of version.changes) {
    const own: string[] = [];
    const d = c.diff;
    if (c.kind === 'added') own.push(t('history.summary.added'));
    else if (c.kind === 'removed') own.push(t('history.summary.removed'));
    else if (c.kind === 'renamed') own.push(t('history.summary.renamed'));
    else if (c.kind === 'present') own.push(t('history.summary.present'));
    if (d && c.kind !== 'added') {
      if (d.fields.length) own.push(t('history.summary.fields', { fields: d.fields.map((f) => f.field).join(sep) }));
      if (d.body) own.push(t('history.summary.body', { added: t('history.words', { count: d.body.wordsAdded }), removed: t('history.words', { count: d.body.wordsRemoved }) }));
      if (d.citationsAdded.length) own.push(t('history.summary.cites', { sources: d.citationsAdded.join(sep) }));
      if (d.citationsRemoved.length) own.push(t('history.summary.uncites', { sources: d.citationsRemoved.join(sep) }));
      if (d.corrections.length) own.push(t('history.summary.corrections'));
    }
    if (!own.length) own.push(t('history.summary.format'));
    const text = own.join(sep);
    parts.push(c.file === 'ar' ? t('history.summary.translation', { what: text }) : text);
  }
  return parts.join('; ');
}
