/**
 * Astro collections. Each collection reads content/<collection>/<id>.mdx; the
 * id is the file name exactly (no slugification, so a mis-named file is caught
 * by the content check rather than silently renamed). Translation files
 * (<id>.ar.mdx) form one collection per locale. Entries are read by the
 * wiki's own loader (lib/content-loader.ts): bodies stay Markdown, never
 * compiled into modules.
 */
import { defineCollection } from 'astro/content/config';
import { SCHEMAS } from './schemas';
import { COLLECTIONS } from './schemas/shared';
import { translationSchema } from './schemas/translation';
import { wikiLoader } from './lib/content/loader';

const entryCollection = <C extends (typeof COLLECTIONS)[number]>(name: C) =>
  defineCollection({ loader: wikiLoader({ collection: name }), schema: SCHEMAS[name] });

export const collections = {
  companies: entryCollection('companies'),
  agencies: entryCollection('agencies'),
  contracts: entryCollection('contracts'),
  events: entryCollection('events'),
  people: entryCollection('people'),
  organizations: entryCollection('organizations'),
  sources: entryCollection('sources'),
  /** Arabic translations; ids are "<collection>/<id>". */
  translationsAr: defineCollection({ loader: wikiLoader({ translations: 'ar', collections: COLLECTIONS }), schema: translationSchema }),
};
