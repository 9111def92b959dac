/**
 * The one content check used by `npm run validate` and by the build: schema
 * validation, id and file-name rules, safe-MDX rules, and resolution of every
 * reference (front matter and body) with "did you mean" suggestions. It reports
 * every problem at once, each with file, line and field.
 */
import type { z } from 'astro/zod';
import { SCHEMAS } from '../schemas';
import { COLLECTIONS, ENTRY_ID_PATTERN, type CollectionName } from '../schemas/shared';
import { translationSchema, type TranslationData } from '../schemas/translation';
import type { RawFile, TranslationLocale } from './content-files';
import { entryKey, entryKeyFromPath, isEntryKey, splitKey, type EntryKey } from './entry-keys';
import { parseBody, type BodyCite } from './mdx-body';
import { nearest } from './suggest';

export interface Problem {
  file: string;
  line: number;
  /** Dotted front-matter path ("suppliers[0].company"), or "body" / "file". */
  field: string;
  message: string;
}

export interface CheckedTranslation {
  file: string;
  data: TranslationData;
  body: string;
  links: EntryKey[];
  cites: BodyCite[];
}

export interface CheckedEntry {
  collection: CollectionName;
  id: string;
  key: EntryKey;
  file: string;
  data: Record<string, unknown>;
  body: string;
  /** Entries the body links to, in order of first appearance. */
  links: EntryKey[];
  /** Citations in the body, in order. */
  cites: BodyCite[];
  translations: Partial<Record<TranslationLocale, CheckedTranslation>>;
}

export interface CheckResult {
  problems: Problem[];
  entries: CheckedEntry[];
}

/** Format a problem as `file:line field message`, the shape editors and CI understand. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line} ${p.field} ${p.message}`;
}

export function fieldName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(front matter)';
}

type Issue = z.core.$ZodIssue;

/** Flatten zod issues, picking the most relevant branch of a failed union. */
function flattenIssues(issues: readonly Issue[], prefix: PropertyKey[] = []): { path: PropertyKey[]; message: string }[] {
  const out: { path: PropertyKey[]; message: string }[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // The branch whose type matched is the one the contributor meant.
      const ranked = [...issue.errors].sort(
        (a, b) =>
          a.filter((i) => i.code === 'invalid_type' && i.path.length === 0).length -
          b.filter((i) => i.code === 'invalid_type' && i.path.length === 0).length,
      );
      out.push(...flattenIssues(ranked[0] ?? [], path));
      continue;
    }
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ path: [...path, key], message: 'is not a known field; check its spelling against the schema in src/schemas/' });
      }
      continue;
    }
    if (issue.code === 'invalid_type' && /received undefined/.test(message)) message = 'is required';
    out.push({ path, message });
  }
  return out;
}

interface Reference {
  path: PropertyKey[];
  target: CollectionName;
  id: string;
}

function citationId(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'source' in value) return String((value as { source: unknown }).source);
  return undefined;
}

/** Every front-matter reference of an entry, with the field it sits in. */
export function referencesOf(collection: CollectionName, data: Record<string, unknown>): Reference[] {
  const refs: Reference[] = [];
  const cite = (path: PropertyKey[], value: unknown) => {
    const id = citationId(value);
    if (id !== undefined) refs.push({ path, target: 'sources', id });
  };
  const arr = (v: unknown) => (Array.isArray(v) ? v : []);
  arr(data.sources).forEach((c, i) => cite(['sources', i], typeof c === 'string' ? c : c));
  arr(data.responses).forEach((r, i) => cite(['responses', i, 'source'], (r as { source?: unknown }).source));
  switch (collection) {
    case 'companies':
      if (typeof data.parent === 'string') refs.push({ path: ['parent'], target: 'companies', id: data.parent });
      break;
    case 'agencies':
      if (typeof data.parent === 'string') refs.push({ path: ['parent'], target: 'agencies', id: data.parent });
      break;
    case 'contracts':
      if (typeof data.buyer === 'string') refs.push({ path: ['buyer'], target: 'agencies', id: data.buyer });
      arr(data.suppliers).forEach((s, i) => {
        const supplier = s as { company?: unknown; share?: { source?: unknown } };
        if (typeof supplier.company === 'string') refs.push({ path: ['suppliers', i, 'company'], target: 'companies', id: supplier.company });
        if (supplier.share) cite(['suppliers', i, 'share', 'source'], supplier.share.source);
      });
      arr(data.values).forEach((v, i) => cite(['values', i, 'source'], (v as { source?: unknown }).source));
      break;
    case 'events':
      arr(data.involved).forEach((k, i) => {
        if (typeof k === 'string' && isEntryKey(k)) {
          const { collection: target, id } = splitKey(k);
          refs.push({ path: ['involved', i], target, id });
        }
      });
      break;
    case 'sources':
      break;
  }
  return refs;
}

