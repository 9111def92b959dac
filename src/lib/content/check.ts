/**
 * The one content check used by `npm run validate` and by the build: schema
 * validation, id and file-name rules, safe-MDX rules, and resolution of every
 * reference (front matter and body) with "did you mean" suggestions. It reports
 * every problem at once, each with file, line and field.
 */
import type { z } from 'astro/zod';
import { SCHEMAS, type EntryDataOf } from '../../schemas';
import { citationsIn, referencesIn } from '../../schemas/references';
import { COLLECTIONS, ENTRY_ID_PATTERN, type CollectionName } from '../../schemas/shared';
import { translationSchema, type TranslationData } from '../../schemas/translation';
import type { RawFile, TranslationLocale } from './files';
import { entryKey, entryKeyFromPath, splitKey, type EntryKey } from '../isomorphic/entry-keys';
import { parseBody, type BodyCite, type ParseBodyOptions, type ParsedBody } from './body-syntax';
import { nearest, suggestId } from './suggest';
import { fieldName, flattenIssues, frontMatterProblems, PLACEHOLDER, placeholderAdvice, stringsOf } from './front-matter-rules';
import { STATIC_PREFIXES, STATIC_ROUTES } from '../isomorphic/paths';
import { bodyCharacterProblems, frontMatterCharacterProblems } from './character-rules';
import { nameClashes, redirectProblems, type PublishedAddresses } from './identity-rules';
import { futureDates } from './date-rules';
import { headingIdProblems } from './heading-rules';
import { buildTime } from '../settings';
import { safeText, show } from './quote';
import { endsBefore } from '../isomorphic/dates';

export { fieldName, PLACEHOLDER };

export interface Problem {
  file: string;
  line: number;
  /** Dotted front-matter path ("suppliers[0].company"), or "body" / "file". */
  field: string;
  message: string;
  /**
   * Set for what MDX tooling would run or emit as code (imports, expressions,
   * elements outside the allowlist, YAML tricks, a `layout` field). The wiki
   * never compiles a body, but such a file is refused in `astro dev` too, not
   * only warned about, so a stranger's branch is never a risk to preview.
   */
  unsafe?: true;
}

export interface CheckedTranslation {
  file: string;
  data: TranslationData;
  body: string;
  links: EntryKey[];
  cites: BodyCite[];
}

interface CheckedEntryOf<C extends CollectionName> {
  collection: C;
  id: string;
  key: EntryKey;
  file: string;
  /** The front matter as the collection's schema outputs it. */
  data: EntryDataOf[C];
  body: string;
  /** Entries the body links to, in order of first appearance. */
  links: EntryKey[];
  /** Citations in the body, in order. */
  cites: BodyCite[];
  translations: Partial<Record<TranslationLocale, CheckedTranslation>>;
}

/** An entry that passed its schema (its references may still have problems), typed by collection: the model's input. */
export type CheckedEntry = { [C in CollectionName]: CheckedEntryOf<C> }[CollectionName];

export interface CheckResult {
  problems: Problem[];
  entries: CheckedEntry[];
}

/** Fields that may not name the entry they are in, with what to say when they do. */
const SELF_REFERENCES: Record<string, string> = {
  parent: 'an entry cannot be its own parent',
  after: 'an event cannot come after itself: name the earlier event it followed, or remove "after"',
};

/**
 * Format a problem as `file:line field message`, the shape editors and CI
 * understand. Each part may hold contributor text (a file name, a YAML key, a
 * quoted value), so all of it is made safe for terminals and CI logs.
 */
export function formatProblem(p: Problem): string {
  return safeText(`${p.file}:${p.line} ${p.field} ${p.message}`);
}

/** What zod's unknown-key issue says (front-matter-rules.ts flattenIssues). */
const UNKNOWN_FIELD = 'is not a known field';

