/**
 * Reads entry files from disk, splitting front matter from body and keeping the
 * information needed to point an error at a line. The one reading of the
 * content: `npm run validate`, the build's content check and the content
 * loader (loader.ts) all use it, so what is checked is what is published.
 *
 * Node only.
 */
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isAlias, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import { COLLECTIONS, TRANSLATION_LOCALES, type CollectionName, type TranslationLocale } from '../isomorphic/collections';
import { contentDir as resolveContentDir } from '../settings';
import type { PublishedAddresses } from './identity-rules';
import { readPublishedAddresses } from './published-urls';
import { fileSizeProblem, frontMatterLimitProblem } from './limits';
import { show } from './quote';

export type { TranslationLocale };

export interface ReadProblem {
  line: number;
  message: string;
  /** The front-matter field, when the problem belongs to one (default "front matter"). */
  field?: string;
}

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
  /** The body with a blank line for each line before it, so the body parser's line numbers are the file's. */
  bodySource: string;
  /** File line of a front-matter path (falls back to the nearest existing parent). */
  lineOf: (path: readonly PropertyKey[]) => number;
  /** Problems found while reading (no front matter, YAML syntax errors, YAML tricks). */
  readProblems: ReadProblem[];
}

const OPEN = '---';

/** The list of removed entries at the top of the content folder (content/removals.ts reads it). */
export const REMOVALS_FILE = 'removed.yaml';

/** Dotted field name of a YAML node from its ancestors ("responses[0].said"). */
function yamlField(ancestors: readonly unknown[], node: unknown): string {
  let out = '';
  const chain = [...ancestors, node];
  for (let i = 0; i < chain.length - 1; i++) {
    const parent = chain[i];
    const child = chain[i + 1];
    if (isPair(parent) && child === parent.value) {
      const key = isScalar(parent.key) ? String(parent.key.value) : '?';
      out += out ? `.${key}` : key;
    } else if (isSeq(parent)) {
      out += `[${parent.items.indexOf(child as never)}]`;
    }
  }
  return out || '(front matter)';
}

/**
 * YAML features a wiki entry never needs and that make a value mean something
 * other than it looks: aliases and anchors (copies that can also explode in
 * size), explicit tags (`!!js/function`, `!!binary`), merge keys (`<<`, which
 * Astro's parser applies and ours does not), and unquoted values containing
 * " #", which YAML silently cuts at the "#".
 */
function yamlTricks(doc: Document, yamlText: string, lineAt: (offset: number) => number): ReadProblem[] {
  const problems: ReadProblem[] = [];
  visit(doc, (key, node, ancestors) => {
    if (isPair(node)) {
      if (node.key !== null && !isScalar(node.key)) {
        // YAML allows a list or map as a key ("? [a, b]"); JavaScript would turn it into text.
        const keyNode = node.key as { range?: [number, number, number] };
        problems.push({
          line: lineAt(keyNode.range?.[0] ?? 0),
          message: 'a field name must be a plain word, not a list or map (YAML "? " keys are not allowed); write the field as name: value',
        });
        return;
      }
      if (isScalar(node.key) && node.key.value === '<<') {
        problems.push({
          line: lineAt(node.key.range?.[0] ?? 0),
          message: 'YAML merge keys ("<<") are not allowed; write every field out in full',
        });
      }
      return;
    }
    if (isAlias(node)) {
      problems.push({
        line: lineAt(node.range?.[0] ?? 0),
        field: yamlField(ancestors, node),
        message: `YAML aliases ("*${node.source}") are not allowed; write the value out in full`,
      });
      return;
    }
    const n = node as YamlNode & { anchor?: string; tag?: string; range?: [number, number, number] };
    if (!n || typeof n !== 'object') return;
    const line = lineAt(n.range?.[0] ?? 0);
    if (n.anchor) {
      problems.push({ line, field: yamlField(ancestors, node), message: `YAML anchors ("&${n.anchor}") are not allowed; write the value out in full` });
    }
    if (n.tag) {
      const tag = n.tag.replace(/^tag:yaml\.org,2002:/, '!!');
      problems.push({
        line,
        field: yamlField(ancestors, node),
        message: `YAML tags like "${tag}" are not allowed; write a plain value (quote it if it should be text)`,
      });
    }
    if (isScalar(node) && node.type === 'PLAIN' && key !== 'key' && node.range) {
      const end = node.range[1];
      const lineEnd = yamlText.indexOf('\n', end);
      const rest = yamlText.slice(end, lineEnd === -1 ? undefined : lineEnd);
      if (/^[ \t]+#/.test(rest)) {
        const written = `${node.source ?? String(node.value)}${rest}`.trim();
        problems.push({
          line: lineAt(end),
          field: yamlField(ancestors, node),
          message: `is cut short at " #": YAML reads everything from " #" as a comment, so the value is only "${String(node.value)}". Quote the value: "${written.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`,
        });
      }
    }
  });
  return problems;
}

