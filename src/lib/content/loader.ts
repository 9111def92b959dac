/**
 * The content loader of every collection: entries are read once per build, by
 * the same reader as the content check (content-files.ts), and stored as data plus
 * their Markdown body. Nothing is compiled: pages render bodies from their
 * syntax tree (body-html.ts), so Astro never turns an entry into a module.
 *
 * In `astro dev` the loader watches the collection's folder and reloads a
 * file when it is saved, added or deleted.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CollectionName } from '../../schemas/shared';
import { contentDir as resolveContentDir } from './dir';
import { readContentDirOnce, readEntryFile, type RawFile, type TranslationLocale } from './files';

/** An entry collection (`<id>.mdx` files), or the translations into one language (`<id>.<locale>.mdx`, ids "<collection>/<id>"). */
export type LoaderTarget = { collection: CollectionName } | { translations: TranslationLocale; collections: readonly CollectionName[] };

function belongs(target: LoaderTarget, file: Pick<RawFile, 'collection' | 'locale'>): boolean {
  return 'collection' in target ? file.collection === target.collection && !file.locale : file.locale === target.translations && target.collections.includes(file.collection);
}

function storeId(target: LoaderTarget, file: Pick<RawFile, 'collection' | 'id'>): string {
  return 'collection' in target ? file.id : `${file.collection}/${file.id}`;
}

/** What a path inside the content folder names, when it looks like an entry or translation file. */
function entryFileAt(contentDir: string, path: string): (Pick<RawFile, 'collection' | 'id' | 'locale'> & { name: string }) | undefined {
  const name = basename(path);
  const match = /^([^.]+)(?:\.([a-z]{2}))?\.mdx$/.exec(name);
  if (dirname(dirname(path)) !== contentDir || !match) return undefined;
  return { collection: basename(dirname(path)) as CollectionName, id: match[1]!, locale: match[2] as TranslationLocale | undefined, name };
}

export function wikiLoader(target: LoaderTarget): Loader {
  return {
    name: 'wiki-content',
    load: async (context: LoaderContext) => {
      const { store, parseData, generateDigest, config, logger, watcher } = context;
      const root = fileURLToPath(config.root);
      const contentDir = resolveContentDir(root);
      const filePathOf = (f: RawFile) => relative(root, join(contentDir, f.collection, basename(f.file))).split('\\').join('/');

      const put = async (f: RawFile) => {
        const id = storeId(target, f);
        if (f.frontmatter === undefined) {
          // Only reachable in `astro dev`, where the content check warns instead of stopping.
          logger.warn(`${f.file} is left out until its front matter can be read: ${f.readProblems[0]?.message ?? 'no front matter'}`);
          store.delete(id);
          return;
        }
        // Astro's own reading of the front matter (js-yaml), which the content check has compared with ours.
        const raw = (f.astroFrontmatter ?? f.frontmatter) as Record<string, unknown>;
        const filePath = filePathOf(f);
        const data = await parseData({ id, data: raw, filePath });
        store.set({ id, data, body: f.body, filePath, digest: generateDigest({ data: raw, body: f.body }) });
      };

      store.clear();
      for (const f of readContentDirOnce(root).files) if (belongs(target, f)) await put(f);

      if (!watcher) return;
      const collections = 'collection' in target ? [target.collection] : target.collections;
      for (const c of collections) watcher.add(join(contentDir, c));
      const mine = (path: string) => {
        const at = entryFileAt(contentDir, path);
        return at && belongs(target, at) ? at : undefined;
      };
      const reload = async (path: string) => {
        const at = mine(path);
        if (!at) return;
        try {
          await put(readEntryFile(contentDir, at.collection, at.name));
        } catch (error) {
          // A half-typed edit must not stop the dev server: say what is wrong and keep the last good version.
          logger.error(`content/${at.collection}/${at.name}: ${(error as Error).message}`);
        }
      };
      watcher.on('add', reload);
      watcher.on('change', reload);
      watcher.on('unlink', (path) => {
        const at = mine(path);
        if (at) store.delete(storeId(target, at));
      });
    },
  };
}
