import { z } from 'astro/zod';
import { country, entryBase, entryId, entryKeyOf, httpsUrl } from './shared';

/** Kinds of organisation that are neither companies nor government agencies. */
export const ORGANIZATION_KINDS = [
  'campaign',
  'coalition',
  'ngo',
  'union',
  'worker-group',
  'media',
  'investor',
  'foundation',
  'research',
  'other',
] as const;

/** An organisation that is neither a company nor a government agency: a campaign, coalition, NGO, worker group, news outlet, investor. */
export const organizationSchema = z
  .strictObject({
    name: z.string().trim().min(1).meta({ description: "The organisation's usual name." }),
    aliases: z.array(z.string().trim().min(1)).default([]).meta({ description: 'Other names, acronyms and hashtags (searched as well).' }),
    kind: z.enum(ORGANIZATION_KINDS, { error: `must be one of ${ORGANIZATION_KINDS.join(', ')}` }).meta({ description: 'What kind of organisation it is.' }),
    country: country.optional().meta({ description: 'Where it is based, ISO 3166-1 alpha-2, when the sources say.' }),
    website: httpsUrl.optional().meta({ description: 'Its own website, only an address you have seen (https only).' }),
    parent: entryId.optional().meta({ description: 'Id of the organisation it belongs to, in content/organizations/.' }),
    members: z
      .array(entryKeyOf(['organizations', 'companies'], 'organizations/mediajustice'))
      .default([])
      .meta({ description: 'Member organisations of a coalition or campaign, as the sources list them: "organizations/<id>" or "companies/<id>".' }),
    ...entryBase,
  })
  .meta({ description: 'An organisation that is neither a company nor a government agency.' });
export type OrganizationData = z.infer<typeof organizationSchema>;
