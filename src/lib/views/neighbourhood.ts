/**
 * What a relationship picture shows: for an entry page, its neighbourhood
 * (contracts, buyers, suppliers, parent bodies, roles, members, events); for /network/, each
 * cluster of the company-agency-contract graph, with the people holding roles in it. Output is column input for
 * lib/layered-graph.ts, sorted by name so builds are deterministic.
 */
import type { Locale, Translate } from '../../i18n';
import type { UiKey } from '../../i18n/en';
import { entryKey, splitKey, type EntryKey } from '../isomorphic/entry-keys';
import { incomingBy } from '../model/graph';
import type { GraphColumnInput, GraphEdgeInput, GraphNodeInput } from './layered-graph';
import { compactAmountText, linkView } from './format';
import { sumContractValues } from '../isomorphic/money';
import { contractData, parentOf, type Wiki } from '../model/entry';
import { rolesAt, rolesOf } from '../model/people';
import { eventsInvolving } from '../model/relations';
import type { ReferenceRelation } from '../../schemas/references';

/** The entries an entry names through one front-matter relation. */
const references = (wiki: Wiki, key: EntryKey, relation: ReferenceRelation): EntryKey[] =>
  (wiki.entries.get(key)?.references ?? []).filter((r) => r.relation === relation).map((r) => r.target);

export interface GraphInput {
  columns: GraphColumnInput[];
  edges: GraphEdgeInput[];
}

function nodeOf(wiki: Wiki, key: EntryKey, locale: Locale, t: Translate, current = false): GraphNodeInput {
  const link = linkView(wiki, key, locale, t);
  const values = contractData(wiki, key)?.values ?? [];
  // A contract shows its value: the first currency and kind reported, as a range where reports differ (all values are in its facts).
  const total = sumContractValues([values])[0];
  const detail = total ? compactAmountText(total, locale) : undefined;
  return { id: key, label: link.label, type: splitKey(key).collection, typeLabel: link.type, href: link.href, lang: link.lang, current, detail };
}

/** Most nodes a column shows; the rest are summed up in one "N more" box linking to the full list on the page. */
export const COLUMN_CAP = 6;

function column(
  wiki: Wiki,
  id: string,
  title: string,
  keys: Iterable<EntryKey>,
  locale: Locale,
  t: Translate,
  current?: EntryKey,
  more?: { href: string },
): GraphColumnInput {
  let unique = [...new Set(keys)];
  let hidden = 0;
  if (more && unique.length > COLUMN_CAP) {
    // Keep the entry itself and the most recent others; pictures stay legible and pages light at any size.
    const date = (k: EntryKey) => wiki.entries.get(k)!.listedDate ?? '';
    unique = unique.sort((a, b) => Number(b === current) - Number(a === current) || date(b).localeCompare(date(a)) || (a < b ? -1 : 1));
    hidden = unique.length - (COLUMN_CAP - 1);
    unique = unique.slice(0, COLUMN_CAP - 1);
  }
  const nodes = unique.map((k) => nodeOf(wiki, k, locale, t, k === current));
  nodes.sort((a, b) => Number(b.current ?? false) - Number(a.current ?? false) || a.label.localeCompare(b.label, locale) || (a.id < b.id ? -1 : 1));
  if (hidden && more) nodes.push({ id: `more:${id}`, label: t('graph.more', { count: hidden }), type: 'more', typeLabel: title, href: more.href });
  return { id, title, nodes };
}

const contract = (wiki: Wiki, key: EntryKey) => contractData(wiki, key)!;

