/**
 * The contracts table: who sold what to whom, for how much, when, and where
 * it stands, one row per contract. Shown on /contracts/ and, with the
 * counterpart in place of both parties, on company and agency pages.
 *
 * Pure: no Node, no Astro.
 */
import type { Locale, Translate } from '../../i18n';
import type { UiKey } from '../../i18n/en';
import type { ContractData } from '../../schemas/contract';
import { entryKey, type EntryKey } from '../isomorphic/entry-keys';
import type { Wiki, WikiEntry, WikiEntryOf } from '../model/entry';
import { linkView, listedDateText, moneyDetail, type LinkView } from './format';

export interface TableCell {
  text: string;
  /** What the column sorts by (ISO dates, zero-padded amounts). */
  sort: string;
  lang?: string;
  /** Entries the cell names, shown as links (the text is their labels, for sorting and cards). */
  links?: LinkView[];
}

export interface TableColumn {
  id: string;
  label: string;
}

export interface TableRow {
  link: LinkView;
  cells: TableCell[];
}

export interface RecordTable {
  columns: TableColumn[];
  rows: TableRow[];
}

const EMPTY: TableCell = { text: '', sort: '' };

/** Drop the columns (after the first, the name) that are empty on every row. */
export function withoutEmptyColumns(table: RecordTable): RecordTable {
  const keep = table.columns.map((_, i) => i === 0 || table.rows.some((r) => r.cells[i - 1]!.text !== ''));
  return {
    columns: table.columns.filter((_, i) => keep[i]),
    rows: table.rows.map((r) => ({ ...r, cells: r.cells.filter((_, i) => keep[i + 1]) })),
  };
}

/** A cell naming entries. */
export function linksCell(links: LinkView[], locale: Locale, t: Translate): TableCell {
  const text = links.map((l) => l.label).join(t('list.separator'));
  return { text, sort: text.toLocaleLowerCase(locale), links };
}

/** A contract's values in one cell, each with its kind; sorted by the first. */
export function valueCell(d: ContractData, locale: Locale, t: Translate): TableCell {
  const v = d.values[0];
  if (!v) return { text: t('field.valueUnknown'), sort: '' };
  return { text: d.values.map((m) => moneyDetail(m, locale, t)).join(' · '), sort: `${v.currency}${String(Math.round(v.amount)).padStart(16, '0')}` };
}

/** An entry's listed date, with its qualifier; sorted by the date itself. */
export function dateCell(e: WikiEntry, locale: Locale, t: Translate): TableCell {
  return e.listedDate ? { text: listedDateText(e, locale, t)!, sort: e.listedDate } : EMPTY;
}

/** The contracts columns after the contract's name: buyer and suppliers (or the one counterpart), value, date, status. */
export function contractTable(
  wiki: Wiki,
  contracts: readonly WikiEntryOf<'contracts'>[],
  locale: Locale,
  t: Translate,
  /** On a company or agency page: show only the other party. */
  from?: 'companies' | 'agencies',
): RecordTable {
  const columns: TableColumn[] = [
    { id: 'name', label: t('list.contract') },
    ...(from === 'companies' ? [] : [{ id: 'suppliers', label: t('field.suppliers') }]),
    ...(from === 'agencies' ? [] : [{ id: 'buyer', label: t('field.buyer') }]),
    { id: 'value', label: t('list.value') },
    { id: 'date', label: t('list.date') },
    { id: 'status', label: t('field.status') },
  ];
  const rows = contracts.map((c) => {
    const d = c.data;
    const suppliers = linksCell(d.suppliers.map((s) => linkView(wiki, entryKey('companies', s.company), locale, t)), locale, t);
    const buyer = linksCell([linkView(wiki, entryKey('agencies', d.buyer), locale, t)], locale, t);
    const status = t(`status.${d.status}` as UiKey);
    return {
      link: linkView(wiki, c.key, locale, t),
      cells: [
        ...(from === 'companies' ? [] : [suppliers]),
        ...(from === 'agencies' ? [] : [buyer]),
        valueCell(d, locale, t),
        dateCell(c, locale, t),
        { text: status, sort: status },
      ],
    };
  });
  return withoutEmptyColumns({ columns, rows });
}

/** Contracts by key, for the tables on hub pages. */
export function contractsAt(wiki: Wiki, keys: readonly EntryKey[]): WikiEntryOf<'contracts'>[] {
  return keys.map((k) => wiki.entries.get(k)).filter((e): e is WikiEntryOf<'contracts'> => e?.collection === 'contracts');
}
