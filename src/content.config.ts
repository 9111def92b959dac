/**
 * Astro collections. Each collection reads content/<collection>/<id>.mdx; the
 * id is the file name exactly (no slugification, so a mis-named file is caught
 * by the content check rather than silently renamed). Translation files
 * (<id>.ar.mdx) form one collection per locale.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { SCHEMAS } from './schemas';
import { COLLECTIONS } from './schemas/shared';
import { translationSchema } from './schemas/translation';
import { contentDir } from './lib/content-dir';
import { pathToFileURL } from 'node:url';

/** content/ or $WIKI_CONTENT_DIR, as a file URL (glob accepts absolute URLs). */
const contentRoot = pathToFileURL(`${contentDir(process.cwd())}/`);

const idFromFile = ({ entry }: { entry: string }) => entry.replace(/\.mdx$/, '');

const entryCollection = <C extends (typeof COLLECTIONS)[number]>(name: C) =>
  defineCollection({
    loader: glob({ base: new URL(`${name}/`, contentRoot), pattern: ['*.mdx', '!*.*.mdx'], generateId: idFromFile }),
    schema: SCHEMAS[name],
  });

export const collections = {
  companies: entryCollection('companies'),
  agencies: entryCollection('agencies'),
  contracts: entryCollection('contracts'),
  events: entryCollection('events'),
  sources: entryCollection('sources'),
  /** Arabic translations; ids are "<collection>/<id>". */
  translationsAr: defineCollection({
    loader: glob({
      base: contentRoot,
      pattern: COLLECTIONS.map((c) => `${c}/*.ar.mdx`),
      generateId: ({ entry }) => entry.replace(/\.ar\.mdx$/, ''),
    }),
    schema: translationSchema,
  }),
};
