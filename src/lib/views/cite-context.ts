/**
 * The per-page state <Cite> needs: which number each source has,
 * and how many times each note has been cited so far, for back-reference ids.
 */
import { noteKey, type Footnote } from './footnotes';

export interface CiteContext {
  notes: Map<string, Footnote>;
  seen: Map<number, number>;
}

export function createCiteContext(footnotes: readonly Footnote[]): CiteContext {
  return { notes: new Map(footnotes.map((f) => [noteKey(f), f])), seen: new Map() };
}

/** One use of a note in the text: the note's number and the id of this use, for the note's back-links. */
export interface NoteUse {
  n: number;
  refId: string;
}

/** Register one more use of a source's note (the outlet a <Cite> names is listed in the note itself). */
export function useNote(ctx: CiteContext, source: string): NoteUse | undefined {
  const note = ctx.notes.get(noteKey({ source }));
  if (!note) return undefined;
  const count = (ctx.seen.get(note.n) ?? 0) + 1;
  ctx.seen.set(note.n, count);
  return { n: note.n, refId: `cite-ref-${note.n}-${count}` };
}
