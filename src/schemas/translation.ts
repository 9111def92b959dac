import { z } from 'astro/zod';

/**
 * Front matter of a translation file (`<id>.ar.mdx` beside `<id>.mdx`). Only
 * words are translated: every typed fact stays in the original file.
 */
export const translationSchema = z.strictObject({
  /** The translated name (or title, for contracts, events and sources). */
  name: z.string().trim().min(1),
  /** The translated one-sentence summary. */
  summary: z.string().trim().min(10).max(320).optional(),
  /** Translated aliases, searched as well. */
  aliases: z.array(z.string().trim().min(1)).default([]),
});
export type TranslationData = z.infer<typeof translationSchema>;
