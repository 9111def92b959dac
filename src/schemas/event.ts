import { z } from 'astro/zod';
import { actorKey, citation, country, entryBase, entryId, entryKey, isPeriodInOrder, partialDate } from './shared';

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

/** What part an actor took in an event, as its source says. */
export const PARTICIPANT_ROLES = ['organiser', 'speaker', 'signatory', 'participant', 'target', 'subject', 'decision-maker'] as const;

/** An actor's part in an event, with the source that says so. */
export const participant = z.strictObject({
  entry: actorKey.meta({ description: 'Who: "people/<id>", "organizations/<id>", "companies/<id>" or "agencies/<id>".' }),
  role: z.enum(PARTICIPANT_ROLES, { error: `must be one of ${PARTICIPANT_ROLES.join(', ')}` }).meta({ description: 'organiser, speaker, signatory, participant, target (whom it was aimed at), subject (whom it was about), decision-maker.' }),
  source: citation.meta({ description: 'The source that says they took this part.' }),
}).meta({ description: "An actor's part in an event, with the source that says so." });

/**
 * The event this one followed, where a source says so: it orders events
 * whose dates share a month or a year (the timeline shows it after that one).
 */
export const after = z.strictObject({
  event: entryId.meta({ description: 'Id of the earlier event, in content/events/.' }),
  source: citation.meta({ description: 'The source that says this event came after that one.' }),
}).meta({ description: 'The event this one came after, with the source that says so: orders events whose dates are known only to the same month or year.' });

/** Something that happened: a leak, a protest, a killing, a statement, a budget decision. */
export const eventSchema = z
  .strictObject({
    title: z.string().trim().min(1).meta({ description: 'A short factual title.' }),
    date: partialDate.meta({ description: 'When it happened (or began), to the precision known.' }),
    dateQualifier: z.enum(DATE_QUALIFIERS, { error: `must be one of ${DATE_QUALIFIERS.join(', ')}` }).default('on').meta({ description: 'How the date is known: "on" (the date itself), "about", "before" or "after" (the sources only bound it). Keep the sources\' vagueness: an event a source dated "last weekend" in an undated article is at best "before" something.' }),
    dateNote: z.string().trim().min(1).optional().meta({ description: 'How the date was worked out from the sources, when it is not stated outright.' }),
    endDate: partialDate.optional().meta({ description: 'When it ended, for events that lasted.' }),
    after: after.optional(),
    kind: z.enum(EVENT_KINDS, { error: `must be one of ${EVENT_KINDS.join(', ')}` }).meta({ description: 'What kind of event this is.' }),
    location: z
      .strictObject({
        place: z.string().trim().min(1).optional().meta({ description: 'Place name as the sources give it, e.g. "Minneapolis, Minnesota".' }),
        country: country.optional().meta({ description: 'Country, ISO 3166-1 alpha-2.' }),
      })
      .optional()
      .meta({ description: 'Where it happened.' }),
    involved: z.array(entryKey).default([]).meta({ description: 'Entries involved, written "<collection>/<id>".' }),
    participants: z.array(participant).default([]).meta({ description: 'Actors with the part each took (organiser, speaker, target...), where a source says it; they count as involved too.' }),
    ...entryBase,
  })
  .refine((e) => isPeriodInOrder(e.date, e.endDate), {
    error: 'endDate is before date',
    path: ['endDate'],
  }).meta({ description: 'Something that happened: a leak, a protest, a killing, a statement, a budget decision.' });
export type EventData = z.infer<typeof eventSchema>;
