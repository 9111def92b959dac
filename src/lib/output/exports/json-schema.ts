/**
 * JSON Schema (draft 2020-12) for the front matter of each collection, made
 * from the zod schemas with zod 4's `z.toJSONSchema`, so editors and other
 * tools can check an entry's front matter. The field comments written in
 * src/schemas/*.ts become the schema's "description"s: they are read from the
 * schema source files (zod keeps no comments at run time) and matched to the
 * zod objects by their exact set of keys.
 *
 * Served at /api/v1/schema/<collection>.json and written to the committed
 * files schemas/<collection>.schema.json by `npm run schemas`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { SCHEMAS } from '../../../schemas';
import { COLLECTIONS, type CollectionName } from '../../../schemas/shared';
import { currency, httpsUrl, partialDate, webUrl } from '../../../schemas/shared';
import { translationSchema } from '../../../schemas/translation';

/** Every schema this module exports: the five collections plus translation files. */
export const SCHEMA_NAMES = [...COLLECTIONS, 'translation'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

/** Where `npm run schemas` writes the committed copies. */
export const SCHEMA_DIR = 'schemas';
export const schemaFileName = (name: SchemaName) => `${name}.schema.json`;

const TITLES: Record<SchemaName, string> = {
  companies: 'Company entry front matter (content/companies/<id>.mdx)',
  agencies: 'Agency entry front matter (content/agencies/<id>.mdx)',
  contracts: 'Contract entry front matter (content/contracts/<id>.mdx)',
  events: 'Event entry front matter (content/events/<id>.mdx)',
  sources: 'Source entry front matter (content/sources/<id>.mdx)',
  translation: 'Translation front matter (content/<collection>/<id>.ar.mdx)',
};

function zodSchemaOf(name: SchemaName): z.ZodType {
  return name === 'translation' ? translationSchema : (SCHEMAS[name as CollectionName] as unknown as z.ZodType);
}

// ---------------------------------------------------------------------------
// Doc comments from the schema sources

/** One object literal found in a source file: its keys (spreads resolved later) and their doc comments. */
export interface SourceObject {
  keys: string[];
  docs: Record<string, string>;
  spreads: string[];
  /** The doc comment of the `export const X = ...` statement the literal opens, if any. */
  doc?: string;
  /** Set when the literal is the value of `const NAME = {`. */
  name?: string;
}

/** Turn a `/** ... *\/` comment into one line of text. */
export function cleanDoc(comment: string): string {
  return comment
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\*\s?/, '').trim())
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A small scanner for the schema source files: finds every object literal,
 * its keys and the doc comment right before each key. Strings, template
 * literals, regular expressions and comments are skipped so braces inside them
 * do not count.
 */
