import { z } from 'astro/zod';
import { COLLECTIONS, ENTRY_ID_PATTERN, partialDate } from './shared';

const entryKeyPattern = new RegExp(`^(?:${COLLECTIONS.join('|')})/${ENTRY_ID_PATTERN.source.slice(1, -1)}$`);

/**
 * One removed entry, in `content/removed.yaml`: its address keeps answering
 * with a page that says it was removed, when and why (never a 404), and its
 * history stays readable.
 */
export const removalSchema = z.strictObject({
  entry: z
    .string({ error: 'is required: the removed entry as "<collection>/<id>", e.g. "companies/acme-surveillance"' })
    .regex(entryKeyPattern, { error: `must be "<collection>/<id>" with a collection among ${COLLECTIONS.join(', ')}, e.g. "companies/acme-surveillance"` })
    .meta({ description: 'The removed entry, "<collection>/<id>".' }),
  name: z
    .string({ error: 'is required: the name the entry had, shown on its page' })
    .trim()
    .min(1)
    .max(200)
    .meta({ description: 'The name the entry had, shown on the page that says it was removed.' }),
  removed: partialDate.meta({ description: 'When the entry was removed (YYYY-MM-DD).' }),
  reason: z
    .string({ error: 'is required: say in one or two sentences why the entry was removed' })
    .trim()
    .min(10, { error: 'is too short: say in one or two sentences why the entry was removed' })
    .max(600, { error: 'is too long: keep the reason to one or two sentences (at most 600 characters)' })
    .meta({ description: 'Why it was removed, in English.' }),
  reasonAr: z.string().trim().min(5).max(600).optional().meta({ description: 'Why it was removed, in Arabic.' }),
  replacedBy: z.string().regex(entryKeyPattern, { error: 'must be "<collection>/<id>" of an existing entry' }).optional().meta({ description: 'The entry that replaces it, when there is one ("<collection>/<id>").' }),
});
export type RemovalData = z.infer<typeof removalSchema>;

export const removalsSchema = z.array(removalSchema, { error: 'must be a YAML list of removals, each starting with "- entry:"' });
