import { z } from 'astro/zod';
import { country, entryBase, entryId, httpsUrl } from './shared';

export const AGENCY_LEVELS = ['national', 'state', 'local', 'military', 'international'] as const;

/** A government body that buys or uses surveillance technology. */
export const agencySchema = z.strictObject({
  name: z.string().trim().min(1).meta({ description: "The agency's official name." }),
  acronym: z.string().trim().min(1).optional().meta({ description: 'Usual acronym, e.g. "ICE".' }),
  aliases: z.array(z.string().trim().min(1)).default([]).meta({ description: 'Other names and spellings (searched as well).' }),
  parent: entryId.optional().meta({ description: 'Id of the parent agency in content/agencies/ (ICE -> DHS).' }),
  country: country.meta({ description: 'Country, ISO 3166-1 alpha-2.' }),
  level: z.enum(AGENCY_LEVELS, { error: `must be one of ${AGENCY_LEVELS.join(', ')}` }).meta({ description: 'Level of government.' }),
  website: httpsUrl.optional().meta({ description: 'Official website (https only).' }),
  ...entryBase,
}).meta({ description: 'A government body that buys or uses surveillance technology.' });
export type AgencyData = z.infer<typeof agencySchema>;
