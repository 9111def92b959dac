/**
 * How each citation format writes its access date, as the exact substring the
 * format contains. No dependencies: the "Cite this entry" script imports this
 * in the browser to move the build-time access date to the reader's today by
 * swapping one fragment for another (the unit tests check every fragment occurs
 * exactly once in its format's output, so the swap cannot touch anything else).
 */
export const CITE_FORMATS = ['apa', 'mla', 'chicago', 'bibtex', 'ris', 'csl-json'] as const;
export type CiteFormatId = (typeof CITE_FORMATS)[number];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** MLA 9 abbreviations (May, June and July are written out; September is "Sept."). */
const MLA_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

export interface DayDate {
  year: number;
  month: number;
  day: number;
}

/** "2026-12-01" -> {year: 2026, month: 12, day: 1}. */
export function parseDay(iso: string): DayDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** {2026, 12, 1} -> "2026-12-01". */
export function isoDay(d: DayDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** The reader's calendar day (local time), as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  return isoDay({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}

/** "December 1" (US order, as APA writes a date after its year). */
export function usMonthDay(d: DayDate): string {
  return `${MONTHS[d.month - 1]} ${d.day}`;
}

/** "December 1, 2026" (US order, as APA and Chicago write dates). */
export function usLongDate(d: DayDate): string {
  return `${usMonthDay(d)}, ${d.year}`;
}

/** "9 July 2026", "5 Sept. 2026" (MLA 9 order and abbreviations). */
export function mlaDate(d: DayDate): string {
  return `${d.day} ${MLA_MONTHS[d.month - 1]} ${d.year}`;
}

/** The access-date fragment of one format, for a YYYY-MM-DD date. */
export function accessedFragment(format: CiteFormatId, iso: string): string {
  const d = parseDay(iso);
  switch (format) {
    case 'apa':
      return `Retrieved ${usLongDate(d)}`;
    case 'mla':
      return `Accessed ${mlaDate(d)}`;
    case 'chicago':
      return `Accessed ${usLongDate(d)}`;
    case 'bibtex':
      return `accessed ${isoDay(d)}`;
    case 'ris':
      return `Y2  - ${d.year}/${d.month}/${d.day}/`;
    case 'csl-json':
      return `"accessed": {"date-parts": [[${d.year}, ${d.month}, ${d.day}]]}`;
  }
}
