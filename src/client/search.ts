/**
 * The search page's island: runs Pagefind queries as the reader types, offers
 * filters built from the index, and keeps the query and filters in the URL so
 * a search can be shared. Everything the reader sees is built with DOM APIs
 * (no innerHTML), and excerpts keep only Pagefind's <mark> highlighting.
 *
 * Browser only: imports nothing but browser-safe modules (src/lib/isomorphic).
 */
import { ALIAS_SEPARATOR, SHARD_MANIFEST } from '../lib/isomorphic/search-contract';
import { pluralText, type PluralForms } from '../lib/isomorphic/plural';
import { exactName, nameBucket, namesStarting, nearestNames, type NameRecord } from '../lib/isomorphic/did-you-mean';
import { carryToOtherLanguage } from './lang-switch';

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results: PagefindSubResult[];
}
interface PagefindResult {
  id: string;
  data: () => Promise<PagefindData>;
}
interface PagefindSearch {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  mergeIndex: (path: string, o: Record<string, unknown>) => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  preload: (q: string, o: Record<string, unknown>) => Promise<void>;
  search: (q: string | null, o: Record<string, unknown>) => Promise<PagefindSearch>;
}

/**
 * The bundles a large wiki's index is split into (see lib/search-shards.ts)
 * and how many pages were indexed; no shards and an unknown count when the
 * file is missing.
 */
async function shardManifest(bundle: string): Promise<{ shards: string[]; pages?: number }> {
  try {
    const response = await fetch(`${bundle}${SHARD_MANIFEST}`);
    if (!response.ok) return { shards: [] };
    const { shards, pages } = (await response.json()) as { shards?: unknown; pages?: unknown };
    return {
      shards: Array.isArray(shards) ? shards.filter((s): s is string => typeof s === 'string' && /^[\w-]+\/$/.test(s)) : [],
      pages: typeof pages === 'number' ? pages : undefined,
    };
  } catch {
    return { shards: [] };
  }
}

const PAGE_SIZE = 10;
/** Characters typed before searching as the reader types; Enter searches any query. */
const MIN_TYPED = 2;
/** How far down Pagefind's list to look for the entry a query names exactly. */
const EXACT_DEPTH = 60;
/** Values a filter group shows before its "show all" button. */
const FILTER_VALUES_SHOWN = 12;
/** How many top hits are re-ranked by name (their fragments are loaded anyway for display). */
const RERANK_DEPTH = 10;
/**
 * While typing, a query whose last word has fewer letters than this waits for a
 * pause of SHORT_PAUSE_MS before it is searched (or Enter): see typingPause.
 */
const SHORT_WORD = 3;
const SHORT_PAUSE_MS = 250;

/**
 * What is searched while the reader types: a last word of one letter waits for
 * the next (alone it matches most of a large index, and loading its index
 * chunks costs more than the rest of the query); Enter searches everything.
 */
export function typingQuery(typed: string, minTyped = MIN_TYPED): string {
  const words = typed.trim().split(/\s+/);
  if ([...(words.at(-1) ?? '')].length < minTyped) words.pop();
  return words.join(' ');
}

/**
 * How long a query searched while typing waits for the next keystroke before
 * it is searched: a last word of two letters matches most of a large index
 * (at 10,000 entries "se" matched 7,200 pages through dozens of words), and
 * Pagefind's cost grows with pages times matching words, so that one search
 * took longer than typing the rest of the word, and the search for the word
 * the reader meant had to wait for it (a search cannot be stopped once
 * started). Measured with scripts/bench/search-probe.ts. Longer words, and any
 * query after a pause or Enter, are searched at once.
 */
