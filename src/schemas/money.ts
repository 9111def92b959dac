import { z } from 'astro/zod';
import { citation, currency, partialDate } from './shared';

/** How a contract value is known. Different kinds are never summed together. */
export const VALUE_KINDS = ['ceiling', 'obligated', 'reported', 'estimated'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

/** An amount of money with its currency, kind and source. */
export const money = z.strictObject({
  amount: z.number({ error: 'must be a number, e.g. 30000000' }).positive({ error: 'must be greater than 0' }).meta({ description: 'The amount in whole units of the currency (30000000 for US$30 million).' }),
  currency: currency.meta({ description: 'ISO 4217 currency code, e.g. "USD".' }),
  kind: z.enum(VALUE_KINDS, { error: `must be one of ${VALUE_KINDS.join(', ')}` }).meta({ description: 'ceiling (maximum), obligated (committed), reported (as a source states it), estimated.' }),
  asOf: partialDate.optional().meta({ description: 'The date the amount refers to.' }),
  isMinimum: z.boolean().default(false).meta({ description: 'True when the source gives this as a minimum ("more than US$30 million").' }),
  source: citation.meta({ description: 'The source for this amount.' }),
}).meta({ description: 'An amount of money with its currency, kind and source.' });
export type Money = z.infer<typeof money>;
