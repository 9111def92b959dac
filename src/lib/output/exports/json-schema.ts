/**
 * JSON Schema (draft 2020-12) for the front matter of each collection, made
 * from the zod schemas with zod 4's `z.toJSONSchema`, so editors and other
 * tools can check an entry's front matter. Each field's
 * `.meta({ description })` in src/schemas/ becomes its "description".
 *
 * Served at /api/v1/schema/<collection>.json and written to the committed
 * files schemas/<collection>.schema.json by `npm run schemas`.
 */
import { z } from 'astro/zod';
import { SCHEMAS } from '../../../schemas';
import { COLLECTIONS, PARTIAL_DATE_PATTERN as PARTIAL_DATE_RULE, type CollectionName } from '../../isomorphic/collections';
import { currency, derivesFrom, httpsUrl, partialDate, webUrl } from '../../../schemas/shared';
import { translationSchema } from '../../../schemas/translation';

/** Every schema this module exports: every collection plus translation files. */
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
  people: 'Person entry front matter (content/people/<id>.mdx)',
  organizations: 'Organisation entry front matter (content/organizations/<id>.mdx)',
  sources: 'Source entry front matter (content/sources/<id>.mdx)',
  translation: 'Translation front matter (content/<collection>/<id>.ar.mdx)',
};

function zodSchemaOf(name: SchemaName): z.ZodType {
  return name === 'translation' ? translationSchema : (SCHEMAS[name as CollectionName] as unknown as z.ZodType);
}

// ---------------------------------------------------------------------------
// JSON Schema

/** The partial-date rule (shared/collections.ts) as a JSON Schema pattern. */
const PARTIAL_DATE_PATTERN = PARTIAL_DATE_RULE.source.replace(/\(\?:/g, '(');

type JsonObject = Record<string, unknown>;

function replaceContents(target: JsonObject, replacement: JsonObject) {
  for (const k of Object.keys(target)) delete target[k];
  Object.assign(target, replacement);
}

/** The JSON Schema of one collection's front matter. */
export function collectionJsonSchema(name: SchemaName): JsonObject {
  const schema = zodSchemaOf(name);
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
    override: (ctx) => {
      const zs = ctx.zodSchema as unknown;
      const js = ctx.jsonSchema as JsonObject;
      if (derivesFrom(zs, partialDate)) {
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
      if (derivesFrom(zs, httpsUrl) || derivesFrom(zs, webUrl)) {
        // zod checks the protocol but does not say so in the JSON Schema.
        js.pattern = derivesFrom(zs, httpsUrl) ? '^https://' : '^https?://';
        return;
      }
      if (derivesFrom(zs, currency)) {
        js.type = 'string';
        js.pattern = '^[A-Z]{3}$';
        return;
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
export function allSchemaFiles(): { name: SchemaName; file: string; text: string }[] {
  return SCHEMA_NAMES.map((name) => ({
    name,
    file: `${SCHEMA_DIR}/${schemaFileName(name)}`,
    text: `${JSON.stringify(collectionJsonSchema(name), null, 2)}\n`,
  }));
}
