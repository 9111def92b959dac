import { z } from 'astro/zod';
import { country, entryBase, entryId, httpsUrl, tag } from './shared';

/** A company that sells surveillance or data technology. */
export const companySchema = z.strictObject({
  name: z.string().trim().min(1).meta({ description: "The company's usual name." }),
  aliases: z.array(z.string().trim().min(1)).default([]).meta({ description: 'Other names, spellings and former names (searched as well).' }),
  parent: entryId.optional().meta({ description: 'Id of the parent company in content/companies/.' }),
  country: country.optional().meta({ description: 'Country of the headquarters, ISO 3166-1 alpha-2.' }),
  website: httpsUrl.optional().meta({ description: 'Official website (https only).' }),
  founded: z.number().int().min(1600).max(2100).optional().meta({ description: 'Year founded.' }),
  wikidata: z.string().regex(/^Q\d+$/, { error: 'must be a Wikidata id such as "Q2047336"' }).optional().meta({ description: 'Wikidata item id, e.g. "Q2047336".' }),
  products: z.array(tag).default([]).meta({ description: 'What the company sells, as vocabulary tags.' }),
  ...entryBase,
}).meta({ description: 'A company that sells surveillance or data technology.' });
export type CompanyData = z.infer<typeof companySchema>;