type ReadFile = Omit<RawFile, 'collection' | 'id' | 'locale' | 'extension'>;

/** A file that could not be read as an entry, with the one reason. */
function unreadable(file: string, body: string, line: number, message: string, field?: string): ReadFile {
  return { file, frontmatter: undefined, body, bodyLineOffset: 0, bodySource: body, lineOf: () => line, readProblems: [{ line, message, ...(field ? { field } : {}) }] };
}

/** Split a file's text into its parsed front matter and body. */
export function parseEntryText(text: string, file: string): ReadFile {
  const tooLarge = fileSizeProblem(Buffer.byteLength(text, 'utf8'));
  if (tooLarge) return unreadable(file, '', 1, tooLarge, 'file');
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const fail = (line: number, message: string) => unreadable(file, normalised, line, message);

  if (/\r(?!\n)/.test(text)) return fail(1, 'the file uses old Mac line endings (a lone carriage return); save it with Unix (LF) line endings');
  const lines = normalised.split('\n');
  if (lines[0] !== OPEN) {
    return fail(1, 'the file must start with front matter: the very first line must be exactly "---", with nothing before it');
  }
  // Astro ends the front matter at the first line starting with "---" or "+++"; so do we, and that line must be exactly "---".
  const close = lines.findIndex((l, i) => i > 0 && (l.startsWith('---') || l.startsWith('+++')));
  if (close === -1) return fail(1, 'the front matter is never closed: add a line containing only "---" after the last field');
  if (lines[close] !== OPEN) {
    return fail(
      close + 1,
      `ends at the first line starting with "---" or "+++", and this one is "${show(lines[close]!, 30)}"; the closing line must be exactly "---" (quote a value that starts with --- or +++)`,
    );
  }
  const yamlText = lines.slice(1, close).join('\n');
  const bodyLineOffset = close + 1;
  const body = lines.slice(close + 1).join('\n');
  const tooDeep = frontMatterLimitProblem(yamlText, 2);
  if (tooDeep) return { ...fail(tooDeep.line, tooDeep.message), body, bodyLineOffset, bodySource: '\n'.repeat(bodyLineOffset) + body };

  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + 1;
  const readProblems: ReadProblem[] = doc.errors.map((e) => {
    const line = lineAt(e.pos[0]);
    if (e.code === 'DUPLICATE_KEY') {
      const key = /^\s*(?:-\s+)?(["']?)([^:#]+?)\1\s*:/.exec(lines[line - 1] ?? '')?.[2];
      return { line, message: `is not valid YAML: the field ${key ? `"${show(key, 40)}" ` : ''}appears twice; keep one` };
    }
    return { line, message: `is not valid YAML: ${show(e.message.split('\n')[0]!, 200)}` };
  });
  if (!readProblems.length) readProblems.push(...yamlTricks(doc, yamlText, lineAt));

  const lineOf = (path: readonly PropertyKey[]) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node && node.range) return lineAt(node.range[0]);
    }
    return 1;
  };

  let ours: unknown;
  if (!readProblems.length) {
    try {
      ours = doc.toJS({ maxAliasCount: 0 }) ?? {};
    } catch (error) {
      readProblems.push({ line: 1, message: `could not be read: ${show((error as Error).message.split('\n')[0]!, 200)}` });
    }
  }

  return {
    file,
    frontmatter: readProblems.length ? undefined : ours,
    body,
    bodyLineOffset,
    bodySource: '\n'.repeat(bodyLineOffset) + body,
    lineOf,
    readProblems,
  };
}

export interface StrayFile {
  file: string;
  message: string;
}

/** A reading of the content folder: its entry files, the files that are not entries, and the addresses published from it. */
export interface ContentRead {
  files: RawFile[];
  stray: StrayFile[];
  published: PublishedAddresses;
}

