/** Rows and columns of the browse lists, with sort keys for each cell. */
import type { Locale, Translate } from '../../i18n';
import type { CollectionName } from '../isomorphic/collections';
import { dateText, countryName, linkView, moneyDetail, type LinkView } from './format';
import { localSummary, type Wiki, type WikiEntry } from '../model/entry';
import { entryKey } from '../isomorphic/entry-keys';
import { isCurrent, rolesOf } from '../model/people';
import type { UiKey } from '../../i18n/en';

export interface BrowseCell {
  text: string;
  sort: string;
  lang?: string;
}
export interface BrowseRow {
  link: LinkView;
  cells: BrowseCell[];
}

const EMPTY: BrowseCell = { text: '', sort: '' };

export function browseRows(wiki: Wiki, collection: CollectionName, locale: Locale, t: Translate) {
  const columns: { id: string; label: string }[] = [{ id: 'name', label: t('list.name') }];
  const extra: { id: string; label: string; cell: (e: WikiEntry) => BrowseCell }[] = [];
  const date = (v: string | undefined): BrowseCell => (v ? { text: dateText(v, locale)!, sort: v } : EMPTY);
  if (collection === 'people') {
    extra.push({
      id: 'role',
      label: t('field.roles'),
      cell: (e) => {
        const role = rolesOf(e).find(isCurrent) ?? rolesOf(e)[0];
        if (!role) return EMPTY;
        const text = `${role.title}, ${linkView(wiki, role.at, locale, t).label}`;
        return { text, sort: text, lang: locale === 'en' ? undefined : 'en' };
      },
    });
  }
  if (collection === 'organizations') {
    extra.push({
      id: 'kind',
      label: t('field.kind'),
      cell: (e) => {
        const text = e.collection === 'organizations' ? t(`organizationKind.${e.data.kind}` as UiKey) : '';
        return { text, sort: text };
      },
    });
  }
  if (collection === 'companies' || collection === 'agencies' || collection === 'organizations') {
    extra.push({
      id: 'country',
      label: t('list.country'),
      cell: (e) => {
        const code = e.collection === 'companies' || e.collection === 'agencies' || e.collection === 'organizations' ? e.data.country : undefined;
        return { text: countryName(code, locale) ?? '', sort: code ?? '' };
      },
    });
  }
  if (collection === 'contracts') {
    extra.push({
      id: 'buyer',
      label: t('field.buyer'),
      cell: (e) => {
        if (e.collection !== 'contracts') return EMPTY;
        const l = linkView(wiki, entryKey('agencies', e.data.buyer), locale, t);
        return { text: l.label, sort: l.label };
      },
    });
    extra.push({
      id: 'value',
      label: t('list.value'),
      cell: (e) => {
        const v = e.collection === 'contracts' ? e.data.values[0] : undefined;
        return v ? { text: moneyDetail(v, locale, t), sort: `${v.currency}${String(Math.round(v.amount)).padStart(16, '0')}` } : EMPTY;
      },
    });
  }
  if (collection === 'contracts' || collection === 'events' || collection === 'sources') extra.push({ id: 'date', label: t('list.date'), cell: (e) => date(e.listedDate) });
  columns.push(...extra.map(({ id, label }) => ({ id, label })));
  columns.push({ id: 'summary', label: t('list.summary') });
  const rows: BrowseRow[] = wiki.byCollection[collection].map((e: WikiEntry) => {
    const link = linkView(wiki, e.key, locale, t);
    const summary = e.collection === 'sources' ? (e.data.titleTranslated ?? '') : localSummary(e, locale);
    return {
      link,
      cells: [...extra.map((x) => x.cell(e)), { text: summary, sort: summary, lang: locale !== 'en' && !e.translations.ar ? 'en' : undefined }],
    };
  });
  rows.sort((a, b) => a.link.label.localeCompare(b.link.label, locale));
  return { columns, rows };
}
