/**
 * Reads entry files from disk, splitting front matter from body and keeping the
 * information needed to point an error at a line. Used by `npm run validate`
 * and by the build's content check; Astro's own loader reads the same files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { COLLECTIONS, type CollectionName } from '../schemas/shared';
import { contentDir as resolveContentDir } from './content-dir';

export const LOCALES_WITH_TRANSLATIONS = ['ar'] as const;
export type TranslationLocale = (typeof LOCALES_WITH_TRANSLATIONS)[number];

export interface RawFile {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  collection: CollectionName;
  /** The file name without extension(s). */
  id: string;
  /** Set for translation files such as `palantir.ar.mdx`. */
  locale?: TranslationLocale;
  /** The extension part after the id, e.g. "mdx" or "ar.mdx". */
  extension: string;
  frontmatter: unknown;
  body: string;
  /** Number of file lines before the body starts. */
  bodyLineOffset: number;
  /** File line of a front-matter path (falls back to the nearest existing parent). */
  lineOf: (path: readonly PropertyKey[]) => number;
  /** Problems found while reading (no front matter, YAML syntax errors). */
  readProblems: { line: number; message: string }[];
}

/** Split a file's text into its parsed front matter and body. */
export function parseEntryText(text: string, file: string): Omit<RawFile, 'collection' | 'id' | 'locale' | 'extension'> {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n?---(?:\n|$)/.exec(normalised);
  if (!match) {
    return {
      file,
      frontmatter: undefined,
      body: normalised,
      bodyLineOffset: 0,
      lineOf: () => 1,
      readProblems: [{ line: 1, message: 'the file must start with front matter between two "---" lines' }],
    };
  }
  const yamlText = match[1] ?? '';
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const readProblems = doc.errors.map((e) => ({
    line: (e.linePos?.[0]?.line ?? 1) + 1,
    message: `front matter is not valid YAML: ${e.message.split('\n')[0]}`,
  }));
  const bodyLineOffset = match[0].split('\n').length - 1;
  const lineOf = (path: readonly PropertyKey[]) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node && node.range) return lineCounter.linePos(node.range[0]).line + 1;
      // A missing key: point at the key of the parent's last pair when possible.
    }
    return 1;
  };
  return {
    file,
    frontmatter: readProblems.length ? undefined : (doc.toJS() ?? {}),
    body: normalised.slice(match[0].length),
    bodyLineOffset,
    lineOf,
    readProblems,
  };
}

/** Read every file under content/<collection>/ (non-recursive, plus stray files reported). */
export function readContentDir(root: string): { files: RawFile[]; stray: { file: string; message: string }[] } {
  const files: RawFile[] = [];
  const stray: { file: string; message: string }[] = [];
  const contentDir = resolveContentDir(root);
  let topLevel: string[] = [];
  try {
    topLevel = readdirSync(contentDir);
  } catch {
    return { files, stray: [{ file: 'content', message: 'the content/ directory is missing' }] };
  }
  for (const name of topLevel) {
    if (name.startsWith('.')) continue;
    if (!(COLLECTIONS as readonly string[]).includes(name)) {
      stray.push({
        file: `content/${name}`,
        message: `is not a collection; entries go in one of content/${COLLECTIONS.join(', content/')}`,
      });
    }
  }
  for (const collection of COLLECTIONS) {
    const dir = join(contentDir, collection);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      const rel = `content/${relative(contentDir, path).split('\\').join('/')}`;
      if (statSync(path).isDirectory()) {
        stray.push({ file: rel, message: 'sub-folders are not read; put the entry file directly in the collection folder' });
        continue;
      }
      const parts = name.split('.');
      const id = parts[0] ?? '';
      const extension = parts.slice(1).join('.');
      let locale: TranslationLocale | undefined;
      if (extension === 'mdx') locale = undefined;
      else if (parts.length === 3 && parts[2] === 'mdx' && (LOCALES_WITH_TRANSLATIONS as readonly string[]).includes(parts[1] ?? '')) {
        locale = parts[1] as TranslationLocale;
      } else {
        stray.push({
          file: rel,
          message: `has an unexpected file name; entries are named <id>.mdx and translations <id>.${LOCALES_WITH_TRANSLATIONS[0]}.mdx`,
        });
        continue;
      }
      const text = readFileSync(path, 'utf8');
      files.push({ ...parseEntryText(text, rel), collection, id, locale, extension });
    }
  }
  return { files, stray };
}
