import { z } from 'astro/zod';
import { money } from './money';
import { entryBase, entryId, partialDate, webUrl } from './shared';

export const SUPPLIER_ROLES = ['prime', 'subcontractor', 'partner', 'reseller', 'unknown'] as const;
export const CONTRACT_STATUSES = ['announced', 'pilot', 'active', 'completed', 'terminated', 'cancelled', 'unknown'] as const;
export const CONTRACT_KINDS = ['contract', 'pilot', 'framework', 'task-order', 'service-agreement', 'other'] as const;

/** One supplier of a contract. */
export const supplier = z.strictObject({
  /** Id of the company in content/companies/. */
  company: entryId,
  /** The supplier's role. */
  role: z.enum(SUPPLIER_ROLES, { error: `must be one of ${SUPPLIER_ROLES.join(', ')}` }).default('prime'),
  /** This supplier's own share of the value, where known. */
  share: money.optional(),
});

/** A contract, pilot or agreement between a buyer agency and one or more companies. */
export const contractSchema = z
  .strictObject({
    /** The contract's title or usual name. */
    title: z.string().trim().min(1),
    /** Other names (searched as well). */
    aliases: z.array(z.string().trim().min(1)).default([]),
    /** What kind of agreement this is. */
    kind: z.enum(CONTRACT_KINDS, { error: `must be one of ${CONTRACT_KINDS.join(', ')}` }).default('contract'),
    /** Id of the buying agency in content/agencies/. */
    buyer: entryId,
    /** The companies supplying it (at least one). */
    suppliers: z.array(supplier).min(1, { error: 'must list at least one supplier company' }),
    /** Values as reported; one per kind or per source where sources differ. */
    values: z.array(money).default([]),
    /** When it was awarded. */
    awarded: partialDate.optional(),
    /** When work started. */
    start: partialDate.optional(),
    /** When it ends or ended. */
    end: partialDate.optional(),
    /** Current status as last reported. */
    status: z.enum(CONTRACT_STATUSES, { error: `must be one of ${CONTRACT_STATUSES.join(', ')}` }).default('unknown'),
    /** Official identifiers, where they exist. */
    identifiers: z
      .strictObject({
        /** Award id (e.g. USAspending award id). */
        awardId: z.string().trim().min(1).optional(),
        /** US federal procurement instrument identifier. */
        piid: z.string().trim().min(1).optional(),
        /** Tender or solicitation number. */
        tender: z.string().trim().min(1).optional(),
      })
      .default({}),
    /** Link to the official procurement record (never invented). */
    procurementUrl: webUrl.optional(),
    ...entryBase,
  })
  .refine((c) => !(c.start && c.end) || c.start <= c.end.padEnd(c.start.length, '9'), {
    error: 'end date is before the start date',
    path: ['end'],
  });
export type ContractData = z.infer<typeof contractSchema>;
