import { z } from 'astro/zod';
import { isLanguageTag } from '../lib/shared/collections';
import { partialDate, tag, webUrl, entryId } from './shared';

export const SOURCE_KINDS = [
  'news',
  'primary-document',
  'government-record',
  'company-statement',
  'ngo-report',
  'leaked-document',
] as const;

/** A publication that entries cite. */
export const sourceSchema = z.strictObject({
  title: z.string().trim().min(1).meta({ description: "Title in the source's own language and script." }),
  titleTranslated: z.string().trim().min(1).optional().meta({ description: 'An English rendering of a non-English title.' }),
  publisher: z.string().trim().min(1).optional().meta({ description: 'The publisher as the source names itself; leave out when the text does not say.' }),
  authors: z.array(z.string().trim().min(1)).default([]).meta({ description: 'Authors as credited.' }),
  published: partialDate.optional().meta({ description: 'Publication date, to the precision known.' }),
  language: z.string().refine(isLanguageTag, { error: 'must be a BCP 47 language tag such as "ar" or "en"' }).meta({ description: 'BCP 47 language tag of the source, e.g. "ar".' }),
  kind: z.enum(SOURCE_KINDS, { error: `must be one of ${SOURCE_KINDS.join(', ')}` }).meta({ description: 'What kind of document it is.' }),
  url: webUrl.optional().meta({ description: 'Where the source can be read. Only a URL the source really has: never invent one.' }),
  archiveUrl: webUrl.optional().meta({ description: 'An archived copy (e.g. web.archive.org).' }),
  accessed: partialDate.optional().meta({ description: 'When the source was last read by an editor.' }),
  summary: z.string().trim().min(10).max(320).optional().meta({ description: 'One sentence on what the source is.' }),
  tags: z.array(tag).default([]).meta({ description: 'Controlled-vocabulary tags.' }),
  redirectFrom: z.array(entryId).default([]).meta({ description: 'Old ids of this source; each keeps its old URL alive.' }),
}).meta({ description: 'A publication that entries cite.' });
export type SourceData = z.infer<typeof sourceSchema>;
