import { z } from 'astro/zod';
import { country, entryBase, entryKey, partialDate } from './shared';

export const DATE_QUALIFIERS = ['on', 'about', 'before', 'after'] as const;

export const EVENT_KINDS = [
  'protest',
  'report',
  'leak',
  'statement',
  'harm-to-people',
  'policy',
  'budget',
  'employee-action',
  'contract-award',
  'contract-termination',
  'legal-action',
  'other',
] as const;

/** Something that happened: a leak, a protest, a killing, a statement, a budget decision. */
export const eventSchema = z
  .strictObject({
    /** A short factual title. */
    title: z.string().trim().min(1),
    /** When it happened (or began), to the precision known. */
    date: partialDate,
    /**
     * How the date is known: "on" (the date itself), "about", "before" or "after"
     * (the sources only bound it). Keep the sources' vagueness: an event a source
     * dated "last weekend" in an undated article is at best "before" something.
     */
    dateQualifier: z.enum(DATE_QUALIFIERS, { error: `must be one of ${DATE_QUALIFIERS.join(', ')}` }).default('on'),
    /** How the date was worked out from the sources, when it is not stated outright. */
    dateNote: z.string().trim().min(1).optional(),
    /** When it ended, for events that lasted. */
    endDate: partialDate.optional(),
    /** What kind of event this is. */
    kind: z.enum(EVENT_KINDS, { error: `must be one of ${EVENT_KINDS.join(', ')}` }),
    /** Where it happened. */
    location: z
      .strictObject({
        /** Place name as the sources give it, e.g. "Minneapolis, Minnesota". */
        place: z.string().trim().min(1).optional(),
        /** Country, ISO 3166-1 alpha-2. */
        country: country.optional(),
      })
      .optional(),
    /** Entries involved, written "<collection>/<id>". */
    involved: z.array(entryKey).default([]),
    ...entryBase,
  })
  .refine((e) => !e.endDate || e.date <= e.endDate.padEnd(e.date.length, '9'), {
    error: 'endDate is before date',
    path: ['endDate'],
  });
export type EventData = z.infer<typeof eventSchema>;