/** The neighbourhood of a company, agency, contract, person or organisation. */
export function neighbourhood(wiki: Wiki, key: EntryKey, locale: Locale, t: Translate): GraphInput {
  const { collection } = splitKey(key);
  const g = wiki.graph;
  const edges: GraphEdgeInput[] = [];
  const rel = (k: 'supplies' | 'buys' | 'parentOf' | 'involvedIn' | 'roleAt' | 'memberOf') => t(`graph.rel.${k}` as UiKey);
  const events = eventsInvolving(g, key);
  for (const ev of events) edges.push({ from: key, to: ev, label: rel('involvedIn') });

  /**
   * The entry and its subsidiaries or sub-agencies, with the edges to them.
   * Its parent is not drawn in the same column as though it were one of its
   * own divisions; the facts box names it.
   */
  const familyOf = (k: EntryKey): EntryKey[] => {
    const children = incomingBy(g, k, 'parent');
    for (const sub of children) edges.push({ from: k, to: sub, label: rel('parentOf') });
    return [k, ...children];
  };

  if (collection === 'companies') {
    const contracts = incomingBy(g, key, 'supplier');
    const buyers = contracts.map((c) => entryKey('agencies', contract(wiki, c).buyer));
    const family = familyOf(key);
    for (const c of contracts) {
      edges.push({ from: key, to: c, label: rel('supplies') });
      edges.push({ from: entryKey('agencies', contract(wiki, c).buyer), to: c, label: rel('buys') });
    }
    return {
      columns: [
        column(wiki, 'buyers', t('entry.buyers'), buyers, locale, t, undefined, { href: '#rel-buyers' }),
        column(wiki, 'contracts', t('collection.contracts'), contracts, locale, t, undefined, { href: '#rel-contracts' }),
        column(wiki, 'companies', t('collection.companies'), family, locale, t, key, { href: '#rel-subsidiaries' }),
        column(wiki, 'events', t('collection.events'), events, locale, t, undefined, { href: '#rel-timeline' }),
      ],
      edges,
    };
  }
  if (collection === 'agencies') {
    const contracts = incomingBy(g, key, 'buyer');
    const suppliers = contracts.flatMap((c) => contract(wiki, c).suppliers.map((s) => entryKey('companies', s.company)));
    const family = familyOf(key);
    for (const c of contracts) {
      edges.push({ from: key, to: c, label: rel('buys') });
      for (const s of contract(wiki, c).suppliers) edges.push({ from: entryKey('companies', s.company), to: c, label: rel('supplies') });
    }
    return {
      columns: [
        column(wiki, 'suppliers', t('entry.suppliers'), suppliers, locale, t, undefined, { href: '#rel-suppliers' }),
        column(wiki, 'contracts', t('collection.contracts'), contracts, locale, t, undefined, { href: '#rel-contracts' }),
        column(wiki, 'agencies', t('collection.agencies'), family, locale, t, key, { href: '#rel-sub-agencies' }),
        column(wiki, 'events', t('collection.events'), events, locale, t, undefined, { href: '#rel-timeline' }),
      ],
      edges,
    };
  }
  if (collection === 'people') {
    const person = wiki.entries.get(key)!;
    const places = rolesOf(person).map((r) => r.at);
    for (const at of new Set(places)) edges.push({ from: key, to: at, label: rel('roleAt') });
    // The person in the middle: every edge joins neighbouring columns.
    return {
      columns: [
        column(wiki, 'roles', t('entry.rolesAt'), places, locale, t, undefined, { href: '#rel-roles' }),
        column(wiki, 'people', t('collection.people'), [key], locale, t, key),
        column(wiki, 'events', t('collection.events'), events, locale, t, undefined, { href: '#rel-timeline' }),
      ],
      edges,
    };
  }
  if (collection === 'organizations') {
    const people = rolesAt(wiki, key).map((r) => r.person);
    for (const p of new Set(people)) edges.push({ from: p, to: key, label: rel('roleAt') });
    const family = familyOf(key);
    const members = references(wiki, key, 'member');
    const memberOf = incomingBy(g, key, 'member');
    for (const m of members) edges.push({ from: m, to: key, label: rel('memberOf') });
    for (const m of memberOf) edges.push({ from: key, to: m, label: rel('memberOf') });
    // The organisation in the middle, its people, members and the groups it belongs to on one side, events on the other.
    return {
      columns: [
        column(wiki, 'connected', t('graph.peopleAndOrganizations'), [...people, ...members, ...memberOf], locale, t, undefined, { href: '#rel-people' }),
        column(wiki, 'organizations', t('collection.organizations'), family, locale, t, key, { href: '#rel-sub-organizations' }),
        column(wiki, 'events', t('collection.events'), events, locale, t, undefined, { href: '#rel-timeline' }),
      ],
      edges,
    };
  }
  // contracts: the parties (suppliers, then the buyer) on one side, the events on the other, so every edge joins neighbouring columns.
  const d = contract(wiki, key);
  const buyer = entryKey('agencies', d.buyer);
  const suppliers = d.suppliers.map((s) => entryKey('companies', s.company));
  for (const s of suppliers) edges.push({ from: s, to: key, label: rel('supplies') });
  edges.push({ from: buyer, to: key, label: rel('buys') });
  const parties = column(wiki, 'parties', t('graph.parties'), [...suppliers, buyer], locale, t);
  // Suppliers above the buyer, each group in name order.
  parties.nodes.sort((a, b) => Number(a.type === 'agencies') - Number(b.type === 'agencies') || a.label.localeCompare(b.label, locale));
  return {
    columns: [
      parties,
      column(wiki, 'contracts', t('collection.contracts'), [key], locale, t, key),
      column(wiki, 'events', t('collection.events'), events, locale, t, undefined, { href: '#rel-events' }),
    ],
    edges,
  };
}