export function scanObjects(source: string): SourceObject[] {
  const objects: SourceObject[] = [];
  interface Frame {
    kind: '{' | '(' | '[';
    obj?: SourceObject;
    /** True right after "{" or "," at this level: the next identifier may be a key. */
    expectKey: boolean;
  }
  const stack: Frame[] = [];
  let pendingDoc: string | undefined;
  let statementDoc: string | undefined;
  let statementName: string | undefined;
  let lastSignificant = '';
  let i = 0;
  const n = source.length;
  const top = () => stack[stack.length - 1];
  while (i < n) {
    const ch = source[i]!;
    // Comments
    if (ch === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      const text = source.slice(i, stop);
      if (text.startsWith('/**')) pendingDoc = cleanDoc(text);
      i = stop;
      continue;
    }
    if (ch === '/' && source[i + 1] === '/') {
      const end = source.indexOf('\n', i);
      i = end === -1 ? n : end;
      continue;
    }
    // Strings and template literals (templates with ${} are skipped whole; schema files use none with braces).
    if (ch === '"' || ch === "'" || ch === '`') {
      let j = i + 1;
      while (j < n && source[j] !== ch) j += source[j] === '\\' ? 2 : 1;
      i = j + 1;
      lastSignificant = 'x';
      continue;
    }
    // Regular expression literals: a "/" where an expression may start.
    if (ch === '/' && (lastSignificant === '' || '(,=:[!&|?{};'.includes(lastSignificant))) {
      let j = i + 1;
      let inClass = false;
      while (j < n) {
        const c = source[j]!;
        if (c === '\\') {
          j += 2;
          continue;
        }
        if (c === '[') inClass = true;
        else if (c === ']') inClass = false;
        else if (c === '/' && !inClass) break;
        else if (c === '\n') break;
        j++;
      }
      j++;
      while (j < n && /[a-z]/i.test(source[j]!)) j++;
      i = j;
      lastSignificant = 'x';
      continue;
    }
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '{' || ch === '(' || ch === '[') {
      const frame: Frame = { kind: ch, expectKey: ch === '{' };
      if (ch === '{') {
        frame.obj = { keys: [], docs: {}, spreads: [] };
        if (statementDoc !== undefined) {
          frame.obj.doc = statementDoc;
          statementDoc = undefined;
        }
        if (statementName !== undefined && lastSignificant === '=') frame.obj.name = statementName;
        statementName = undefined;
      }
      stack.push(frame);
      pendingDoc = undefined;
      lastSignificant = ch;
      i++;
      continue;
    }
    if (ch === '}' || ch === ')' || ch === ']') {
      const frame = stack.pop();
      if (frame?.obj) objects.push(frame.obj);
      lastSignificant = ch;
      i++;
      continue;
    }
    if (ch === ',') {
      const frame = top();
      if (frame) frame.expectKey = frame.kind === '{';
      pendingDoc = undefined;
      lastSignificant = ch;
      i++;
      continue;
    }
    if (ch === ';') {
      statementDoc = undefined;
      statementName = undefined;
      pendingDoc = undefined;
      lastSignificant = ch;
      i++;
      continue;
    }
    // Spread in an object literal: "...name"
    if (ch === '.' && source.startsWith('...', i)) {
      const m = /^\.\.\.([A-Za-z_$][\w$]*)/.exec(source.slice(i));
      const frame = top();
      if (m && frame?.obj && frame.expectKey) {
        frame.obj.spreads.push(m[1]!);
        frame.expectKey = false;
        i += m[0].length;
        lastSignificant = 'x';
        continue;
      }
      i += 3;
      lastSignificant = '.';
      continue;
    }
    const ident = /^[A-Za-z_$][\w$]*/.exec(source.slice(i, i + 200));
    if (ident) {
      const word = ident[0];
      const frame = top();
      const after = source.slice(i + word.length).match(/^\s*(.)/)?.[1];
      if (frame?.obj && frame.expectKey && (after === ':' || after === ',' || after === '}')) {
        frame.obj.keys.push(word);
        if (pendingDoc) frame.obj.docs[word] = pendingDoc;
        frame.expectKey = false;
      } else if (stack.length === 0) {
        // Top level: "export const NAME =" takes the doc comment before it.
        if (word === 'export' || word === 'const') {
          if (pendingDoc !== undefined) statementDoc = pendingDoc;
        } else if (lastSignificant === 'const') {
          statementName = word;
        }
      }
      pendingDoc = word === 'export' || word === 'const' ? pendingDoc : undefined;
      lastSignificant = word === 'const' ? 'const' : 'x';
      i += word.length;
      continue;
    }
    if (ch === '=' && source[i + 1] !== '>' && source[i + 1] !== '=') {
      lastSignificant = '=';
      i++;
      continue;
    }
    lastSignificant = ch;
    i++;
  }
  return objects;
}

