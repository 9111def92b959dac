/**
 * Partial dates ("2025", "2025-04", "2025-04-17"): parsing, sorting and display
 * at exactly the precision that is known.
 */
import { PARTIAL_DATE_PATTERN } from './collections';

export type Precision = 'year' | 'month' | 'day';

export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
  precision: Precision;
}

export function parsePartialDate(value: string): PartialDate {
  const m = PARTIAL_DATE_PATTERN.exec(value);
  if (!m) throw new Error(`not a partial date: ${value}`);
  const year = Number(m[1]);
  if (m[3]) return { year, month: Number(m[2]), day: Number(m[3]), precision: 'day' };
  if (m[2]) return { year, month: Number(m[2]), precision: 'month' };
  return { year, precision: 'year' };
}

/**
 * Sort key: a less precise date sorts before the more precise dates it
 * contains ("2025" < "2025-01" < "2025-01-01"), so it heads its year.
 */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether the period `a` names ends before the period `b` names begins
 * ("2021-04" ends before "2021-05-03"; "2021" does not end before "2021-05",
 * which it contains). Compared as strings: a period's first day is its value,
 * and its last is the value with every missing part read as the highest
 * ("2021" → "2021-99-99"), so no calendar is needed.
 */
export function endsBefore(a: string, b: string): boolean {
  const last = a.length === 4 ? `${a}-99-99` : a.length === 7 ? `${a}-99` : a;
  return last < b;
}

/**
 * One formatter per locale and precision: constructing an Intl.DateTimeFormat
 * costs ~0.4 ms, formatting with one ~3 µs, and a large build formats dates
 * hundreds of thousands of times (see BENCHMARKS.md).
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Format for display in a locale, showing only the known precision. */
export function formatPartialDate(value: string, locale: string): string {
  const d = parsePartialDate(value);
  const date = new Date(Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1));
  const key = `${locale}|${d.precision}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      d.precision === 'day'
        ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
        : d.precision === 'month'
          ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
          : { year: 'numeric', timeZone: 'UTC' };
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format.format(date);
}

/** The year of a partial date. */
export function yearOf(value: string): number {
  return Number(value.slice(0, 4));
}

/** The value of a `<time datetime>` attribute: valid HTML for all three precisions. */
export function datetimeAttr(value: string): string {
  return value;
}
