/**
 * Footnote numbering for an entry page: one note per source, numbered in the
 * order the page first cites it (the body in reading order, then the sources
 * of responses, then the other front-matter sources). Each place that cites a
 * note is one of its uses, for the "^ a b c" links back from the note; the
 * outlets a source is cited "via" and the locators are listed in the note.
 *
 * Pure: no Node, no Astro.
 */
import type { CitationRef } from '../../schemas/references';

export type { CitationRef };

export interface Footnote {
  n: number;
  source: string;
  /** Outlets the page cites this source "via" (the source credits them), in first-cited order. */
  vias: string[];
  locators: string[];
  /** How many places on the page cite this note (body and responses), for the back-links. */
  uses: number;
}

export function noteKey(c: { source: string }): string {
  return c.source;
}

/** Number the notes of one page: `cited` are the places that show a marker, `listed` the rest of the front-matter citations. */
export function numberFootnotes(cited: readonly CitationRef[], listed: readonly CitationRef[]): Footnote[] {
  const notes = new Map<string, Footnote>();
  const add = (c: CitationRef, used: boolean) => {
    let note = notes.get(noteKey(c));
    if (!note) {
      note = { n: notes.size + 1, source: c.source, vias: [], locators: [], uses: 0 };
      notes.set(noteKey(c), note);
    }
    if (c.via && !note.vias.includes(c.via)) note.vias.push(c.via);
    if (c.locator && !note.locators.includes(c.locator)) note.locators.push(c.locator);
    if (used) note.uses += 1;
  };
  for (const c of cited) add(c, true);
  for (const c of listed) add(c, false);
  return [...notes.values()];
}

const LATIN_LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];

/**
 * The letters of a note's back-links when it is cited more than once, in the
 * page's alphabet (the interface text "entry.backrefLetters"): a, b, …, z,
 * aa, ab, … in English; أ, ب, …, ي, أأ, أب, … in Arabic.
 */
export function backrefLabel(i: number, letters: readonly string[] = LATIN_LETTERS): string {
  let label = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / letters.length)) label = letters[(n - 1) % letters.length]! + label;
  return label;
}