/** A field a translation cannot carry: say what a translation holds, not "check its spelling". */
function notTranslatedMessage(f: RawFile): string {
  const names = Object.keys(translationSchema.shape);
  const fields = `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `is not a field of a translation: a translation carries only its translated ${fields}; dates, money, parties, sources and other typed facts stay in the original, content/${f.collection}/${f.id}.mdx, and are shown in both languages`;
}

/** Every front-matter reference of an entry (schemas/references.ts), with the field it sits in. */
function referencesOf(collection: CollectionName, data: unknown): { path: PropertyKey[]; target: CollectionName; id: string }[] {
  return [
    ...citationsIn(collection, data).map((c) => ({ path: c.path, target: 'sources' as const, id: c.citation.source })),
    ...referencesIn(collection, data).map((r) => ({ path: r.path, target: r.collection, id: r.id })),
  ];
}

export interface CheckOptions extends ParseBodyOptions {
  /** The addresses the wiki has published (published-urls.ts); none by default, so no redirect is accepted. */
  published?: PublishedAddresses;
  /** The build's date, YYYY-MM-DD (default: settings' buildTime), after which no date may lie. */
  today?: string;
}

/**
 * A check that threw on a file is a bug in the checks, not the contributor's
 * mistake; the file is still refused (nothing unchecked is built), with a
 * message that says so instead of a stack trace that loses which file it was.
 */
export function checkFailure(file: string, error: unknown, what = 'this file'): Problem {
  const reason = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
  return {
    file,
    line: 1,
    field: 'file',
    message: `could not be checked: the wiki's content check failed on ${what} (${show(reason, 200)}). This is a bug in the checks; the file is refused until it is fixed: please report it, with the file`,
    unsafe: true,
  };
}

