import { z } from 'astro/zod';
import { partialDate, tag, webUrl, entryId } from './shared';

export const SOURCE_KINDS = [
  'news',
  'primary-document',
  'government-record',
  'company-statement',
  'ngo-report',
  'leaked-document',
] as const;

/** True for a well-formed BCP 47 language tag ("ar", "en", "en-GB"). */
function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/** A publication that entries cite. */
export const sourceSchema = z.strictObject({
  /** Title in the source's own language and script. */
  title: z.string().trim().min(1),
  /** An English rendering of a non-English title. */
  titleTranslated: z.string().trim().min(1).optional(),
  /** The publisher as the source names itself; leave out when the text does not say. */
  publisher: z.string().trim().min(1).optional(),
  /** Authors as credited. */
  authors: z.array(z.string().trim().min(1)).default([]),
  /** Publication date, to the precision known. */
  published: partialDate.optional(),
  /** BCP 47 language tag of the source, e.g. "ar". */
  language: z.string().refine(isLanguageTag, { error: 'must be a BCP 47 language tag such as "ar" or "en"' }),
  /** What kind of document it is. */
  kind: z.enum(SOURCE_KINDS, { error: `must be one of ${SOURCE_KINDS.join(', ')}` }),
  /** Where the source can be read. Only a URL the source really has: never invent one. */
  url: webUrl.optional(),
  /** An archived copy (e.g. web.archive.org). */
  archiveUrl: webUrl.optional(),
  /** When the source was last read by an editor. */
  accessed: partialDate.optional(),
  /** One sentence on what the source is. */
  summary: z.string().trim().min(10).max(320).optional(),
  /** Controlled-vocabulary tags. */
  tags: z.array(tag).default([]),
  /** Old ids of this source; each keeps its old URL alive. */
  redirectFrom: z.array(entryId).default([]),
});
export type SourceData = z.infer<typeof sourceSchema>;
