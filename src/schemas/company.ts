import { z } from 'astro/zod';
import { country, entryBase, entryId, httpsUrl, tag } from './shared';

/** A company that sells surveillance or data technology. */
export const companySchema = z.strictObject({
  /** The company's usual name. */
  name: z.string().trim().min(1),
  /** Other names, spellings and former names (searched as well). */
  aliases: z.array(z.string().trim().min(1)).default([]),
  /** Id of the parent company in content/companies/. */
  parent: entryId.optional(),
  /** Country of the headquarters, ISO 3166-1 alpha-2. */
  country: country.optional(),
  /** Official website (https only). */
  website: httpsUrl.optional(),
  /** Year founded. */
  founded: z.number().int().min(1600).max(2100).optional(),
  /** Wikidata item id, e.g. "Q2047336". */
  wikidata: z.string().regex(/^Q\d+$/, { error: 'must be a Wikidata id such as "Q2047336"' }).optional(),
  /** What the company sells, as vocabulary tags. */
  products: z.array(tag).default([]),
  ...entryBase,
});
export type CompanyData = z.infer<typeof companySchema>;