/** The top-level body an agency belongs to (itself when it has no parent). */
export function rootAgency(wiki: Wiki, key: EntryKey): EntryKey {
  let current = key;
  const seen = new Set<EntryKey>();
  for (;;) {
    const parent = parentOf(wiki.entries.get(current));
    if (!parent || seen.has(current)) return current;
    seen.add(current);
    current = parent;
  }
}

export interface Cluster extends GraphInput {
  root: EntryKey;
  contracts: number;
}

/**
 * The whole company-agency-contract graph, split into one cluster per
 * top-level buying body (DHS and its agencies, the Israeli government...), so
 * each picture stays legible however large the wiki grows.
 */
export function networkClusters(wiki: Wiki, locale: Locale, t: Translate): Cluster[] {
  const byRoot = new Map<EntryKey, EntryKey[]>();
  for (const c of wiki.byCollection.contracts) {
    const root = rootAgency(wiki, entryKey('agencies', c.data.buyer));
    (byRoot.get(root) ?? byRoot.set(root, []).get(root)!).push(c.key);
  }
  const clusters: Cluster[] = [];
  for (const [root, contracts] of byRoot) {
    const edges: GraphEdgeInput[] = [];
    const agencies = new Set<EntryKey>();
    const companies = new Set<EntryKey>();
    for (const c of contracts) {
      const d = contract(wiki, c);
      const buyer = entryKey('agencies', d.buyer);
      agencies.add(buyer);
      edges.push({ from: buyer, to: c, label: t('graph.rel.buys') });
      for (const s of d.suppliers) {
        companies.add(entryKey('companies', s.company));
        edges.push({ from: entryKey('companies', s.company), to: c, label: t('graph.rel.supplies') });
      }
    }
    // People with roles at the cluster's companies, in the column beside them: who decided and who spoke for them.
    const people = new Set<EntryKey>();
    for (const at of companies) {
      for (const r of rolesAt(wiki, at)) {
        people.add(r.person);
        edges.push({ from: r.person, to: at, label: t('graph.rel.roleAt') });
      }
    }
    clusters.push({
      root,
      contracts: contracts.length,
      columns: [
        ...(people.size ? [column(wiki, 'people', t('collection.people'), people, locale, t)] : []),
        column(wiki, 'companies', t('collection.companies'), companies, locale, t),
        column(wiki, 'contracts', t('collection.contracts'), contracts, locale, t),
        column(wiki, 'agencies', t('collection.agencies'), agencies, locale, t),
      ],
      edges,
    });
  }
  const name = (k: EntryKey) => linkView(wiki, k, locale, t).label;
  return clusters.sort((a, b) => b.contracts - a.contracts || name(a.root).localeCompare(name(b.root), locale));
}
