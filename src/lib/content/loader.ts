/**
 * The content loader of every collection: entries are stored as the content
 * check read and validated them (checked.ts: one reading and one check per
 * build, shared with the Open Graph cards), with the entries each body links
 * to and the sources it cites, so the model (model/wiki.ts) never parses a
 * body. Bodies stay Markdown: pages render them from their syntax tree
 * (views/body-html.ts); nothing is turned into a module.
 *
 * In `astro dev` the loader watches the collection's folder and reloads a
 * file when it is saved, added or deleted.
 *
 * Node only.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTRY_FILE_NAME, type CollectionName, type TranslationLocale } from '../isomorphic/collections';
import type { EntryKey } from '../isomorphic/entry-keys';
import { contentDir as resolveContentDir } from '../settings';
import type { BodyCite } from './body-syntax';
import { formatProblem } from './check';
import { checkedContentOnce, recheckFile } from './checked';
import { setDevProblems } from './dev-problems';

/** An entry collection (`<id>.mdx` files), or the translations into one language (`<id>.<locale>.mdx`, ids "<collection>/<id>"). */
export type LoaderTarget = { collection: CollectionName } | { translations: TranslationLocale; collections: readonly CollectionName[] };

/** What the loader stores beside an entry's data and body (in `rendered.metadata`, Astro's place for a loader's own metadata). */
export interface BodyReferences {
  links: EntryKey[];
  cites: BodyCite[];
}

interface Stored extends BodyReferences {
  collection: CollectionName;
  id: string;
  file: string;
  data: Record<string, unknown>;
  body: string;
}

function storeId(target: LoaderTarget, file: Pick<Stored, 'collection' | 'id'>): string {
  return 'collection' in target ? file.id : `${file.collection}/${file.id}`;
}

/** What a path inside the content folder names, when it looks like an entry or translation file. */
function entryFileAt(contentDir: string, path: string): { collection: CollectionName; id: string; locale?: TranslationLocale; name: string } | undefined {
  const name = basename(path);
  const match = ENTRY_FILE_NAME.exec(name);
  if (dirname(dirname(path)) !== contentDir || !match) return undefined;
  return { collection: basename(dirname(path)) as CollectionName, id: match[1]!, locale: match[2] as TranslationLocale | undefined, name };
}

function belongs(target: LoaderTarget, file: { collection: CollectionName; locale?: TranslationLocale }): boolean {
  return 'collection' in target ? file.collection === target.collection && !file.locale : file.locale === target.translations && target.collections.includes(file.collection);
}

/** The checked entries (or translations) a loader stores. */
function checkedFor(root: string, target: LoaderTarget): Stored[] {
  const { entries } = checkedContentOnce(root);
  if ('collection' in target) return entries.filter((e) => e.collection === target.collection);
  const out: Stored[] = [];
  for (const e of entries) {
    const t = target.collections.includes(e.collection) ? e.translations[target.translations] : undefined;
    if (t) out.push({ collection: e.collection, id: e.id, file: t.file, data: t.data, body: t.body, links: t.links, cites: t.cites });
  }
  return out;
}


/** How long a saved file must stay unchanged before `astro dev` checks it again. */
const SETTLE_MS = 150;

export function wikiLoader(target: LoaderTarget): Loader {
  return {
    name: 'wiki-content',
    load: async (context: LoaderContext) => {
      const { store, generateDigest, config, logger, watcher } = context;
      const root = fileURLToPath(config.root);
      const contentDir = resolveContentDir(root);
      const filePathOf = (file: string) => relative(root, join(contentDir, relative('content', file))).split('\\').join('/');
      const put = (e: Stored) => {
        const metadata = { links: e.links, cites: e.cites } satisfies BodyReferences;
        store.set({ id: storeId(target, e), data: e.data, body: e.body, filePath: filePathOf(e.file), digest: generateDigest({ data: e.data, body: e.body }), rendered: { html: '', metadata } });
      };

      store.clear();
      for (const e of checkedFor(root, target)) put(e);

      if (!watcher) return;
      const collections = 'collection' in target ? [target.collection] : target.collections;
      for (const c of collections) watcher.add(join(contentDir, c));
      const mine = (path: string) => {
        const at = entryFileAt(contentDir, path);
        return at && belongs(target, at) ? at : undefined;
      };
      /**
       * A saved file is checked with the whole wiki, as `npm run validate` would:
       * its problems are printed in the same words and listed on every page
       * (src/middleware.ts), and until it has none the store keeps its last good version.
       */
      const reload = (path: string, deleted = false) => {
        const at = mine(path);
        if (!at) return;
        const file = `content/${at.collection}/${at.name}`;
        const { problems } = recheckFile(root, contentDir, at.collection, at.name, { deleted });
        const lines = problems.map(formatProblem);
        setDevProblems(lines);
        const own = problems.filter((p) => p.file === file);
        if (deleted) {
          store.delete(storeId(target, at));
        } else if (own.length) {
          logger.error(`${file} has ${own.length} problem(s); the site keeps showing its last good version until they are fixed:\n${own.map(formatProblem).join('\n')}`);
          return;
        } else {
          const checked = checkedFor(root, target).find((e) => e.collection === at.collection && e.id === at.id);
          if (checked) put(checked);
        }
        const others = lines.length - own.length;
        logger.info(`${file}: no problems${others ? `; ${others} problem(s) elsewhere (listed on every page)` : ''}`);
      };
      // An editor's save can arrive as several events (truncate, then write): check once the file has settled.
      const pending = new Map<string, ReturnType<typeof setTimeout>>();
      const settle = (path: string, deleted = false) => {
        clearTimeout(pending.get(path));
        pending.set(path, setTimeout(() => {
          pending.delete(path);
          reload(path, deleted);
        }, SETTLE_MS));
      };
      watcher.on('add', (path) => settle(path));
      watcher.on('change', (path) => settle(path));
      watcher.on('unlink', (path) => settle(path, true));
    },
  };
}
