/**
 * The timeline: events and contract awards in date order, grouped by year.
 * Partial dates sort before the more precise dates they contain ("2025" heads
 * 2025, "2025-04" precedes "2025-04-17") and are shown at their own precision.
 *
 * Within one date, what the sources say orders the items: an event said to
 * have happened "before" the date comes first and one "after" it last, and an
 * event whose `after` names another comes after that one. Items nothing
 * orders keep one fixed order, the same in every language (by id), rather
 * than an alphabetical one that would look like a sequence.
 *
 * One item per happening: an event that is a contract's award (kind
 * "contract-award", involving the contract, in the period of its award date)
 * stands for the award, so the contract gets no item of its own; the event's
 * item links the contract too.
 */
import type { Locale, Translate } from '../../i18n';
import type { UiKey } from '../../i18n/en';
import type { DATE_QUALIFIERS } from '../../schemas/event';
import { compareDates, endsBefore } from '../isomorphic/dates';
import { entryKey, type EntryKey } from '../isomorphic/entry-keys';
import { dateText, linkView, listedDateText, type LinkView } from './format';
import type { Wiki, WikiEntry, WikiEntryOf } from '../model/entry';

export interface TimelineItem {
  key: EntryKey;
  /** Partial ISO date the item is placed at. */
  date: string;
  /** The date as readers see it, with its qualifier ("about April 2025"). */
  dateLabel: string;
  /** Event kind id, or "contract-award" for a contract's award or start. */
  kind: string;
  kindLabel: string;
  link: LinkView;
  /** The contracts an award event is the award of, linked beside it (their own items are left out). */
  contracts: LinkView[];
  /** Companies and agencies taking part (for filtering). */
  entities: EntryKey[];
}

export interface TimelineYear {
  year: string;
  items: TimelineItem[];
}

/** Entries a timeline item concerns: an event's involved entries and participants, a contract's buyer and suppliers. */
function entitiesOf(e: WikiEntry): EntryKey[] {
  return [...new Set(e.references.filter((r) => r.relation !== 'parent' && r.relation !== 'speaker' && r.relation !== 'after').map((r) => r.target))];
}

/** Whether two partial dates can name the same time: one contains the other ("2021-05" and "2021-05-20"). */
const overlap = (a: string, b: string) => !endsBefore(a, b) && !endsBefore(b, a);

/** The contracts an event is the award of: it is a contract award, involves them, and falls in the period of their award date. */
export function awardedContracts(wiki: Wiki, event: WikiEntryOf<'events'>): WikiEntryOf<'contracts'>[] {
  if (event.data.kind !== 'contract-award') return [];
  return event.data.involved.flatMap((key) => {
    const contract = wiki.entries.get(key as EntryKey);
    return contract?.collection === 'contracts' && contract.data.awarded && overlap(contract.data.awarded, event.data.date) ? [contract] : [];
  });
}

/** "before" a date comes ahead of the date itself, "after" it behind. */
const QUALIFIER_RANK: Record<(typeof DATE_QUALIFIERS)[number], number> = { before: 0, on: 1, about: 1, after: 2 };

export interface Placed {
  item: TimelineItem;
  rank: number;
  /** The event the sources say this one came after. */
  after?: EntryKey;
}

/**
 * Date order, then qualifier, then id; then each event that came "after"
 * another is moved to just behind it (the content check allows that only
 * where their dates overlap, so it never leaves its year).
 */
export function orderItems(placed: readonly Placed[]): TimelineItem[] {
  const sorted = [...placed].sort((a, b) => compareDates(a.item.date, b.item.date) || a.rank - b.rank || (a.item.key < b.item.key ? -1 : a.item.key > b.item.key ? 1 : 0));
  const present = new Set(sorted.map((p) => p.item.key));
  const done = new Set<EntryKey>();
  const waiting = new Map<EntryKey, Placed[]>();
  const out: TimelineItem[] = [];
  const place = (p: Placed) => {
    out.push(p.item);
    done.add(p.item.key);
    const followers = waiting.get(p.item.key) ?? [];
    waiting.delete(p.item.key);
    followers.forEach(place);
  };
  for (const p of sorted) {
    if (p.after && present.has(p.after) && !done.has(p.after)) waiting.set(p.after, [...(waiting.get(p.after) ?? []), p]);
    else place(p);
  }
  // A cycle (refused by the content check) would leave items waiting: they are never dropped.
  for (const p of sorted) if (!done.has(p.item.key)) place(p);
  return out;
}

/** Items for the given entries (events and contracts; others are skipped), in timeline order. */
export function timelineItems(wiki: Wiki, entries: Iterable<WikiEntry>, locale: Locale, t: Translate): TimelineItem[] {
  const list = [...entries];
  const events = list.filter((e): e is WikiEntryOf<'events'> => e.collection === 'events');
  const awards = new Map(events.map((e) => [e.key, awardedContracts(wiki, e)]));
  const shownByEvent = new Set([...awards.values()].flat().map((c) => c.key));
  const placed: Placed[] = [];
  for (const e of events) {
    const d = e.data;
    const contracts = awards.get(e.key)!;
    placed.push({
      item: {
        key: e.key,
        date: d.date,
        dateLabel: listedDateText(e, locale, t)!,
        kind: d.kind,
        kindLabel: t(`eventKind.${d.kind}` as UiKey),
        link: linkView(wiki, e.key, locale, t),
        contracts: contracts.map((c) => linkView(wiki, c.key, locale, t)),
        entities: [...new Set([...entitiesOf(e), ...contracts.flatMap(entitiesOf)])],
      },
      rank: QUALIFIER_RANK[d.dateQualifier],
      after: d.after ? entryKey('events', d.after.event) : undefined,
    });
  }
  for (const e of list) {
    if (e.collection !== 'contracts' || shownByEvent.has(e.key)) continue;
    const date = e.listedDate;
    if (!date) continue; // undated contracts cannot be placed in time
    placed.push({
      item: {
        key: e.key,
        date,
        dateLabel: dateText(date, locale)!,
        kind: 'contract-award',
        kindLabel: e.data.awarded ? t('timeline.contractAwarded') : t('timeline.contractStarted'),
        link: linkView(wiki, e.key, locale, t),
        contracts: [],
        entities: entitiesOf(e),
      },
      rank: QUALIFIER_RANK.on,
    });
  }
  return orderItems(placed);
}

/** Group sorted items by year, oldest first. */
export function groupByYear(items: readonly TimelineItem[]): TimelineYear[] {
  const years: TimelineYear[] = [];
  for (const item of items) {
    const year = item.date.slice(0, 4);
    const last = years.at(-1);
    if (last?.year === year) last.items.push(item);
    else years.push({ year, items: [item] });
  }
  return years;
}

/** The timeline of one actor (company, agency, person, organisation): its contracts and the events involving it. */
export function entityTimeline(wiki: Wiki, key: EntryKey, locale: Locale, t: Translate): TimelineYear[] {
  const related = new Set<EntryKey>();
  for (const edge of wiki.graph.incoming.get(key) ?? []) {
    if (edge.relation === 'buyer' || edge.relation === 'supplier' || edge.relation === 'involved' || edge.relation === 'participant') related.add(edge.from);
  }
  const entries = [...related].map((k) => wiki.entries.get(k)).filter((e): e is WikiEntry => !!e);
  return groupByYear(timelineItems(wiki, entries, locale, t));
}
