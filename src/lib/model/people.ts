/**
 * Who held which role where, who said what, and who took which part in an
 * event: read from people's roles, responses' speakers and events'
 * participants through the link graph (one lookup per page, never a scan).
 *
 * Pure: no Node, no Astro.
 */
import { normaliseCitation, type CitationRef } from '../../schemas/references';
import { compareDates } from '../isomorphic/dates';
import type { EntryKey } from '../isomorphic/entry-keys';
import { entryAt, type Wiki, type WikiEntry } from './entry';
import { incomingBy } from './graph';

/** A role a person holds or held, as one of their roles lists it. */
export interface HeldRole {
  person: EntryKey;
  at: EntryKey;
  title: string;
  from?: string;
  to?: string;
  source: CitationRef;
  /** The role's place in the person's list, for its citation's path (["roles", index, "source"]). */
  index: number;
}

/** A response an entry records, naming the actor who gave it. */
export interface Statement {
  /** The entry that records it (a contract, event, company...). */
  recordedIn: EntryKey;
  by: string;
  said: string;
  date: string;
  source: CitationRef;
}

/** A part an actor took in an event. */
export interface Participation {
  event: EntryKey;
  role: string;
  source: CitationRef;
}

const cite = (value: unknown): CitationRef => normaliseCitation(value) ?? { source: String(value) };

/** Current roles (no end reported) first, latest start first; then ended ones, latest end first; ties keep their listed order. */
const byRecency = <T extends { from?: string; to?: string }>(items: T[]): T[] =>
  [...items].sort(
    (a, b) => Number(a.to !== undefined) - Number(b.to !== undefined) || compareDates(b.to ?? '', a.to ?? '') || compareDates(b.from ?? '', a.from ?? ''),
  );

/** A person's roles, current ones first. */
export function rolesOf(person: WikiEntry): HeldRole[] {
  if (person.collection !== 'people') return [];
  return byRecency(
    person.data.roles.map((r, index) => ({ person: person.key, at: r.at as EntryKey, title: r.title, from: r.from, to: r.to, source: cite(r.source), index })),
  );
}

/** The roles people hold or held at a company, agency or organisation, current ones first. */
export function rolesAt(wiki: Wiki, key: EntryKey): HeldRole[] {
  const roles: HeldRole[] = [];
  for (const from of incomingBy(wiki.graph, key, 'role')) {
    const person = entryAt(wiki, from, 'people');
    if (person) roles.push(...rolesOf(person).filter((r) => r.at === key));
  }
  return byRecency(roles);
}

/** Whether a role is held now, as far as the sources say: it has no end date. */
export const isCurrent = (role: HeldRole): boolean => role.to === undefined;

/** What an actor said, wherever an entry records it as a response with them as speaker, newest first. */
export function statementsBy(wiki: Wiki, key: EntryKey): Statement[] {
  const out: Statement[] = [];
  // The entry's own responses too (the graph has no edge from an entry to itself).
  for (const from of [key, ...incomingBy(wiki.graph, key, 'speaker')]) {
    const e = wiki.entries.get(from);
    if (!e || e.collection === 'sources') continue;
    for (const r of e.data.responses) {
      if (r.speaker === key) out.push({ recordedIn: from, by: r.by, said: r.said, date: r.date, source: cite(r.source) });
    }
  }
  return out.sort((a, b) => compareDates(b.date, a.date));
}

/** The events an actor took part in, with each part, oldest first. */
export function participationsOf(wiki: Wiki, key: EntryKey): Participation[] {
  const out: Participation[] = [];
  for (const from of incomingBy(wiki.graph, key, 'participant')) {
    const event = entryAt(wiki, from, 'events');
    if (!event) continue;
    for (const p of event.data.participants) if (p.entry === key) out.push({ event: from, role: p.role, source: cite(p.source) });
  }
  return out.sort((a, b) => compareDates(wiki.entries.get(a.event)?.listedDate ?? '', wiki.entries.get(b.event)?.listedDate ?? ''));
}
