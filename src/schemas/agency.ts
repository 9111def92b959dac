import { z } from 'astro/zod';
import { country, entryBase, entryId, httpsUrl } from './shared';

export const AGENCY_LEVELS = ['national', 'state', 'local', 'military', 'international'] as const;

/** A government body that buys or uses surveillance technology. */
export const agencySchema = z.strictObject({
  /** The agency's official name. */
  name: z.string().trim().min(1),
  /** Usual acronym, e.g. "ICE". */
  acronym: z.string().trim().min(1).optional(),
  /** Other names and spellings (searched as well). */
  aliases: z.array(z.string().trim().min(1)).default([]),
  /** Id of the parent agency in content/agencies/ (ICE -> DHS). */
  parent: entryId.optional(),
  /** Country, ISO 3166-1 alpha-2. */
  country,
  /** Level of government. */
  level: z.enum(AGENCY_LEVELS, { error: `must be one of ${AGENCY_LEVELS.join(', ')}` }),
  /** Official website (https only). */
  website: httpsUrl.optional(),
  ...entryBase,
});
export type AgencyData = z.infer<typeof agencySchema>;