/** Run every check over the files read from content/. */
export function checkContent(files: readonly RawFile[], stray: readonly { file: string; message: string }[] = []): CheckResult {
  const problems: Problem[] = stray.map((s) => ({ file: s.file, line: 1, field: 'file', message: s.message }));
  const entries: CheckedEntry[] = [];
  const ids = new Map<CollectionName, Set<string>>(COLLECTIONS.map((c) => [c, new Set<string>()]));
  const redirectOwners = new Map<string, string>();

  const originals = files.filter((f) => !f.locale);
  const translations = files.filter((f) => f.locale);

  for (const f of originals) ids.get(f.collection)!.add(f.id);

  const idProblem = (f: RawFile) => {
    if (ENTRY_ID_PATTERN.test(f.id)) return false;
    const suggestion = f.id
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    problems.push({
      file: f.file,
      line: 1,
      field: 'file',
      message: `file name "${f.id}" is not a valid id: use lower-case ASCII letters, digits and hyphens${suggestion ? `, e.g. "${suggestion}.${f.extension}"` : ''}`,
    });
    return true;
  };

  /** Resolve a body link list; report unknown entries at their line. */
  const resolveLinks = (f: RawFile, links: { url: string; line: number }[]): EntryKey[] => {
    const out: EntryKey[] = [];
    for (const link of links) {
      if (!link.url.startsWith('/')) continue;
      const target = entryKeyFromPath(link.url);
      if (!target) continue;
      if ('badId' in target) {
        problems.push({ file: f.file, line: link.line, field: 'body', message: `link "${link.url}" has an invalid id "${target.badId}"` });
        continue;
      }
      const { collection, id } = splitKey(target.key);
      if (!ids.get(collection)!.has(id)) {
        problems.push({ file: f.file, line: link.line, field: 'body', message: unknownMessage(`link "${link.url}" points at`, collection, id) });
        continue;
      }
      if (!out.includes(target.key)) out.push(target.key);
    }
    return out;
  };

  const unknownMessage = (what: string, collection: CollectionName, id: string) => {
    const inCollection = nearest(id, ids.get(collection)!);
    const elsewhere = COLLECTIONS.filter((c) => c !== collection && ids.get(c)!.has(id));
    let hint = '';
    // An exact id in the wrong collection is a likelier mistake than a typo.
    if (elsewhere.length) hint = `; "${id}" exists in ${elsewhere.join(', ')}, not in ${collection}`;
    else if (inCollection) hint = `; did you mean "${inCollection}"?`;
    else hint = `; create content/${collection}/${id}.mdx or fix the id`;
    return `${what} unknown ${collection} id "${id}"${hint}`;
  };

  const checkCites = (f: RawFile, cites: BodyCite[]) => {
    for (const cite of cites) {
      if (!ids.get('sources')!.has(cite.source)) {
        problems.push({ file: f.file, line: cite.line, field: 'body', message: unknownMessage('<Cite> names an', 'sources', cite.source) });
      }
    }
  };

  for (const f of originals) {
    for (const p of f.readProblems) problems.push({ file: f.file, line: p.line, field: 'front matter', message: p.message });
    if (idProblem(f) || f.frontmatter === undefined) continue;

    const schema = SCHEMAS[f.collection] as z.ZodType;
    const parsed = schema.safeParse(f.frontmatter);
    const raw = (f.frontmatter ?? {}) as Record<string, unknown>;
    if (!parsed.success) {
      for (const issue of flattenIssues(parsed.error.issues)) {
        problems.push({ file: f.file, line: f.lineOf(issue.path), field: fieldName(issue.path), message: issue.message });
      }
    }
    // References are checked even when another field is wrong, so a contributor sees everything at once.
    for (const ref of referencesOf(f.collection, raw)) {
      if (!ENTRY_ID_PATTERN.test(ref.id)) continue; // already reported by the schema
      if (!ids.get(ref.target)!.has(ref.id)) {
        problems.push({ file: f.file, line: f.lineOf(ref.path), field: fieldName(ref.path), message: unknownMessage('refers to an', ref.target, ref.id) });
      } else if (ref.target === f.collection && ref.id === f.id && ref.path[0] === 'parent') {
        problems.push({ file: f.file, line: f.lineOf(ref.path), field: 'parent', message: 'an entry cannot be its own parent' });
      }
    }
    const redirects = Array.isArray(raw.redirectFrom) ? raw.redirectFrom : [];
    redirects.forEach((old, i) => {
      if (typeof old !== 'string') return;
      const key = `${f.collection}/${old}`;
      if (ids.get(f.collection)!.has(old)) {
        problems.push({ file: f.file, line: f.lineOf(['redirectFrom', i]), field: `redirectFrom[${i}]`, message: `"${old}" is the id of an existing entry; a redirect cannot replace it` });
      } else if (redirectOwners.has(key)) {
        problems.push({ file: f.file, line: f.lineOf(['redirectFrom', i]), field: `redirectFrom[${i}]`, message: `"${old}" already redirects to ${redirectOwners.get(key)}` });
      } else {
        redirectOwners.set(key, f.file);
      }
    });

    const body = parseBody(f.body, f.bodyLineOffset);
    for (const p of body.problems) problems.push({ file: f.file, line: p.line, field: 'body', message: p.message });
    const links = resolveLinks(f, body.links);
    checkCites(f, body.cites);
    if (parsed.success) {
      entries.push({
        collection: f.collection,
        id: f.id,
        key: entryKey(f.collection, f.id),
        file: f.file,
        data: parsed.data as Record<string, unknown>,
        body: f.body,
        links,
        cites: body.cites,
        translations: {},
      });
    }
  }

  const byKey = new Map(entries.map((e) => [e.key, e]));
  for (const f of translations) {
    for (const p of f.readProblems) problems.push({ file: f.file, line: p.line, field: 'front matter', message: p.message });
    if (idProblem(f) || f.frontmatter === undefined) continue;
    if (!ids.get(f.collection)!.has(f.id)) {
      problems.push({ file: f.file, line: 1, field: 'file', message: unknownMessage('is a translation of an', f.collection, f.id) });
      continue;
    }
    const parsed = translationSchema.safeParse(f.frontmatter);
    if (!parsed.success) {
      for (const issue of flattenIssues(parsed.error.issues)) {
        problems.push({ file: f.file, line: f.lineOf(issue.path), field: fieldName(issue.path), message: issue.message });
      }
    }
    const body = parseBody(f.body, f.bodyLineOffset);
    for (const p of body.problems) problems.push({ file: f.file, line: p.line, field: 'body', message: p.message });
    const links = resolveLinks(f, body.links);
    checkCites(f, body.cites);
    const original = byKey.get(entryKey(f.collection, f.id));
    if (parsed.success && original && f.locale) {
      original.translations[f.locale] = { file: f.file, data: parsed.data, body: f.body, links, cites: body.cites };
    }
  }

  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { problems, entries };
}
