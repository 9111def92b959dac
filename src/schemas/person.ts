import { z } from 'astro/zod';
import { citation, entryBase, entryKeyOf, isPeriodInOrder, partialDate } from './shared';

/** Where a person can hold a role: a company, an agency or an organisation. */
export const ROLE_COLLECTIONS = ['companies', 'agencies', 'organizations'] as const;

/** A public role a source reports a person holding. */
export const role = z
  .strictObject({
    at: entryKeyOf(ROLE_COLLECTIONS, 'companies/microsoft').meta({ description: 'Where the role is held: "companies/<id>", "agencies/<id>" or "organizations/<id>".' }),
    title: z.string().trim().min(1).meta({ description: 'The title exactly as the source gives it, e.g. "vice chair and president".' }),
    from: partialDate.optional().meta({ description: 'When the role began, to the precision the source gives; leave out when it does not say.' }),
    to: partialDate.optional().meta({ description: 'When the role ended; leave out while it is current or when the source does not say.' }),
    source: citation.meta({ description: 'The source that reports the person in this role.' }),
  })
  .refine((r) => isPeriodInOrder(r.from, r.to), { error: 'ends before it starts: "to" is earlier than "from"', path: ['to'] })
  .meta({ description: 'A public role a source reports a person holding.' });
export type RoleData = z.infer<typeof role>;

/**
 * A person in a public role the sources report: an executive, official,
 * spokesperson, public organiser or named public figure. People harmed in
 * events and private individuals have no entry (CONTRIBUTING.md).
 */
export const personSchema = z
  .strictObject({
    name: z.string().trim().min(1).meta({ description: 'The name as the original sources write it, in Latin script.' }),
    aliases: z.array(z.string().trim().min(1)).default([]).meta({ description: 'Other spellings and the name in other scripts as sources write it (searched as well).' }),
    roles: z
      .array(role, { error: 'is required: a person has an entry only for a public role the sources report' })
      .min(1, { error: 'must list at least one public role with its source: a person has an entry only for a public role the sources report (people harmed and private individuals are named only inside event entries)' })
      .meta({ description: 'The public roles the sources report, each with where, title, dates and source (at least one).' }),
    ...entryBase,
  })
  .meta({ description: 'A person in a public role the sources report.' });
export type PersonData = z.infer<typeof personSchema>;
