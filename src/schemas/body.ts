/**
 * What an entry body may contain beyond plain Markdown: the one allowlist the
 * content check enforces (lib/content/body-syntax.ts) and the renderer
 * follows (lib/views/body-html.ts), and how both read a body.
 *
 * Isomorphic: no Node, no Astro.
 */

/** Components the site passes to rendered content, with the attributes each accepts. */
export const CONTENT_COMPONENTS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  Cite: ['source', 'via', 'locator'],
});

/** Inline HTML elements a contributor may write, with the attributes each accepts. */
export const SAFE_ELEMENTS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  abbr: ['title'],
  bdi: ['dir'],
  br: [],
  kbd: [],
  mark: [],
  q: ['lang', 'dir'],
  span: ['lang', 'dir'],
  sub: [],
  sup: [],
});

/** Sätteri's features for entry bodies: those Astro's MDX pipeline uses (see @astrojs/markdown-satteri), so bodies read as Astro would read them. */
export const SATTERI_FEATURES = { gfm: true, smartPunctuation: true } as const;

/**
 * Ids the entry page gives its own elements. A body heading gets the id
 * github-slugger makes of its text ("## Cite APA" becomes "cite-apa"), so a
 * heading whose id is one of these, or starts with one of the prefixes, would
 * take the place of the page's own element (the "Copy APA" button would copy
 * the heading). tests/unit/page-ids.test.ts checks the lists against the
 * entry page, its layout and its components.
 */
export const PAGE_IDS: readonly string[] = Object.freeze([
  'backlinks-title',
  'cite-title',
  'corrections-title',
  'facts-title',
  'footnotes-title',
  'header-search',
  'main',
  'neighbourhood',
  'responses-title',
]);
export const PAGE_ID_PREFIXES: readonly string[] = Object.freeze(['cite-', 'neighbourhood-', 'note-', 'rel-', 'timeline-', 'value-chart-']);