/** Keys and docs of every object literal in the given sources, with spreads (e.g. ...entryBase) resolved. */
export function docIndex(sources: readonly string[]): SourceObject[] {
  const all = sources.flatMap((s) => scanObjects(s));
  const named = new Map(all.filter((o) => o.name).map((o) => [o.name!, o]));
  const resolve = (o: SourceObject, depth = 0): SourceObject => {
    if (depth > 5 || o.spreads.length === 0) return o;
    const keys = [...o.keys];
    const docs = { ...o.docs };
    for (const s of o.spreads) {
      const spread = named.get(s);
      if (!spread) continue;
      const r = resolve(spread, depth + 1);
      for (const k of r.keys) if (!keys.includes(k)) keys.push(k);
      for (const [k, d] of Object.entries(r.docs)) docs[k] ??= d;
    }
    return { ...o, keys, docs, spreads: [] };
  };
  return all.map((o) => resolve(o));
}

/** Read src/schemas/*.ts from the project root. */
export function readSchemaSources(root: string = process.cwd()): string[] {
  const dir = join(root, 'src', 'schemas');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((k) => set.has(k));
}

// ---------------------------------------------------------------------------
// JSON Schema

const PARTIAL_DATE_PATTERN = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';

type JsonObject = Record<string, unknown>;

function replaceContents(target: JsonObject, replacement: JsonObject) {
  for (const k of Object.keys(target)) delete target[k];
  Object.assign(target, replacement);
}

/** The JSON Schema of one collection's front matter. */
export function collectionJsonSchema(name: SchemaName, docs: readonly SourceObject[] = docIndex(readSchemaSources())): JsonObject {
  const schema = zodSchemaOf(name);
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
    override: (ctx) => {
      const zs = ctx.zodSchema as unknown;
      const js = ctx.jsonSchema as JsonObject;
      if (zs === partialDate) {
        // YAML reads a bare year as a number; both forms are accepted and normalised.
        replaceContents(js, {
          description: js.description,
          anyOf: [
            { type: 'string', pattern: PARTIAL_DATE_PATTERN, description: 'YYYY, YYYY-MM or YYYY-MM-DD' },
            { type: 'integer', minimum: 1000, maximum: 9999, description: 'A year' },
          ],
        });
        if (js.description === undefined) delete js.description;
        return;
      }
      if (zs === httpsUrl || zs === webUrl) {
        // zod checks the protocol but does not say so in the JSON Schema.
        js.pattern = zs === httpsUrl ? '^https://' : '^https?://';
        return;
      }
      if (zs === currency) {
        js.type = 'string';
        js.pattern = '^[A-Z]{3}$';
        return;
      }
      const shape = (zs as { shape?: Record<string, unknown> } | null)?.shape;
      const def = (zs as { _zod?: { def?: { type?: string } } } | null)?._zod?.def;
      if (!shape || def?.type !== 'object') return;
      const keys = Object.keys(shape);
      const match = docs.find((o) => sameKeys(o.keys, keys));
      if (!match) return;
      if (match.doc && js.description === undefined) js.description = match.doc;
      const props = js.properties as Record<string, JsonObject> | undefined;
      if (!props) return;
      for (const [key, prop] of Object.entries(props)) {
        const doc = match.docs[key];
        // A copy, never the node itself: zod shares one node between every use of a reused schema (e.g. citation).
        if (doc && prop && typeof prop === 'object' && prop.description === undefined) props[key] = { ...prop, description: doc };
      }
    },
  }) as JsonObject;
  return {
    $schema: json.$schema,
    $id: `${name}.schema.json`,
    title: TITLES[name],
    ...Object.fromEntries(Object.entries(json).filter(([k]) => k !== '$schema')),
  };
}

/** Every schema, in a stable order, as the text written to schemas/<name>.schema.json. */
export function allSchemaFiles(root: string = process.cwd()): { name: SchemaName; file: string; text: string }[] {
  const docs = docIndex(readSchemaSources(root));
  return SCHEMA_NAMES.map((name) => ({
    name,
    file: `${SCHEMA_DIR}/${schemaFileName(name)}`,
    text: `${JSON.stringify(collectionJsonSchema(name, docs), null, 2)}\n`,
  }));
}