export function typingPause(query: string, shortWord = SHORT_WORD, pauseMs = SHORT_PAUSE_MS): number {
  const last = query.trim().split(/\s+/).at(-1) ?? '';
  return last && [...last].length < shortWord ? pauseMs : 0;
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase().trim();

/**
 * How well an entry's names match the query: 3 for an exact name, alias or
 * acronym; 2-3 for a name starting with the query; 1-2 for a name containing it
 * as a word, higher the more of the name the query covers; 0 otherwise.
 * Pagefind ranks by body text, so a contract that repeats "Microsoft" can
 * outrank the company itself; researchers typing a name expect that entry first.
 */
export function nameMatch(query: string, names: readonly string[]): number {
  const q = fold(query);
  if (!q) return 0;
  const word = new RegExp(`(^|[\\s(/-])${q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[\\s)/,-])`, 'u');
  let best = 0;
  for (const name of names.map(fold).filter(Boolean)) {
    const cover = q.length / name.length;
    if (name === q) return 3;
    if (name.startsWith(q)) best = Math.max(best, 2 + cover);
    else if (word.test(name)) best = Math.max(best, 1 + cover);
  }
  return best;
}

/** Stable re-ranking of loaded hits by name match, keeping Pagefind's order within a tier. */
export function rerankByName<T extends { names: string[] }>(query: string, hits: readonly T[]): T[] {
  return hits
    .map((hit, i) => ({ hit, i, tier: nameMatch(query, hit.names) }))
    .sort((a, b) => b.tier - a.tier || a.i - b.i)
    .map((x) => x.hit);
}

/** Split a Pagefind excerpt into text and highlighted runs; anything else is shown as text. */
export function excerptRuns(excerpt: string): { text: string; mark: boolean }[] {
  const runs: { text: string; mark: boolean }[] = [];
  const parts = excerpt.split(/(<mark>|<\/mark>)/);
  let mark = false;
  for (const part of parts) {
    if (part === '<mark>') mark = true;
    else if (part === '</mark>') mark = false;
    else if (part) runs.push({ text: decodeEntities(part), mark });
  }
  return runs;
}

function decodeEntities(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|#39|#x27);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'", '#x27': "'" })[e] ?? _);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function excerptNode(excerpt: string): HTMLElement {
  const p = el('p', { className: 'excerpt' });
  for (const run of excerptRuns(excerpt)) p.append(run.mark ? el('mark', {}, run.text) : run.text);
  return p;
}

export async function startSearch(root: HTMLElement): Promise<void> {
  const table = JSON.parse(root.dataset.text ?? '{}') as Record<string, string>;
  const say = (key: string) => table[key] ?? key;
  const countForms = JSON.parse(root.dataset.countForms ?? '{"other":"{count}"}') as PluralForms;
  const typeLabels = JSON.parse(root.dataset.types ?? '{}') as Record<string, string>;
  const filterKeys = (root.dataset.filters ?? '').split(' ').filter(Boolean);
  const input = root.querySelector<HTMLInputElement>('#search-input')!;
  const form = root.querySelector<HTMLFormElement>('form')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-list]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const filterBox = root.querySelector<HTMLDetailsElement>('[data-search-filters]')!;
  const groups = root.querySelector<HTMLElement>('[data-search-filter-groups]')!;
  const clear = root.querySelector<HTMLButtonElement>('[data-search-clear]')!;
  const suggest = root.querySelector<HTMLElement>('[data-search-suggest]')!;
  const nameFiles = new Map<string, Promise<NameRecord[]>>();
  /** The names starting with the query's first letter (one small file per letter, each fetched once). */
  function namesFor(q: string): Promise<NameRecord[]> {
    const bucket = nameBucket(q);
    if (!bucket || !root.dataset.names) return Promise.resolve([]);
    let file = nameFiles.get(bucket);
    if (!file) {
      file = fetch(`${root.dataset.names}${bucket}.json`)
        .then((r) => (r.ok ? (r.json() as Promise<{ names: NameRecord[] }>) : { names: [] }))
        .then((d) => d.names)
        .catch(() => []);
      nameFiles.set(bucket, file);
    }
    return file;
  }
  /** Offer the nearest entry names when a query finds nothing. */
  async function suggestFor(q: string, mine: number) {
    suggest.hidden = true;
    suggest.replaceChildren();
    if (!q) return;
    const nearest = nearestNames(q, await namesFor(q));
    if (mine !== newest || nearest.length === 0) return;
    suggest.append(`${say('didYouMean')} `);
    nearest.forEach((n, i) => {
      if (i > 0) suggest.append(say('separator'));
      suggest.append(el('a', { href: n.href }, n.label));
    });
    suggest.hidden = false;
  }

  const params = new URL(location.href).searchParams;
  input.value = params.get('q') ?? '';
  const selected = new Map<string, Set<string>>(filterKeys.map((k) => [k, new Set(params.getAll(k))]));

  let pagefind: Pagefind;
  try {
    status.textContent = say('loading');
    const bundle = root.dataset.bundle!;
    const [module, { shards, pages }] = await Promise.all([import(/* @vite-ignore */ `${bundle}pagefind.js`), shardManifest(bundle)]);
    if (pages === 0) {
      status.textContent = say('empty'); // a new wiki: Pagefind has no index to load
      return;
    }
    pagefind = module as Pagefind;
    // Short pages (an agency, a contract) should not lose to long ones that merely repeat a name;
    // an acronym or alias ("ICE") is a name, and weighs more than a word in another entry's title.
    const options = { baseUrl: root.dataset.base, excerptLength: 24, ranking: { pageLength: 0.25, termSaturation: 1.2, metaWeights: { title: 5, aka: 10 } } };
    await pagefind.options(options);
    await pagefind.init();
    await Promise.all(shards.map((shard) => pagefind.mergeIndex(`${bundle}${shard}`, options)));
  } catch {
    status.textContent = say('error');
    return;
  }

  // Every filter value's count, kept at hand: a large wiki has thousands of
  // values, and the counts change on every keystroke.
  let countSpans: { key: string; value: string; span: HTMLElement; shown: number }[] = [];

  const allFilters = await pagefind.filters();
  renderFilterGroups(allFilters);
  // Open beside the results on a wide screen; one line above them on a phone, so the first result stays in view.
  filterBox.open = matchMedia('(min-width: 60rem)').matches;
  filterBox.classList.remove('is-loading');

  let current: (() => Promise<PagefindData>)[] = [];
  let shown = 0;

  function renderFilterGroups(available: Record<string, Record<string, number>>) {
    groups.replaceChildren();
    countSpans = [];
    for (const key of filterKeys) {
      const values = Object.keys(allFilters[key] ?? {});
      if (!values.length) continue;
      values.sort((a, b) => (key === 'year' ? b.localeCompare(a) : a.localeCompare(b, document.documentElement.lang)));
      const legend = el('legend', {}, say(`filter.${key}`));
      const fieldset = el('fieldset', { className: 'filter-group' }, legend);
      fieldset.dataset.filter = key;
      const ul = el('ul');
      values.forEach((value, i) => {
        const id = `filter-${key}-${i}`;
        const box = el('input', { type: 'checkbox', id, value, checked: selected.get(key)!.has(value) });
        box.dataset.filterKey = key;
        const count = available[key]?.[value] ?? 0;
        const countSpan = el('span', { className: 'count' }, `(${count})`);
        countSpans.push({ key, value, span: countSpan, shown: count });
        const label = el('label', { htmlFor: id }, value, ' ', countSpan);
        const li = el('li', {}, box, label);
        // Long groups show their first values and one button for the rest (no scroll box inside the page).
        if (i >= FILTER_VALUES_SHOWN && !selected.get(key)!.has(value)) li.hidden = true;
        ul.append(li);
      });
      fieldset.append(ul);
      const hidden = [...ul.children].filter((li) => (li as HTMLElement).hidden).length;
      if (hidden) {
        const all = el('button', { type: 'button', className: 'link-button' }, say('showAll').replace('{count}', String(values.length)));
        all.addEventListener('click', () => {
          for (const li of ul.children) (li as HTMLElement).hidden = false;
          all.remove();
        });
        fieldset.append(all);
      }
      groups.append(fieldset);
    }
  }

  function updateCounts(available: Record<string, Record<string, number>>) {
    for (const c of countSpans) {
      const count = available[c.key]?.[c.value] ?? 0;
      if (count === c.shown) continue;
      c.shown = count;
      c.span.textContent = `(${count})`;
    }
  }

  function activeFilters(): Record<string, { any: string[] }> {
    const out: Record<string, { any: string[] }> = {};
    for (const [key, values] of selected) if (values.size) out[key] = { any: [...values] };
    return out;
  }

  function syncUrl() {
    const url = new URL(location.href);
    url.search = '';
    if (input.value.trim()) url.searchParams.set('q', input.value.trim());
    for (const [key, values] of selected) for (const v of values) url.searchParams.append(key, v);
    history.replaceState(null, '', url);
    carryToOtherLanguage(['q']);
  }

  /** The next page of results; `replace` puts the first page in place of what the list showed, in one step. */
  async function renderMore(replace = false) {
    const run = newest;
    const batch = current.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(batch.map((load) => load()));
    if (run !== newest) return; // the list now belongs to a newer query
    const items = data.map(resultItem);
    if (replace) list.replaceChildren(...items);
    else list.append(...items);
    shown += batch.length;
    more.hidden = shown >= current.length;
  }

  /**
   * The entries a query starts the name of, shown at once while the full text
   * is searched (at 20,000 entries a common word takes Pagefind a second or
   * more): researchers mostly type names. The list is marked busy until the
   * full results take its place.
   */
  function showNames(q: string, records: readonly NameRecord[]) {
    list.replaceChildren(...records.map(nameItem));
    list.dataset.query = q;
    list.setAttribute('aria-busy', 'true');
    more.hidden = true;
    suggest.hidden = true;
    status.textContent = say('searching');
  }

  function nameItem([label, href]: NameRecord): HTMLLIElement {
    const collection = new URL(href, location.href).pathname.split('/').filter(Boolean).at(-2) ?? '';
    // The label may be in the other language (an untranslated entry's name): let it set its own direction.
    const heading = el('h2', {}, el('a', { href, dir: 'auto' }, label));
    const item = el('li', {}, el('article', {}, el('p', { className: 'type-badge' }, typeLabels[collection] ?? ''), heading));
    item.dataset.searchResult = '';
    return item;
  }

  function resultItem(d: PagefindData): HTMLLIElement {
    const link = el('a', { href: d.url }, d.meta.title ?? d.url);
    // A title in another language than the page's (a source's own title) keeps its language, isolated.
    if (d.meta.titleLang) Object.assign(link, { lang: d.meta.titleLang, dir: 'auto' });
    const heading = el('h2', {}, link);
    const head = el('p', { className: 'type-badge' }, d.meta.type ?? '');
    if (d.meta.date) head.append(' · ', el('span', {}, d.meta.date));
    const item = el('li', {}, el('article', {}, head, heading));
    item.dataset.searchResult = '';
    const article = item.firstElementChild!;
    if (d.meta.summary) article.append(el('p', { className: 'summary' }, d.meta.summary));
    article.append(excerptNode(d.excerpt));
    const subs = d.sub_results.filter((s) => s.url !== d.url && s.url.includes('#')).slice(0, 3);
    if (subs.length) {
      const ul = el('ul', { className: 'sub-results' });
      ul.setAttribute('aria-label', say('inSection'));
      for (const s of subs) ul.append(el('li', {}, el('a', { href: s.url }, s.title), excerptNode(s.excerpt)));
      article.append(ul);
    }
    return item;
  }

  // Each run takes a number; a run that is no longer the newest stops before
  // loading fragments, so a fast typist's last query does not queue behind
  // the fragment downloads of the queries typed on the way to it.
  let newest = 0;

  // One search computes at a time, and only the newest query waits for it: a
  // search cannot be stopped once started, so queued searches for the prefixes
  // a reader typed on the way would each delay the results they want.
  let busy: Promise<unknown> | null = null;
  async function searchWhenFree(mine: number, q: string | null, filters: Record<string, unknown>): Promise<PagefindSearch | null> {
    while (busy) {
      await busy;
      if (mine !== newest) return null;
    }
    if (mine !== newest) return null;
    const search = pagefind.search(q, { filters });
    busy = search.catch(() => {});
    try {
      return await search;
    } finally {
      busy = null;
    }
  }

  /** The query and filters of the search last started, shown or on its way. */
  let lastKey = '';
  /** `typing`: started by a keystroke, so a last word of one letter waits for the next (typingQuery). */
  async function run(typing = false) {
    syncUrl();
    const typed = input.value.trim();
    // The names file of the first letter is fetched as it is typed, before any search: its names show first.
    if (typed) void namesFor(typed);
    const q = typing ? typingQuery(typed) : typed;
    const filters = activeFilters();
    const key = JSON.stringify([q, filters]);
    // "labour o" searches what "labour" searched: let that search finish rather than supersede it.
    if (typing && key === lastKey) return;
    lastKey = key;
    const mine = ++newest;
    if (!q && !Object.keys(filters).length) {
      current = [];
      list.replaceChildren();
      delete list.dataset.query;
      list.removeAttribute('aria-busy');
      more.hidden = true;
      status.textContent = say('prompt');
      updateCounts(allFilters);
      return;
    }
    const pause = typing ? typingPause(q) : 0;
    if (pause) {
      await new Promise((resolve) => setTimeout(resolve, pause));
      if (mine !== newest) return; // the reader typed on: this short prefix is never searched, nor its index chunks fetched
    }
    if (q) pagefind.preload(q, { filters }).catch(() => {}); // fetch this query's index chunks while an older search computes
    const exactFile = q ? namesFor(q) : Promise.resolve([]);
    // Names first, unless the full results are here before them (names know nothing of filters).
    let answered = false;
    if (q && !Object.keys(filters).length)
      void exactFile.then((records) => {
        const named = answered || mine !== newest ? [] : namesStarting(q, records);
        if (named.length) showNames(q, named);
      });
    const search = await searchWhenFree(mine, q || null, filters);
    if (search === null || mine !== newest) return; // a newer keystroke superseded this search
    answered = true;
    const withNames = async (r: PagefindResult) => {
      const data = await r.data();
      return { data, names: [data.meta.title ?? '', ...(data.meta.aka ?? '').split(ALIAS_SEPARATOR)] };
    };
    const head = await Promise.all(search.results.slice(0, RERANK_DEPTH).map(withNames));
    // An entry named exactly by the query comes first even when Pagefind ranks it lower
    // (an Arabic name repeated in many titles): look a little further down for it.
    const exact = q ? exactName(q, await exactFile) : undefined;
    let depth = Math.min(RERANK_DEPTH, search.results.length);
    while (exact && depth < Math.min(search.results.length, EXACT_DEPTH) && !head.some((h) => h.data.url === exact)) {
      head.push(...(await Promise.all(search.results.slice(depth, depth + RERANK_DEPTH).map(withNames))));
      depth = Math.min(depth + RERANK_DEPTH, search.results.length);
    }
    if (mine !== newest) return;
    const ranked = q ? rerankByName(q, head) : head;
    const first = ranked.findIndex((h) => h.data.url === exact);
    if (first > 0) ranked.unshift(...ranked.splice(first, 1));
    current = [...ranked.map((h) => () => Promise.resolve(h.data)), ...search.results.slice(depth).map((r) => () => r.data())];
    shown = 0;
    await renderMore(true);
    if (mine !== newest) return;
    list.dataset.query = q;
    list.removeAttribute('aria-busy');
    updateCounts(search.filters);
    const n = current.length;
    status.textContent = n === 0 ? say('none') : pluralText(countForms, n, root.dataset.intl ?? 'en');
    if (n === 0) void suggestFor(q, mine);
    else suggest.hidden = true;
  }

  input.addEventListener('input', () => void run(true));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  groups.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    if (!box.dataset.filterKey) return;
    const set = selected.get(box.dataset.filterKey)!;
    if (box.checked) set.add(box.value);
    else set.delete(box.value);
    void run();
  });
  clear.addEventListener('click', () => {
    for (const set of selected.values()) set.clear();
    for (const box of groups.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) box.checked = false;
    void run();
  });
  more.addEventListener('click', () => void renderMore());
  await run();
}
