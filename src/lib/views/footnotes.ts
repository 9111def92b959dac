/**
 * Footnote numbering for an entry page: body citations first, in reading
 * order, then the front-matter sources not already cited in the text. A source
 * cited "via" different outlets gets one note per outlet, so the reader knows
 * which original reporting each sentence rests on.
 */
export interface CitationRef {
  source: string;
  via?: string;
  locator?: string;
}

export interface Footnote {
  n: number;
  source: string;
  via?: string;
  locators: string[];
  /** How many times the body cites this note (for back-references). */
  uses: number;
}

export function noteKey(c: { source: string; via?: string }): string {
  return `${c.source}|${c.via ?? ''}`;
}

export function normaliseCitation(c: unknown): CitationRef {
  if (typeof c === 'string') return { source: c };
  const o = c as CitationRef;
  return { source: o.source, via: o.via, locator: o.locator };
}

/** Number the notes of one page. */
export function numberFootnotes(bodyCites: readonly CitationRef[], frontmatterCites: readonly CitationRef[]): Footnote[] {
  const notes = new Map<string, Footnote>();
  const add = (c: CitationRef, fromBody: boolean) => {
    const key = noteKey(c);
    let note = notes.get(key);
    if (!note) {
      note = { n: notes.size + 1, source: c.source, via: c.via, locators: [], uses: 0 };
      notes.set(key, note);
    }
    if (c.locator && !note.locators.includes(c.locator)) note.locators.push(c.locator);
    if (fromBody) note.uses += 1;
  };
  for (const c of bodyCites) add(c, true);
  const citedSources = new Set(bodyCites.map((c) => c.source));
  for (const c of frontmatterCites) {
    // A front-matter source already cited in the text (under any outlet) needs no extra note.
    if (citedSources.has(c.source) && !notes.has(noteKey(c)) && !c.via) continue;
    add(c, false);
  }
  return [...notes.values()];
}
