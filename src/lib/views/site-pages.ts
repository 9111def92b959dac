/**
 * The home, timeline and network pages, prepared once per page in the
 * reader's language: the pages only render what these return.
 *
 * Pure: no Node, no Astro (unit-tested on the fixture wiki).
 */
import { LOCALE_INFO, translator, type Locale, type UiKey } from '../../i18n';
import { localName, type Wiki } from '../model/entry';
import { lastChanged, type EntryHistory } from '../model/history';
import { COLLECTIONS, isActorCollection } from '../isomorphic/collections';
import { splitKey, type EntryKey } from '../isomorphic/entry-keys';
import { dateText, linkView } from './format';
import { layoutLayers } from './layered-graph';
import { networkClusters } from './neighbourhood';
import { groupByYear, timelineItems } from './timeline';

/** How many recently changed entries the home page lists. */
const RECENT = 8;

/** Counts per collection, the most recently changed entries (from git), and every entry but sources by type. */
export function homePage(wiki: Wiki, historyOf: (key: EntryKey) => EntryHistory, locale: Locale) {
  const t = translator(locale);
  const recent = [...wiki.entries.values()]
    .map((e) => ({ e, changed: lastChanged(historyOf(e.key), locale) }))
    .filter((x): x is { e: typeof x.e; changed: string } => !!x.changed)
    .sort((a, b) => b.changed.localeCompare(a.changed) || (a.e.key < b.e.key ? -1 : 1))
    .slice(0, RECENT)
    .map(({ e, changed }) => ({ link: linkView(wiki, e.key, locale, t, true), note: dateText(changed.slice(0, 10), locale) }));
  return {
    counts: COLLECTIONS.map((c) => ({ collection: c, count: wiki.byCollection[c].length, label: t(`collection.${c}` as UiKey) })),
    recent,
    browse: COLLECTIONS.filter((c) => c !== 'sources').map((c) => ({
      collection: c,
      title: t(`collection.${c}` as UiKey),
      items: wiki.byCollection[c].map((e) => ({ link: linkView(wiki, e.key, locale, t) })),
    })),
  };
}

/** Every event and contract in date order, by year, with the filter options (the actors taking part: companies, agencies, people, organisations; kinds). */
export function timelinePage(wiki: Wiki, locale: Locale) {
  const t = translator(locale);
  const items = timelineItems(wiki, [...wiki.byCollection.events, ...wiki.byCollection.contracts], locale, t);
  const entityKeys = [...new Set(items.flatMap((i) => i.entities))].filter((k) => isActorCollection(splitKey(k).collection));
  return {
    years: groupByYear(items),
    count: items.length,
    entities: entityKeys.map((key) => ({ key, label: localName(wiki.entries.get(key)!, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale)),
    kinds: [...new Map(items.map((i) => [i.kind, i.kindLabel])).entries()].sort((a, b) => a[1].localeCompare(b[1], locale)),
  };
}

/** One laid-out picture per top-level buying body. */
export function networkPage(wiki: Wiki, locale: Locale) {
  const t = translator(locale);
  const dir = LOCALE_INFO[locale].dir;
  return networkClusters(wiki, locale, t).map((c) => {
    const root = linkView(wiki, c.root, locale, t);
    const count = (col: string) => c.columns.find((x) => x.id === col)?.nodes.length ?? 0;
    return {
      id: `cluster-${splitKey(c.root).id}`,
      root,
      layout: layoutLayers(c.columns, c.edges, { dir }),
      title: t('network.cluster', { name: root.label }),
      description: t('network.clusterDesc', { contracts: t('count.contracts', { count: c.contracts }), companies: t('count.companies', { count: count('companies') }), agencies: t('count.agencies', { count: count('agencies') }) }),
    };
  });
}
