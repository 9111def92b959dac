/**
 * /api/v1/contracts.csv: one row per contract × supplier × reported value.
 *
 * A contract's value is the value of the whole contract, repeated on each
 * supplier's row, and a contract with several reported values (different
 * sources, different kinds, or different reports of the same figure) gets one
 * row per value, so:
 * - never sum the value column over all rows;
 * - to total, keep one row per (contract_id, value_index), and never add
 *   values of different currencies, kinds, or alternative reports of the same
 *   contract (value_count > 1 means the values are alternatives or different
 *   kinds; value_source / value_source_via say who reported each).
 *
 * RFC 4180: fields quoted when they contain a comma, quote, CR or LF; quotes
 * doubled; text that would start a spreadsheet formula prefixed with an apostrophe; CRLF line ends. UTF-8 with a byte-order mark so spreadsheet
 * programs read Arabic text correctly.
 */
import { entryKey, type EntryKey } from '../../isomorphic/entry-keys';
import { entryPath } from '../../isomorphic/paths';
import type { ExportContext } from './context';
import { citeRef, type ExportWiki } from './records';
import { normaliseCitation } from '../../../schemas/references';
import type { Money } from '../../../schemas/money';

export const BOM = '\uFEFF';
export const CRLF = '\r\n';

/** The columns, in groups the /data/ page explains one by one (its labels are "data.csv.col.<group>"). */
export const CONTRACT_CSV_GROUPS = {
  contract: ['contract_id', 'contract_title', 'contract_title_ar', 'contract_url', 'contract_kind'],
  buyer: ['buyer_id', 'buyer_name', 'buyer_name_ar'],
  supplier: ['supplier_id', 'supplier_name', 'supplier_name_ar', 'supplier_role', 'supplier_share_amount', 'supplier_share_currency', 'supplier_share_kind'],
  value: ['value_index', 'value_count', 'value_amount', 'value_currency', 'value_kind', 'value_as_of', 'value_is_minimum'],
  source: ['value_source', 'value_source_via', 'value_source_title', 'value_source_url'],
  dates: ['awarded', 'start', 'end', 'status'],
} as const;
export const CONTRACT_CSV_COLUMNS = Object.values(CONTRACT_CSV_GROUPS).flat();
export type ContractCsvColumn = (typeof CONTRACT_CSV_COLUMNS)[number];
export type ContractCsvRow = Record<ContractCsvColumn, string>;

/**
 * Text a spreadsheet would run as a formula: a cell starting with =, +, -, @,
 * a tab or a carriage return (OWASP's list for CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 field. Contributed text that a spreadsheet would read as a
 * formula gets a leading apostrophe, so it opens as the text it is; numbers
 * are written by the export itself and stay numbers.
 */
export function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  const raw = typeof value === 'number' ? numberText(value) : String(value);
  const text = typeof value === 'string' && FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number written in full ("1220000000", never "1.22e9"). */
export function numberText(n: number): string {
  if (Number.isInteger(n)) return BigInt(n).toString();
  return String(n);
}

export function csvLine(values: readonly unknown[]): string {
  return values.map(csvField).join(',');
}

/** A whole CSV document: BOM, header, rows, every line ended by CRLF. */
export function csvDocument(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return BOM + [columns, ...rows].map((r) => csvLine(r) + CRLF).join('');
}

/**
 * Parse RFC 4180 text (the inverse of csvDocument; used by the tests and by
 * anyone checking a round trip). Accepts a leading BOM.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = text.startsWith(BOM) ? 1 : 0;
  let quoted = false;
  let any = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      any = true;
      i++;
      continue;
    }
    if (ch === ',') {
      row.push(field);
      field = '';
      any = true;
      i++;
      continue;
    }
    if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      any = false;
      i += 2;
      continue;
    }
    if (ch === '\n') throw new Error(`bare LF at offset ${i}: lines must end with CRLF`);
    field += ch;
    any = true;
    i++;
  }
  if (any || field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The rows for every contract, ordered by contract id, then supplier order, then value order. */
