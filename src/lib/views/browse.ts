/** Rows and columns of the browse lists, with sort keys for each cell. */
import type { Locale, Translate } from '../../i18n';
import type { ContractData } from '../../schemas/contract';
import type { CollectionName } from '../../schemas/shared';
import { dateText, countryName, linkView, moneyDetail, type LinkView } from './format';
import { localSummary, type Wiki } from '../model/wiki';
import { entryKey } from '../shared/entry-keys';

export interface BrowseCell {
  text: string;
  sort: string;
  lang?: string;
}
export interface BrowseRow {
  link: LinkView;
  cells: BrowseCell[];
}

export function browseRows(wiki: Wiki, collection: CollectionName, locale: Locale, t: Translate) {
  const columns: { id: string; label: string }[] = [{ id: 'name', label: t('list.name') }];
  const extra: { id: string; label: string; cell: (d: Record<string, unknown>) => BrowseCell }[] = [];
  const date = (v: unknown): BrowseCell => (typeof v === 'string' ? { text: dateText(v, locale)!, sort: v } : { text: '', sort: '' });
  if (collection === 'companies' || collection === 'agencies') {
    extra.push({ id: 'country', label: t('list.country'), cell: (d) => ({ text: countryName(d.country as string, locale) ?? '', sort: String(d.country ?? '') }) });
  }
  if (collection === 'contracts') {
    extra.push({
      id: 'buyer',
      label: t('field.buyer'),
      cell: (d) => {
        const l = linkView(wiki, entryKey('agencies', String(d.buyer)), locale, t);
        return { text: l.label, sort: l.label };
      },
    });
    extra.push({
      id: 'value',
      label: t('list.value'),
      cell: (d) => {
        const v = (d as ContractData).values[0];
        return v ? { text: moneyDetail(v, locale, t), sort: `${v.currency}${String(Math.round(v.amount)).padStart(16, '0')}` } : { text: '', sort: '' };
      },
    });
    extra.push({ id: 'date', label: t('list.date'), cell: (d) => date(d.awarded ?? d.start) });
  }
  if (collection === 'events') extra.push({ id: 'date', label: t('list.date'), cell: (d) => date(d.date) });
  if (collection === 'sources') extra.push({ id: 'date', label: t('list.date'), cell: (d) => date(d.published) });
  columns.push(...extra.map(({ id, label }) => ({ id, label })));
  columns.push({ id: 'summary', label: t('list.summary') });
  const rows: BrowseRow[] = wiki.byCollection[collection].map((e) => {
    const link = linkView(wiki, e.key, locale, t);
    const summary = collection === 'sources' ? String((e.data.titleTranslated as string) ?? '') : localSummary(e, locale);
    return {
      link,
      cells: [...extra.map((x) => x.cell(e.data)), { text: summary, sort: summary, lang: locale !== 'en' && !e.translations.ar ? 'en' : undefined }],
    };
  });
  rows.sort((a, b) => a.link.label.localeCompare(b.link.label, locale));
  return { columns, rows };
}
