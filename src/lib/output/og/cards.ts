/**
 * Which Open Graph cards a build needs, worked out from the content files
 * alone (no Astro), so that drawing can start in a separate process before
 * Astro has even bundled the site (see integrations/og-images.ts). Each entry
 * has an English card, and an Arabic one (with the translated name) when it
 * is translated; the Arabic page of an untranslated entry shows the English
 * card (ogCardLocale).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LOCALES, translator, type Locale } from '../../../i18n';
import type { UiKey } from '../../../i18n/en';
import { nameField, type CollectionName } from '../../../schemas/shared';
import type { RawFile } from '../../content/files';
import { entryKey, type EntryKey } from '../../isomorphic/entry-keys';
import { ogImagePath, renderOgImage, type OgCard } from './image';

export interface OgJob {
  /** Site path of the image without the base, e.g. "/og/ar/companies/x.png". */
  path: string;
  card: OgCard;
}

/** The card of one entry in one language. */
export function ogCard(collection: CollectionName, name: string, locale: Locale): OgCard {
  const t = translator(locale);
  return { name, type: t(`type.${collection}` as UiKey), siteName: t('site.shortTitle'), locale };
}

/** An entry's display name in its front matter, when it has a usable one (a translation's is always `name`). */
export function frontmatterName(collection: CollectionName, data: unknown, translation = false): string | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const value = (data as Record<string, unknown>)[translation ? 'name' : nameField(collection)];
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** Every card a build of these content files draws, in a stable order. */
export function ogJobsFromFiles(files: readonly RawFile[]): OgJob[] {
  const names = new Map<EntryKey, { collection: CollectionName; names: Partial<Record<Locale, string>> }>();
  for (const f of files) {
    const name = frontmatterName(f.collection, f.frontmatter, !!f.locale);
    if (!name) continue;
    const key = entryKey(f.collection, f.id);
    const item = names.get(key) ?? { collection: f.collection, names: {} };
    item.names[f.locale ?? 'en'] = name;
    names.set(key, item);
  }
  const jobs: OgJob[] = [];
  for (const locale of LOCALES) {
    for (const [key, { collection, names: byLocale }] of names) {
      const name = byLocale[locale];
      // A translation without its original is a content error the check reports; no card.
      if (!byLocale.en || !name) continue;
      jobs.push({ path: ogImagePath(key, locale), card: ogCard(collection, name, locale) });
    }
  }
  return jobs;
}

/**
 * Write each job's card to `outDir` + its path; with `keepExisting`, cards
 * already there are left alone. Returns how many were written.
 */
export async function writeOgCards(jobs: readonly OgJob[], outDir: string, keepExisting = false): Promise<number> {
  const made = new Set<string>();
  let written = 0;
  for (const job of jobs) {
    const file = join(outDir, job.path);
    if (keepExisting && existsSync(file)) continue;
    const dir = dirname(file);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(file, await renderOgImage(job.card));
    written++;
  }
  return written;
}