export function contractRows(ctx: ExportContext, wiki: ExportWiki): ContractCsvRow[] {
  const contracts = [...wiki.entries.values()].filter((e) => e.collection === 'contracts').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows: ContractCsvRow[] = [];
  for (const c of contracts) {
    const d = c.data as {
      kind?: string;
      buyer: string;
      suppliers: { company: string; role?: string; share?: Money }[];
      values?: Money[];
      awarded?: string;
      start?: string;
      end?: string;
      status?: string;
    };
    const buyer = wiki.entries.get(entryKey('agencies', d.buyer));
    const values: (Money | undefined)[] = d.values && d.values.length ? d.values : [undefined];
    const valueCount = d.values?.length ?? 0;
    for (const s of d.suppliers) {
      const supplier = wiki.entries.get(entryKey('companies', s.company));
      values.forEach((v, index) => {
        const cite = v ? citeRef(ctx, normaliseCitation(v.source)!) : undefined;
        const source = cite ? wiki.entries.get(entryKey('sources', cite.id)) : undefined;
        rows.push({
          contract_id: c.id,
          contract_title: c.name,
          contract_title_ar: c.translations.ar?.name ?? '',
          contract_url: ctx.url(entryPath(c.key)),
          contract_kind: d.kind ?? '',
          buyer_id: d.buyer,
          buyer_name: buyer?.name ?? '',
          buyer_name_ar: buyer?.translations.ar?.name ?? '',
          supplier_id: s.company,
          supplier_name: supplier?.name ?? '',
          supplier_name_ar: supplier?.translations.ar?.name ?? '',
          supplier_role: s.role ?? '',
          supplier_share_amount: s.share ? numberText(s.share.amount) : '',
          supplier_share_currency: s.share?.currency ?? '',
          supplier_share_kind: s.share?.kind ?? '',
          value_index: v ? String(index + 1) : '',
          value_count: String(valueCount),
          value_amount: v ? numberText(v.amount) : '',
          value_currency: v?.currency ?? '',
          value_kind: v?.kind ?? '',
          value_as_of: v?.asOf ?? '',
          value_is_minimum: v ? String(!!v.isMinimum) : '',
          value_source: cite?.id ?? '',
          value_source_via: cite?.via ?? '',
          value_source_title: source?.name ?? '',
          value_source_url: cite?.url ?? '',
          awarded: d.awarded ?? '',
          start: d.start ?? '',
          end: d.end ?? '',
          status: d.status ?? '',
        });
      });
    }
  }
  return rows;
}

/** /api/v1/contracts.csv */
export function contractsCsv(ctx: ExportContext, wiki: ExportWiki, rows: readonly ContractCsvRow[] = contractRows(ctx, wiki)): string {
  return csvDocument(
    CONTRACT_CSV_COLUMNS,
    rows.map((r) => CONTRACT_CSV_COLUMNS.map((c) => r[c])),
  );
}

/** /api/v1/roles.csv: one row per role a person holds or held, with the source that reports it. */
export const ROLE_CSV_COLUMNS = [
  'person_id',
  'person_name',
  'person_name_ar',
  'person_url',
  'role_title',
  'at_collection',
  'at_id',
  'at_name',
  'at_name_ar',
  'from',
  'to',
  'source',
  'source_via',
  'source_title',
  'source_url',
] as const;
export type RoleCsvRow = Record<(typeof ROLE_CSV_COLUMNS)[number], string>;

/** Every role, ordered by person id, then as the person's entry lists them. */
export function roleRows(ctx: ExportContext, wiki: ExportWiki): RoleCsvRow[] {
  const people = [...wiki.entries.values()].filter((e) => e.collection === 'people').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows: RoleCsvRow[] = [];
  for (const p of people) {
    if (p.collection !== 'people') continue;
    for (const r of p.data.roles) {
      const [atCollection = '', atId = ''] = r.at.split('/');
      const at = wiki.entries.get(r.at as EntryKey);
      const cite = citeRef(ctx, normaliseCitation(r.source)!);
      const source = wiki.entries.get(entryKey('sources', cite.id));
      rows.push({
        person_id: p.id,
        person_name: p.name,
        person_name_ar: p.translations.ar?.name ?? '',
        person_url: ctx.url(entryPath(p.key)),
        role_title: r.title,
        at_collection: atCollection,
        at_id: atId,
        at_name: at?.name ?? '',
        at_name_ar: at?.translations.ar?.name ?? '',
        from: r.from ?? '',
        to: r.to ?? '',
        source: cite.id,
        source_via: cite.via ?? '',
        source_title: source?.name ?? '',
        source_url: cite.url ?? '',
      });
    }
  }
  return rows;
}

/** /api/v1/roles.csv */
export function rolesCsv(rows: readonly RoleCsvRow[]): string {
  return csvDocument(
    ROLE_CSV_COLUMNS,
    rows.map((r) => ROLE_CSV_COLUMNS.map((c) => r[c])),
  );
}