/** Why a file name is not `<id>.mdx` or `<id>.<locale>.mdx`, or undefined when it is one of those shapes. */
function fileNameProblem(name: string, siblings: ReadonlySet<string>, collection: CollectionName): string | undefined {
  const parts = name.split('.');
  const id = parts[0] ?? '';
  const extension = parts.slice(1).join('.');
  if (extension === 'mdx') return undefined;
  if (parts.length === 3 && parts[2] === 'mdx' && (TRANSLATION_LOCALES as readonly string[]).includes(parts[1] ?? '')) return undefined;
  const translation = `translations are named <id>.${TRANSLATION_LOCALES.join('.mdx or <id>.')}.mdx`;
  if (parts.length === 1) return `has no extension; entries are named <id>.mdx, e.g. "${id}.mdx"`;
  if (parts.length === 3 && parts[2] === 'mdx') {
    return `"${parts[1]}" is not a translation language of this wiki; ${translation}`;
  }
  const last = parts[parts.length - 1] ?? '';
  if (last === 'mdx' && parts.length > 3) {
    return `has too many dots; entries are named <id>.mdx and ${translation}, and ids use hyphens: rename it to "${parts.slice(0, -1).join('-').toLowerCase()}.mdx"`;
  }
  const localePart = parts.length === 3 && (TRANSLATION_LOCALES as readonly string[]).includes(parts[1]!.toLowerCase()) ? `.${parts[1]!.toLowerCase()}` : '';
  const wanted = `${id}${localePart}.mdx`;
  const clash = siblings.has(wanted) ? `; content/${collection}/${wanted} already exists, so this is a second file for the same entry: merge the two and delete this one` : '';
  if (last.toLowerCase() === 'mdx') return `has the extension ".${extension}"; write it in lower case: rename it to "${wanted}"${clash}`;
  return `has the wrong extension ".${last}"; entries are MDX files named <id>.mdx and ${translation}: rename it to "${wanted}"${clash}`;
}

/** Why no other hidden file may sit in content/: git reads some of them (.gitattributes can mark an entry's changes as binary, hiding them from review). */
const HIDDEN_FILE = 'is a hidden file; content/ holds only collection folders and entry files, and a hidden file such as .gitattributes can hide changes to entries from review: delete it';

/** Read every file under content/<collection>/ (non-recursive, plus stray files reported). */
export function readContentDir(root: string): ContentRead {
  const files: RawFile[] = [];
  const stray: StrayFile[] = [];
  const contentDir = resolveContentDir(root);
  const published = readPublishedAddresses(root);
  let topLevel: string[] = [];
  try {
    topLevel = readdirSync(contentDir);
  } catch {
    return { files, stray: [{ file: 'content', message: 'the content/ directory is missing' }], published };
  }
  for (const name of topLevel) {
    if (name === REMOVALS_FILE) continue;
    if (name.startsWith('.')) {
      stray.push({ file: `content/${name}`, message: HIDDEN_FILE });
      continue;
    }
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
      if (lstatSync(dir).isSymbolicLink()) {
        stray.push({ file: `content/${collection}`, message: 'is a symbolic link; collections must be real folders' });
        continue;
      }
      names = readdirSync(dir).sort();
    } catch {
      continue;
    }
    const siblings = new Set(names);
    for (const name of names) {
      const path = join(dir, name);
      const rel = `content/${relative(contentDir, path).split('\\').join('/')}`;
      if (name.startsWith('.')) {
        stray.push({ file: rel, message: /\.mdx?$/i.test(name) ? 'is a hidden file and is not read; entry file names start with a letter or digit' : HIDDEN_FILE });
        continue;
      }
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) {
        stray.push({ file: rel, message: 'is a symbolic link; entries must be ordinary files (copy the content in instead)' });
        continue;
      }
      if (stat.isDirectory()) {
        stray.push({ file: rel, message: 'sub-folders are not read; put the entry file directly in the collection folder' });
        continue;
      }
      const nameProblem = fileNameProblem(name, siblings, collection);
      if (nameProblem) {
        stray.push({ file: rel, message: nameProblem });
        continue;
      }
      files.push(readEntryFile(contentDir, collection, name));
    }
  }
  return { files, stray, published };
}

/** Read one entry file, `content/<collection>/<name>`, whose name is already known to be `<id>.mdx` or `<id>.<locale>.mdx`. */
export function readEntryFile(contentDir: string, collection: CollectionName, name: string): RawFile {
  const parts = name.split('.');
  const id = parts[0] ?? '';
  const extension = parts.slice(1).join('.');
  const locale = parts.length === 3 ? (parts[1] as TranslationLocale) : undefined;
  const path = join(contentDir, collection, name);
  const file = `content/${collection}/${name}`;
  // Too large a file is refused unread.
  const tooLarge = fileSizeProblem(statSync(path).size);
  const read = tooLarge ? unreadable(file, '', 1, tooLarge, 'file') : parseEntryText(readFileSync(path, 'utf8'), file);
  return { ...read, collection, id, locale, extension };
}

/**
 * One reading of the content folder per build, shared by its readers (the
 * Open Graph cards, which start first, the content check and the content
 * loaders) so that 13,000 files are not read and parsed three times; dropped
 * once Astro has loaded them.
 */
const builds = new Map<string, ContentRead>();

/** The content folder as this build read it: read now when nothing has yet, or when `fresh` (the first reader of a build). */
export function readContentDirOnce(root: string, { fresh = false } = {}): ContentRead {
  let read = fresh ? undefined : builds.get(root);
  if (!read) builds.set(root, (read = readContentDir(root)));
  return read;
}

export function forgetContentDirRead(root: string): void {
  builds.delete(root);
}
