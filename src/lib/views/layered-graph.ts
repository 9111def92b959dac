/**
 * Deterministic layered layout for relationship pictures: nodes sit in named
 * columns (e.g. agencies | contracts | companies), each node a labelled box,
 * edges drawn between box sides. Boxes never overlap, so labels stay legible
 * at any size; the same input always gives the same output, byte for byte.
 * Right-to-left pages get mirrored columns.
 */

export interface GraphNodeInput {
  /** Unique id within the picture (an entry key). */
  id: string;
  label: string;
  /** Entry type, for shape/colour classes and the accessible name. */
  type: string;
  typeLabel: string;
  href: string;
  /** Language of the label when it differs from the page's. */
  lang?: string;
  /** The entry the picture is about. */
  current?: boolean;
  /** A short line under the name (a contract's value). */
  detail?: string;
}

export interface GraphColumnInput {
  id: string;
  title: string;
  nodes: GraphNodeInput[];
}

export interface GraphEdgeInput {
  from: string;
  to: string;
  /** Relation in words, for the text alternative and the edge's tooltip. */
  label: string;
}

export interface LayoutOptions {
  dir?: 'ltr' | 'rtl';
  nodeWidth?: number;
  nodeHeight?: number;
  columnGap?: number;
  rowGap?: number;
  padding?: number;
  headerHeight?: number;
  /** Longest label shown in a box before it is shortened with an ellipsis (the full label stays in the title). */
  maxChars?: number;
}

export interface PlacedNode extends GraphNodeInput {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Label lines as displayed (at most two). */
  lines: string[];
  /** Set when the detail line is longer than a box holds: the width to fit it into (SVG textLength). */
  detailLength?: number;
}

export interface PlacedEdge extends GraphEdgeInput {
  /** SVG path data. */
  d: string;
}

export interface GraphLayout {
  width: number;
  height: number;
  columns: { id: string; title: string; x: number; width: number }[];
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

/** Height a box gains for its detail line. */
const DETAIL_LINE = 14;

/** Whole pixels: the pictures are crisp at that precision and the markup stays small. */
const round = (n: number) => Math.round(n);

/** Break a label into at most two lines of maxChars, ending with an ellipsis when cut. */
export function wrapLabel(label: string, maxChars: number): string[] {
  const words = label.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= maxChars) line = next;
    else {
      if (line) lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= 2 && lines.every((l) => l.length <= maxChars)) return lines;
  const first = lines[0]!.length > maxChars ? `${lines[0]!.slice(0, maxChars - 1)}…` : lines[0]!;
  const rest = lines.slice(1).join(' ');
  if (!rest) return [first];
  return [first, rest.length > maxChars ? `${rest.slice(0, maxChars - 1).trimEnd()}…` : rest];
}

export function layoutLayers(columns: GraphColumnInput[], edges: GraphEdgeInput[], options: LayoutOptions = {}): GraphLayout {
  const {
    dir = 'ltr',
    // Four columns fit the page's reading column (about 760 px) without scrolling.
    nodeWidth = 148,
    nodeHeight = 44,
    columnGap = 44,
    rowGap = 12,
    padding = 12,
    headerHeight = 30,
    maxChars = 20,
  } = options;
  const used = columns.filter((c) => c.nodes.length > 0);
  // Boxes grow by one line when any has a detail line, so every box of a picture has one height.
  const boxHeight = nodeHeight + (used.some((c) => c.nodes.some((n) => n.detail)) ? DETAIL_LINE : 0);
  const tallest = Math.max(1, ...used.map((c) => c.nodes.length));
  const contentHeight = tallest * boxHeight + (tallest - 1) * rowGap;
  const width = padding * 2 + used.length * nodeWidth + Math.max(0, used.length - 1) * columnGap;
  const height = padding * 2 + headerHeight + contentHeight;
  const xOf = (i: number) => {
    const x = padding + i * (nodeWidth + columnGap);
    return dir === 'rtl' ? width - x - nodeWidth : x;
  };

  const placed = new Map<string, PlacedNode & { column: number }>();
  used.forEach((column, ci) => {
    // Centre shorter columns vertically so edges fan out evenly.
    const columnHeight = column.nodes.length * boxHeight + (column.nodes.length - 1) * rowGap;
    const top = padding + headerHeight + (contentHeight - columnHeight) / 2;
    column.nodes.forEach((node, ri) => {
      if (placed.has(node.id)) return; // a node appears once, in its first column
      placed.set(node.id, {
        ...node,
        x: round(xOf(ci)),
        y: round(top + ri * (boxHeight + rowGap)),
        width: nodeWidth,
        height: boxHeight,
        lines: wrapLabel(node.label, maxChars),
        // An amount is never cut ("29.8–30 مليون دولار أمريكي"): a long one is narrowed to the box instead.
        ...(node.detail && node.detail.length > maxChars ? { detailLength: nodeWidth - 12 } : {}),
        column: ci,
      });
    });
  });

  const placedEdges: PlacedEdge[] = [];
  for (const edge of edges) {
    const a = placed.get(edge.from);
    const b = placed.get(edge.to);
    if (!a || !b || a === b) continue;
    const ay = a.y + a.height / 2;
    const by = b.y + b.height / 2;
    let d: string;
    if (a.column === b.column) {
      // Same column: an arc bulging outwards on the column's outer side.
      const side = dir === 'rtl' ? a.x : a.x + a.width;
      const bulge = dir === 'rtl' ? -columnGap / 2 : columnGap / 2;
      d = `M${round(side)},${round(ay)} C${round(side + bulge)},${round(ay)} ${round(side + bulge)},${round(by)} ${round(side)},${round(by)}`;
    } else {
      const [left, right] = a.x < b.x ? [a, b] : [b, a];
      const x1 = left.x + left.width;
      const y1 = left.y + left.height / 2;
      const x2 = right.x;
      const y2 = right.y + right.height / 2;
      const mid = (x1 + x2) / 2;
      d = `M${round(x1)},${round(y1)} C${round(mid)},${round(y1)} ${round(mid)},${round(y2)} ${round(x2)},${round(y2)}`;
    }
    placedEdges.push({ ...edge, d });
  }

  return {
    width,
    height,
    columns: used.map((c, i) => ({ id: c.id, title: c.title, x: round(xOf(i)), width: nodeWidth })),
    nodes: [...placed.values()].map(({ column: _column, ...node }) => node),
    edges: placedEdges,
  };
}

/** The relationships in words, one per subject and relation, in edge order: "ICE buys: A, B, C". */
export function sentencesOf(edges: readonly { from: string; label: string; to: string }[]): { from: string; label: string; to: string[] }[] {
  const sentences: { from: string; label: string; to: string[] }[] = [];
  const grouped = new Map<string, { from: string; label: string; to: string[] }>();
  for (const e of edges) {
    const key = `${e.from}|${e.label}`;
    const group = grouped.get(key) ?? grouped.set(key, { from: e.from, label: e.label, to: [] }).get(key)!;
    if (group.to.length === 0) sentences.push(group);
    group.to.push(e.to);
  }
  return sentences;
}