/** Run every check over the files read from content/. */
export function checkContent(files: readonly RawFile[], stray: readonly { file: string; message: string }[] = [], options: CheckOptions = {}): CheckResult {
  const today = options.today ?? buildTime().toISOString().slice(0, 10);
  const published = options.published ?? { file: 'published-urls.txt', paths: new Set<string>() };
  const problems: Problem[] = stray.map((s) => ({ file: s.file, line: 1, field: 'file', message: s.message }));
  const entries: CheckedEntry[] = [];
  const ids = new Map<CollectionName, Set<string>>(COLLECTIONS.map((c) => [c, new Set<string>()]));
  /** "<collection>/<old id>" -> the id it redirects to (first claim wins). */
  const redirectTargets = new Map<string, string>();

  const originals = files.filter((f) => !f.locale);
  const translations = files.filter((f) => f.locale);

  for (const f of originals) ids.get(f.collection)!.add(f.id);
  for (const f of originals) {
    const raw = f.frontmatter as { redirectFrom?: unknown } | undefined;
    if (!raw || !Array.isArray(raw.redirectFrom)) continue;
    for (const old of raw.redirectFrom) {
      if (typeof old === 'string' && !redirectTargets.has(`${f.collection}/${old}`)) redirectTargets.set(`${f.collection}/${old}`, f.id);
    }
  }

  const idProblem = (f: RawFile) => {
    if (ENTRY_ID_PATTERN.test(f.id)) return false;
    const suggestion = suggestId(f.id);
    const name = suggestion ? `${suggestion}.${f.extension}` : undefined;
    let advice = name
      ? `; rename it to "${name}"`
      : '; rename it with a Latin transliteration of the name, e.g. "palantir-technologies.mdx"';
    if (suggestion && ids.get(f.collection)!.has(suggestion) && !f.locale) {
      advice = `; "${suggestion}" is already the id of content/${f.collection}/${suggestion}.mdx, so this is a second file for the same entry (ids differing only in case or punctuation are the same id): merge the two and delete this one`;
    }
    problems.push({
      file: f.file,
      line: 1,
      field: 'file',
      message: `file name "${show(f.id)}" is not a valid id: ids are lower-case ASCII letters, digits and single hyphens (no capitals, spaces, accents or other scripts)${advice}`,
    });
    return true;
  };

  const allIds = () => COLLECTIONS.flatMap((c) => [...ids.get(c)!].map((id) => ({ collection: c, id })));

  /** What a site path that is neither an entry nor a static page was probably meant to be. */
  const guessPath = (path: string): string | undefined => {
    const segments = path.split('/').filter(Boolean);
    if (segments.length === 2) {
      const collection = nearest(segments[0]!, COLLECTIONS) as CollectionName | undefined;
      if (collection) {
        const id = ids.get(collection)!.has(segments[1]!) ? segments[1] : nearest(segments[1]!, ids.get(collection)!);
        if (id) return `/${collection}/${id}/`;
      }
    }
    const last = segments[segments.length - 1];
    if (!last) return undefined;
    const exact = allIds().find((e) => e.id === last);
    if (exact) return `/${exact.collection}/${exact.id}/`;
    const route = nearest(`/${segments.join('/')}/`, STATIC_ROUTES);
    if (route && route !== '/') return route;
    const close = nearest(last, allIds().map((e) => e.id));
    if (close) {
      const e = allIds().find((x) => x.id === close)!;
      return `/${e.collection}/${e.id}/`;
    }
    return undefined;
  };

  /** Resolve a body link list; report unknown entries and unknown site paths at their line. */
  const resolveLinks = (f: RawFile, links: { url: string; line: number }[]): EntryKey[] => {
    const out: EntryKey[] = [];
    const report = (line: number, message: string) => problems.push({ file: f.file, line, field: 'body', message });
    for (const link of links) {
      if (!link.url.startsWith('/')) continue;
      const path = link.url.replace(/[?#].*$/, '');
      const localised = /^\/ar(\/|$)/.exec(path);
      if (localised) {
        const rest = path.slice(3) || '/';
        report(link.line, `link "${show(link.url)}" starts with "/ar/"; write the path without it ("${rest}"): links open in the reader's language automatically`);
        continue;
      }
      const target = entryKeyFromPath(path);
      if (target && 'badId' in target) {
        report(link.line, `link "${show(link.url)}" has an invalid id "${target.badId}"; ids are lower-case kebab-case${suggestId(target.badId) ? `: did you mean /${target.collection}/${suggestId(target.badId)}/?` : ''}`);
        continue;
      }
      if (target) {
        const { collection, id } = splitKey(target.key);
        if (!ids.get(collection)!.has(id)) {
          const newId = redirectTargets.get(`${collection}/${id}`);
          if (newId) report(link.line, `link "${show(link.url)}" uses the old id "${id}"; link to the entry's current path /${collection}/${newId}/`);
          else report(link.line, unknownMessage(`link "${show(link.url)}" points at`, collection, id));
          continue;
        }
        if (!out.includes(target.key)) out.push(target.key);
        continue;
      }
      const withSlash = path.endsWith('/') ? path : `${path}/`;
      if (STATIC_ROUTES.includes(withSlash) || STATIC_PREFIXES.some((p) => path.startsWith(p))) continue;
      const guess = guessPath(path);
      report(
        link.line,
        `link "${show(link.url)}" is not a page of this site${guess ? `; did you mean ${guess}?` : ''} (site paths are /<collection>/<id>/ for entries, or one of ${STATIC_ROUTES.join(' ')})`,
      );
    }
    return out;
  };

  const unknownMessage = (what: string, collection: CollectionName, id: string) => {
    // Not an id at all (a path, a name): say so, rather than suggest a file of that name.
    if (!ENTRY_ID_PATTERN.test(id)) {
      const suggestion = suggestId(id);
      return `${what} invalid ${collection} id "${show(id)}": ids are lower-case ASCII letters, digits and single hyphens, the file name of an entry in content/${collection}/ without ".mdx"${suggestion && ids.get(collection)!.has(suggestion) ? `; did you mean "${suggestion}"?` : ''}`;
    }
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

  /** Body checks shared by entries and translations. */
  const checkBody = (f: RawFile, cited: boolean): { body: ParsedBody; links: EntryKey[] } => {
    const body = parseBody(f.bodySource, 0, options);
    for (const p of body.problems) problems.push({ file: f.file, line: p.line, field: 'body', message: p.message, unsafe: true });
    for (const p of bodyCharacterProblems(f.bodySource, f.locale === 'ar')) problems.push({ file: f.file, line: p.line, field: 'body', message: p.message });
    for (const p of headingIdProblems(body.headings)) problems.push({ file: f.file, line: p.line, field: 'body', message: p.message });
    const links = resolveLinks(f, body.links);
    checkCites(f, body.cites);
    for (const block of [...body.paragraphs, ...body.headings]) {
      if (block.text.includes(PLACEHOLDER)) problems.push({ file: f.file, line: block.line, field: 'body', message: placeholderAdvice(block.text) });
    }
    if (cited && !body.problems.length && body.cites.length === 0) {
      const claim = body.paragraphs.find((p) => !p.note && p.text.length > 0);
      if (claim) {
        problems.push({
          file: f.file,
          line: claim.line,
          field: 'body',
          message: 'the body cites no source: add <Cite source="source-id" /> right after each claim, naming the source entry that supports it (front-matter sources cover only the typed facts)',
        });
      }
    }
    return { body, links };
  };

  /** Schema issues plus stricter front-matter rules; one message per field. */
  const checkFrontMatter = (f: RawFile, schema: z.ZodType) => {
    const parsed = schema.safeParse(f.frontmatter);
    const valueAt = (path: readonly PropertyKey[]) => path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), f.frontmatter);
    const issues = (parsed.success ? [] : flattenIssues(parsed.error.issues)).map((issue) => {
      // A missing field is "required", whatever branch of a union zod happened to try.
      if (valueAt(issue.path) !== undefined || issue.message.startsWith('is required')) return issue;
      const last = issue.path[issue.path.length - 1];
      const message = last === 'source' ? 'is required: the id of the source entry that reports this (content/sources/<id>.mdx)' : 'is required';
      return { ...issue, message };
    });
    const strict = frontMatterProblems(f.frontmatter);
    const reported = new Set(strict.map((p) => fieldName(p.path)));
    for (const p of frontMatterCharacterProblems(f, stringsOf(f.frontmatter))) {
      const field = fieldName(p.path);
      if (reported.has(field)) continue;
      reported.add(field);
      problems.push({ file: f.file, line: f.lineOf(p.path), field, message: p.message });
    }
    for (const p of strict) {
      const field = fieldName(p.path);
      let message = p.message;
      if (p.url) {
        // The schema's own wording ("must be an absolute https:// URL") first, then exactly what is wrong.
        const schemaMessage = issues.find((i) => fieldName(i.path) === field)?.message ?? 'must be an absolute https:// URL';
        message = `${schemaMessage}: "${show(p.url.value)}" ${p.url.why}. Leave the field out when the source has no address; never invent one`;
      }
      problems.push({ file: f.file, line: f.lineOf(p.path), field, message, unsafe: true });
    }
    if (!parsed.success) {
      for (const issue of issues) {
        if (reported.has(fieldName(issue.path))) continue;
        reported.add(fieldName(issue.path));
        const field = fieldName(issue.path);
        // MDX imports a front-matter `layout` as a module: never harmless.
        const unsafe = field === 'layout' ? ({ unsafe: true } as const) : {};
        const message = f.locale && issue.message.startsWith(UNKNOWN_FIELD) ? notTranslatedMessage(f) : issue.message;
        problems.push({ file: f.file, line: f.lineOf(issue.path), field, message, ...unsafe });
      }
    }
    return parsed;
  };

  /** Run one file's checks; a check that throws becomes that file's problem (checkFailure), and the others go on. */
  const eachFile = (list: readonly RawFile[], check: (f: RawFile) => void) => {
    for (const f of list) {
      try {
        check(f);
      } catch (error) {
        // The problems found before the failure stand; the file is never an entry (it is added last).
        problems.push(checkFailure(f.file, error));
      }
    }
  };

  eachFile(originals, (f) => {
    for (const p of f.readProblems) problems.push({ file: f.file, line: p.line, field: p.field ?? 'front matter', message: p.message, unsafe: true });
    if (idProblem(f) || f.frontmatter === undefined) return;

    const parsed = checkFrontMatter(f, SCHEMAS[f.collection] as z.ZodType);
    const raw = (f.frontmatter ?? {}) as Record<string, unknown>;
    // References are checked even when another field is wrong, so a contributor sees everything at once.
    for (const ref of referencesOf(f.collection, raw)) {
      if (!ENTRY_ID_PATTERN.test(ref.id)) continue; // already reported by the schema
      if (!ids.get(ref.target)!.has(ref.id)) {
        problems.push({ file: f.file, line: f.lineOf(ref.path), field: fieldName(ref.path), message: unknownMessage('refers to an', ref.target, ref.id) });
      } else if (ref.target === f.collection && ref.id === f.id && typeof ref.path[0] === 'string' && ref.path[0] in SELF_REFERENCES) {
        problems.push({ file: f.file, line: f.lineOf(ref.path), field: fieldName(ref.path), message: SELF_REFERENCES[ref.path[0]]! });
      }
    }
    for (const p of futureDates(f.collection, raw, today)) problems.push({ file: f.file, line: f.lineOf(p.path), field: fieldName(p.path), message: p.message });

    const { body, links } = checkBody(f, f.collection !== 'sources');
    if (parsed.success) {
      entries.push({
        collection: f.collection,
        id: f.id,
        key: entryKey(f.collection, f.id),
        file: f.file,
        // The schema of f.collection parsed it, so it has that collection's type.
        data: parsed.data as CheckedEntry['data'],
        body: f.body,
        links,
        cites: body.cites,
        translations: {},
      } as CheckedEntry);
    }
  });

  const byKey = new Map(entries.map((e) => [e.key, e]));
  eachFile(translations, (f) => {
    for (const p of f.readProblems) problems.push({ file: f.file, line: p.line, field: p.field ?? 'front matter', message: p.message, unsafe: true });
    if (idProblem(f) || f.frontmatter === undefined) return;
    if (!ids.get(f.collection)!.has(f.id)) {
      const original = `content/${f.collection}/${f.id}.mdx`;
      problems.push({
        file: f.file,
        line: 1,
        field: 'file',
        message: `${unknownMessage('is a translation of an', f.collection, f.id)}. A translation sits beside its original (${original}), which must exist`,
      });
      return;
    }
    const parsed = checkFrontMatter(f, translationSchema);
    const { body, links } = checkBody(f, f.collection !== 'sources');
    const original = byKey.get(entryKey(f.collection, f.id));
    if (parsed.success && original && f.locale) {
      original.translations[f.locale] = { file: f.file, data: parsed.data as TranslationData, body: f.body, links, cites: body.cites };
    }
  });

  // Checks across the whole wiki: one that throws is reported on the content folder, and the build stops.
  const acrossWiki: [string, () => Problem[]][] = [
    ['redirects', () => redirectProblems(originals, published)],
    ['names and aliases', () => nameClashes(files.filter((f) => ENTRY_ID_PATTERN.test(f.id)))],
    ['basedOn links', () => basedOnCycles(entries, files)],
    ['the order of events', () => eventOrderProblems(entries, files)],
  ];
  for (const [what, check] of acrossWiki) {
    try {
      problems.push(...check());
    } catch (error) {
      problems.push(checkFailure('content/', error, `the check of ${what} across all entries`));
    }
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { problems, entries };
}

/**
 * The links of a "comes from" relation that close a cycle: following them
 * from an id must never lead back to it. One result per cycle, at the link
 * that closes it.
 */
function cyclesIn(next: ReadonlyMap<string, readonly string[]>): { from: string; index: number; cycle: string[] }[] {
  const found: { from: string; index: number; cycle: string[] }[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  // Iterative depth-first search, so a long chain cannot overflow the call stack.
  for (const start of next.keys()) {
    if (state.has(start)) continue;
    const frames: { id: string; i: number }[] = [{ id: start, i: 0 }];
    state.set(start, 'open');
    stack.push(start);
    while (frames.length) {
      const frame = frames[frames.length - 1]!;
      const targets = next.get(frame.id) ?? [];
      if (frame.i >= targets.length) {
        state.set(frame.id, 'done');
        stack.pop();
        frames.pop();
        continue;
      }
      const index = frame.i++;
      const target = targets[index]!;
      if (state.get(target) === 'open') {
        found.push({ from: frame.id, index, cycle: [...stack.slice(stack.indexOf(target)), target] });
      } else if (!state.has(target) && next.has(target)) {
        state.set(target, 'open');
        stack.push(target);
        frames.push({ id: target, i: 0 });
      }
    }
  }
  return found;
}

/** The original (untranslated) file of each entry of a collection, by id, for line numbers. */
const originalsOf = (files: readonly RawFile[], collection: CollectionName) => new Map(files.filter((f) => f.collection === collection && !f.locale).map((f) => [f.id, f]));

/**
 * A source relies on earlier sources (basedOn); following those links must
 * never lead back to where it started. One problem per cycle, at the link
 * that closes it.
 */
function basedOnCycles(entries: readonly CheckedEntry[], files: readonly RawFile[]): Problem[] {
  const next = new Map<string, string[]>();
  for (const e of entries) if (e.collection === 'sources') next.set(e.id, e.data.basedOn.map((b) => b.source));
  const fileOf = originalsOf(files, 'sources');
  return cyclesIn(next).map(({ from, index, cycle }) => {
    const f = fileOf.get(from);
    return {
      file: f?.file ?? `content/sources/${from}.mdx`,
      line: f?.lineOf(['basedOn', index, 'source']) ?? 1,
      field: `basedOn[${index}].source`,
      message: `makes a cycle (${cycle.join(' → ')}): a source can only rely on earlier sources; remove the link that points back`,
    };
  });
}

/**
 * An event's "after" names an earlier event: that event's date must not lie
 * wholly after this one's, and following "after" links must never lead back.
 */
function eventOrderProblems(entries: readonly CheckedEntry[], files: readonly RawFile[]): Problem[] {
  const events = new Map(entries.flatMap((e) => (e.collection === 'events' ? [[e.id, e] as const] : [])));
  const fileOf = originalsOf(files, 'events');
  const at = (id: string) => ({ file: fileOf.get(id)?.file ?? `content/events/${id}.mdx`, line: fileOf.get(id)?.lineOf(['after', 'event']) ?? 1, field: 'after.event' });
  const problems: Problem[] = [];
  const next = new Map<string, string[]>();
  for (const [id, e] of events) {
    const earlier = e.data.after && events.get(e.data.after.event);
    // An event naming itself has its own message (SELF_REFERENCES).
    if (!earlier || earlier.id === id) continue;
    next.set(id, [earlier.id]);
    if (endsBefore(e.data.date, earlier.data.date)) {
      problems.push({
        ...at(id),
        message: `says this event (dated ${e.data.date}) came after "${earlier.id}", which is dated ${earlier.data.date}, later than all of it: check both dates against the sources, or remove "after"`,
      });
    }
  }
  for (const { from, cycle } of cyclesIn(next)) {
    problems.push({ ...at(from), message: `makes a cycle (${cycle.join(' → ')}): each event can only come after an earlier one; remove the "after" that points back` });
  }
  return problems;
}
