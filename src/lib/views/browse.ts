/**
 * Rows and columns of the browse lists (/companies/ ...), with sort keys for
 * each cell. Columns empty on every row are left out.
 *
 * Pure: no Node, no Astro.
 */
import type { Locale, Translate } from '../../i18n';
import type { UiKey } from '../../i18n/en';
import type { CollectionName } from '../isomorphic/collections';
import { countryName, linkView } from './format';
import { isTranslated, localSummary, type Wiki, type WikiEntry } from '../model/entry';
import { isCurrent, rolesOf } from '../model/people';
import { contractTable, dateCell, withoutEmptyColumns, type RecordTable, type TableCell } from './contract-table';

const EMPTY: TableCell = { text: '', sort: '' };

export function browseRows(wiki: Wiki, collection: CollectionName, locale: Locale, t: Translate): RecordTable {
  const summaryOf = (e: WikiEntry): TableCell => {
    // A source's column shows its English title translation, never translated itself.
    if (e.collection === 'sources') return { text: e.data.titleTranslated ?? '', sort: e.data.titleTranslated ?? '', lang: locale !== 'en' && e.data.titleTranslated ? 'en' : undefined };
    const summary = localSummary(e, locale);
    return { text: summary, sort: summary, lang: isTranslated(e, locale) ? undefined : 'en' };
  };
  const byName = (table: RecordTable): RecordTable => ({ ...table, rows: [...table.rows].sort((a, b) => a.link.label.localeCompare(b.link.label, locale)) });

  if (collection === 'contracts') {
    const contracts = wiki.byCollection.contracts;
    const table = contractTable(wiki, contracts, locale, t);
    // The table has one row per contract, in the order given.
    return byName({
      columns: [...table.columns, { id: 'summary', label: t('list.summary') }],
      rows: table.rows.map((r, i) => ({ ...r, cells: [...r.cells, summaryOf(contracts[i]!)] })),
    });
  }

  const extra: { id: string; label: string; cell: (e: WikiEntry) => TableCell }[] = [];
  if (collection === 'people') {
    extra.push({
      id: 'role',
      label: t('field.roles'),
      cell: (e) => {
        const role = rolesOf(e).find(isCurrent) ?? rolesOf(e)[0];
        if (!role) return EMPTY;
        const at = linkView(wiki, role.at, locale, t);
        const text = `${role.title} (${at.label})`;
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
  if (collection === 'events' || collection === 'sources') extra.push({ id: 'date', label: t('list.date'), cell: (e) => dateCell(e, locale, t) });
  const columns = [{ id: 'name', label: t('list.name') }, ...extra.map(({ id, label }) => ({ id, label })), { id: 'summary', label: t('list.summary') }];
  const rows = wiki.byCollection[collection].map((e: WikiEntry) => ({ link: linkView(wiki, e.key, locale, t), cells: [...extra.map((x) => x.cell(e)), summaryOf(e)] }));
  return byName(withoutEmptyColumns({ columns, rows }));
}
