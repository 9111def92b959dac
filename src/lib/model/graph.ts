/**
 * The link graph of the whole wiki, computed once per build: typed edges from
 * front matter and bodies, and a reverse index for backlinks (never a scan of
 * every entry per page).
 */
import type { ReferenceRelation } from '../../schemas/references';
import { entryKey, type EntryKey } from '../isomorphic/entry-keys';

/** Front-matter relations (schemas/references.ts), citations of sources, and links in a body. */
export type Relation = ReferenceRelation | 'cites' | 'mentions';

export interface Edge {
  from: EntryKey;
  to: EntryKey;
  relation: Relation;
}

export interface GraphNode {
  key: EntryKey;
  /** Front-matter references, resolved (schemas/references.ts). */
  references: readonly { relation: Relation; target: EntryKey }[];
  /** Front-matter citations. */
  factCites: readonly { citation: { source: string } }[];
  /** Entry keys linked from the body (all languages). */
  bodyLinks: readonly EntryKey[];
  /** Source ids cited in the body (all languages). */
  bodyCites: readonly string[];
}

export interface Backlink {
  from: EntryKey;
  relations: Relation[];
}

export interface Graph {
  edges: Edge[];
  outgoing: Map<EntryKey, Edge[]>;
  incoming: Map<EntryKey, Edge[]>;
}

/** The typed edges an entry's front matter and body create. */
export function edgesOf(node: GraphNode): Edge[] {
  const edges: Edge[] = [];
  const add = (to: EntryKey, relation: Relation) => {
    if (to !== node.key) edges.push({ from: node.key, to, relation });
  };
  for (const ref of node.references) add(ref.target, ref.relation);
  for (const id of new Set([...node.factCites.map((c) => c.citation.source), ...node.bodyCites])) add(entryKey('sources', id), 'cites');
  for (const k of node.bodyLinks) add(k, 'mentions');
  return edges;
}

/** Build the graph and its reverse index in one pass over the entries. */
export function buildGraph(nodes: Iterable<GraphNode>): Graph {
  const edges: Edge[] = [];
  const outgoing = new Map<EntryKey, Edge[]>();
  const incoming = new Map<EntryKey, Edge[]>();
  for (const node of nodes) {
    const seen = new Set<string>();
    for (const edge of edgesOf(node)) {
      const id = `${edge.to}|${edge.relation}`;
      if (seen.has(id)) continue;
      seen.add(id);
      edges.push(edge);
      (outgoing.get(edge.from) ?? outgoing.set(edge.from, []).get(edge.from)!).push(edge);
      (incoming.get(edge.to) ?? incoming.set(edge.to, []).get(edge.to)!).push(edge);
    }
  }
  return { edges, outgoing, incoming };
}

/** Backlinks of an entry: one item per linking entry with all its relations, sorted by key. */
export function backlinksOf(graph: Graph, key: EntryKey): Backlink[] {
  const byFrom = new Map<EntryKey, Relation[]>();
  for (const edge of graph.incoming.get(key) ?? []) {
    const list = byFrom.get(edge.from) ?? [];
    if (!list.includes(edge.relation)) list.push(edge.relation);
    byFrom.set(edge.from, list);
  }
  return [...byFrom]
    .map(([from, relations]) => ({ from, relations }))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** Entries linking to `key` through one relation. */
export function incomingBy(graph: Graph, key: EntryKey, relation: Relation): EntryKey[] {
  return (graph.incoming.get(key) ?? []).filter((e) => e.relation === relation).map((e) => e.from);
}
