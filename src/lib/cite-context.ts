/**
 * The per-page state <Cite> needs: which number each (source, via) pair has,
 * and how many times each note has been cited so far, for back-reference ids.
 */
import { noteKey, type Footnote } from './citations';

export interface CiteContext {
  notes: Map<string, Footnote>;
  seen: Map<number, number>;
}

export function createCiteContext(footnotes: readonly Footnote[]): CiteContext {
  return { notes: new Map(footnotes.map((f) => [noteKey(f), f])), seen: new Map() };
}

/** Register one more use of a note; returns its number and the id of this use. */
export function useNote(ctx: CiteContext, source: string, via?: string): { n: number; refId: string } | undefined {
  const note = ctx.notes.get(noteKey({ source, via }));
  if (!note) return undefined;
  const count = (ctx.seen.get(note.n) ?? 0) + 1;
  ctx.seen.set(note.n, count);
  return { n: note.n, refId: `cite-ref-${note.n}-${count}` };
}
