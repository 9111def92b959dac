import { z } from 'astro/zod';

/**
 * Front matter of a translation file (`<id>.ar.mdx` beside `<id>.mdx`). Only
 * words are translated: every typed fact stays in the original file.
 */
export const translationSchema = z.strictObject({
  name: z.string().trim().min(1).meta({ description: 'The translated name (or title, for contracts, events and sources).' }),
  summary: z.string().trim().min(10).max(320).optional().meta({ description: 'The translated one-sentence summary.' }),
  aliases: z.array(z.string().trim().min(1)).default([]).meta({ description: 'Translated aliases, searched as well.' }),
}).meta({ description: 'Front matter of a translation file (`<id>.ar.mdx` beside `<id>.mdx`). Only words are translated: every typed fact stays in the original file.' });
export type TranslationData = z.infer<typeof translationSchema>;
