/**
 * The timeline: events and contract awards in date order, grouped by year.
 * Partial dates sort before the more precise dates they contain ("2025" heads
 * 2025, "2025-04" precedes "2025-04-17") and are shown at their own precision.
 */
import type { Locale, Translate } from '../../i18n';
import type { UiKey } from '../../i18n/en';
import { compareDates } from '../isomorphic/dates';
import type { EntryKey } from '../isomorphic/entry-keys';
import { dateText, linkView, listedDateText, type LinkView } from './format';
import type { Wiki, WikiEntry } from '../model/entry';

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
  /** Companies and agencies taking part (for filtering). */
  entities: EntryKey[];
}

export interface TimelineYear {
  year: string;
  items: TimelineItem[];
}

/** Entries a timeline item concerns: an event's involved entries and participants, a contract's buyer and suppliers. */
function entitiesOf(e: WikiEntry): EntryKey[] {
  return [...new Set(e.references.filter((r) => r.relation !== 'parent' && r.relation !== 'speaker').map((r) => r.target))];
}

/** Items for the given entries (events and contracts; others are skipped), sorted by date then title. */
export function timelineItems(wiki: Wiki, entries: Iterable<WikiEntry>, locale: Locale, t: Translate): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const e of entries) {
    if (e.collection === 'events') {
      const d = e.data;
      items.push({
        key: e.key,
        date: d.date,
        dateLabel: listedDateText(e, locale, t)!,
        kind: d.kind,
        kindLabel: t(`eventKind.${d.kind}` as UiKey),
        link: linkView(wiki, e.key, locale, t),
        entities: entitiesOf(e),
      });
    } else if (e.collection === 'contracts') {
      const d = e.data;
      const date = e.listedDate;
      if (!date) continue; // undated contracts cannot be placed in time
      items.push({
        key: e.key,
        date,
        dateLabel: dateText(date, locale)!,
        kind: 'contract-award',
        kindLabel: d.awarded ? t('timeline.contractAwarded') : t('timeline.contractStarted'),
        link: linkView(wiki, e.key, locale, t),
        entities: entitiesOf(e),
      });
    }
  }
  return items.sort((a, b) => compareDates(a.date, b.date) || a.link.label.localeCompare(b.link.label, locale) || (a.key < b.key ? -1 : 1));
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
