/** The schema for each collection, keyed by collection name. */
import { agencySchema } from './agency';
import { companySchema } from './company';
import { contractSchema } from './contract';
import { eventSchema } from './event';
import { organizationSchema } from './organization';
import { personSchema } from './person';
import type { CollectionName } from './shared';
import { sourceSchema } from './source';

export const SCHEMAS = {
  companies: companySchema,
  agencies: agencySchema,
  contracts: contractSchema,
  events: eventSchema,
  people: personSchema,
  organizations: organizationSchema,
  sources: sourceSchema,
} as const satisfies Record<CollectionName, unknown>;

export { COLLECTIONS, type CollectionName } from './shared';

/** The typed front matter of each collection, as its schema outputs it. */
export type EntryDataOf = { [C in keyof typeof SCHEMAS]: import('astro/zod').z.infer<(typeof SCHEMAS)[C]> };
