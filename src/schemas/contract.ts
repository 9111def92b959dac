import { z } from 'astro/zod';
import { money } from './money';
import { citation, entryBase, entryId, identifier, isPeriodInOrder, partialDate, webUrl } from './shared';

export const SUPPLIER_ROLES = ['prime', 'subcontractor', 'partner', 'reseller', 'unknown'] as const;
export const CONTRACT_STATUSES = ['announced', 'pilot', 'active', 'completed', 'terminated', 'cancelled', 'unknown'] as const;
export const CONTRACT_KINDS = ['contract', 'pilot', 'framework', 'task-order', 'service-agreement', 'other'] as const;

/** One supplier of a contract. */
export const supplier = z.strictObject({
  company: entryId.meta({ description: 'Id of the company in content/companies/.' }),
  role: z.enum(SUPPLIER_ROLES, { error: `must be one of ${SUPPLIER_ROLES.join(', ')}` }).default('prime').meta({ description: "The supplier's role." }),
  share: money.optional().meta({ description: "This supplier's own share of the value, where known." }),
}).meta({ description: 'One supplier of a contract.' });

/** A contract, pilot or agreement between a buyer agency and one or more companies. */
export const contractSchema = z
  .strictObject({
    title: z.string().trim().min(1).meta({ description: "The contract's title or usual name." }),
    aliases: z.array(z.string().trim().min(1)).default([]).meta({ description: 'Other names (searched as well).' }),
    kind: z.enum(CONTRACT_KINDS, { error: `must be one of ${CONTRACT_KINDS.join(', ')}` }).default('contract').meta({ description: 'What kind of agreement this is.' }),
    buyer: entryId.meta({ description: 'Id of the buying agency in content/agencies/.' }),
    suppliers: z.array(supplier).min(1, { error: 'must list at least one supplier company' }).meta({ description: 'The companies supplying it (at least one).' }),
    values: z.array(money).default([]).meta({ description: 'Values as reported; one per kind or per source where sources differ.' }),
    awarded: partialDate.optional().meta({ description: 'When it was awarded.' }),
    start: partialDate.optional().meta({ description: 'When work started.' }),
    end: partialDate.optional().meta({ description: 'When it ends or ended.' }),
    status: z.enum(CONTRACT_STATUSES, { error: `must be one of ${CONTRACT_STATUSES.join(', ')}` }).default('unknown').meta({ description: 'Current status as last reported.' }),
    identifiers: z
      .array(identifier.extend({ source: citation.meta({ description: 'The source that reports this identifier (the record itself, where the wiki has it).' }) }))
      .default([])
      .meta({ description: 'Official identifiers (award, order, solicitation numbers), each with the source that reports it.' }),
    procurementUrl: webUrl.optional().meta({ description: 'Link to the official procurement record (never invented).' }),
    ...entryBase,
  })
  .refine((c) => isPeriodInOrder(c.start, c.end), {
    error: 'end date is before the start date',
    path: ['end'],
  }).meta({ description: 'A contract, pilot or agreement between a buyer agency and one or more companies.' });
export type ContractData = z.infer<typeof contractSchema>;
