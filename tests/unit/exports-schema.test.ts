/**
 * JSON Schema of the front matter: the committed files in schemas/ match what
 * `npm run schemas` would write (stale files fail), every real entry validates
 * against them, broken front matter does not, and each field's .meta()
 * description in src/schemas/ reaches the schema.
 *
 * Ajv (draft 2020-12) is reached through html-validate's dependency tree; it
 * is a test-only checker of our output, not part of the build.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { readContentDir } from '../../src/lib/content/files';
import {
  allSchemaFiles,
  collectionJsonSchema,
  SCHEMA_NAMES,
  type SchemaName,
} from '../../src/lib/output/exports/json-schema';
import { COLLECTIONS } from '../../src/schemas/shared';
import { contractSchema } from '../../src/schemas/contract';

const files = allSchemaFiles();

describe('committed schema files', () => {
  it('there is one file per collection plus translations', () => {
    expect(files.map((f) => f.file)).toEqual([...COLLECTIONS.map((c) => `schemas/${c}.schema.json`), 'schemas/translation.schema.json']);
  });

  it.each(files.map((f) => [f.file, f] as const))('%s is up to date (run `npm run schemas` after changing src/schemas/)', (_name, f) => {
    let committed: string;
    try {
      committed = readFileSync(f.file, 'utf8');
    } catch {
      throw new Error(`${f.file} is missing: run npm run schemas`);
    }
    expect(committed, `${f.file} is stale: run npm run schemas`).toBe(f.text);
  });
});

function validator(name: SchemaName) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, validateFormats: false });
  return ajv.compile(JSON.parse(files.find((f) => f.name === name)!.text));
}

describe('the schemas accept the real content and reject broken front matter', () => {
  const validators = Object.fromEntries(SCHEMA_NAMES.map((n) => [n, validator(n)])) as Record<SchemaName, ReturnType<typeof validator>>;
  const roots = ['.', 'tests/fixtures/wiki'];
  const all = roots.flatMap((root) => readContentDir(root).files.map((f) => ({ ...f, root })));

  it('finds content to check', () => {
    expect(all.filter((f) => !f.locale).length).toBeGreaterThan(10);
  });

  it.each(all.map((f) => [`${f.root}/${f.file}`, f] as const))('%s validates', (_name, f) => {
    const validate = validators[f.locale ? 'translation' : f.collection];
    const ok = validate(f.frontmatter);
    expect(ok ? [] : validate.errors).toEqual([]);
  });

  const broken: [string, SchemaName, Record<string, unknown>, RegExp][] = [
    ['an unknown field', 'companies', { name: 'X', summary: 'A company that is only a test case.', sources: ['s'], colour: 'red' }, /additional/],
    ['a missing required field', 'contracts', { title: 'X', buyer: 'ice', summary: 'A contract that is only a test case.', sources: ['s'] }, /suppliers/],
    ['a malformed date', 'events', { title: 'X', date: '2025-4-1', kind: 'protest', summary: 'An event that is only a test case.', sources: ['s'] }, /pattern|anyOf/],
    ['a value outside the vocabulary', 'agencies', { name: 'X', country: 'US', level: 'galactic', summary: 'An agency that is only a test case.', sources: ['s'] }, /enum/],
    ['a lower-case currency', 'contracts', { title: 'X', buyer: 'ice', suppliers: [{ company: 'c' }], values: [{ amount: 1, currency: 'usd', kind: 'reported', source: 's' }], summary: 'A contract that is only a test case.', sources: ['s'] }, /pattern/],
    ['an http website where https is required', 'companies', { name: 'X', website: 'http://x.example', summary: 'A company that is only a test case.', sources: ['s'] }, /pattern/],
    ['a bad id', 'companies', { name: 'X', parent: 'Not An Id', summary: 'A company that is only a test case.', sources: ['s'] }, /pattern/],
  ];
  it.each(broken)('rejects %s', (_name, schema, fm, message) => {
    const validate = validators[schema];
    expect(validate(fm)).toBe(false);
    expect(JSON.stringify(validate.errors)).toMatch(message);
  });

  it('accepts a year written as a bare YAML number, as the content schemas do', () => {
    expect(validators.companies({ name: 'X', founded: 2003, summary: 'A company that is only a test case.', sources: ['s'] })).toBe(true);
    expect(validators.events({ title: 'X', date: 2025, kind: 'protest', summary: 'An event that is only a test case.', sources: ['s'] })).toBe(true);
  });
});

describe('descriptions from the schema comments', () => {
  it('every top-level field of every collection has a description (document new fields in src/schemas/)', () => {
    for (const name of SCHEMA_NAMES) {
      const schema = JSON.parse(files.find((f) => f.name === name)!.text) as { properties: Record<string, { description?: string }>; description?: string };
      const missing = Object.entries(schema.properties).filter(([, p]) => !p.description).map(([k]) => k);
      expect(missing, `${name}: fields without a /** comment */ in src/schemas/`).toEqual([]);
      expect(schema.description, `${name}: the schema itself has a description`).toBeTruthy();
    }
  });

  it("takes each description from the field's .meta(), also in nested objects and shared pieces", () => {
    const contract = collectionJsonSchema('contracts') as any;
    expect(contract.properties.buyer.description).toBe(contractSchema.shape.buyer.meta()?.description);
    expect(contract.properties.buyer.description).toBe('Id of the buying agency in content/agencies/.');
    expect(contract.properties.suppliers.items.properties.role.description).toBe("The supplier's role.");
    expect(contract.properties.identifiers.items.properties.value.description).toBe('The identifier exactly as the record writes it.');
    // money.ts: the source of an amount; shared.ts: a citation object's source.
    expect(contract.properties.values.items.properties.source.description).toBe('The source for this amount.');
    expect(contract.properties.sources.items.anyOf[1].properties.source.description).toBe('Id of the entry in content/sources/.');
    // From the spread ...entryBase in shared.ts.
    expect(contract.properties.summary.description).toMatch(/^One sentence, plain text/);
    // A partial date keeps both its description and the two forms it accepts.
    expect(contract.properties.awarded).toMatchObject({ description: 'When it was awarded.', anyOf: [{ type: 'string' }, { type: 'integer' }] });
    expect(contract.description).toMatch(/^A contract, pilot or agreement/);
  });

  it('every field of every collection has a description', () => {
    const undocumented: string[] = [];
    const walk = (node: any, path: string) => {
      if (!node || typeof node !== 'object') return;
      for (const [key, prop] of Object.entries<any>(node.properties ?? {})) {
        if (!prop.description) undocumented.push(`${path}.${key}`);
        walk(prop, `${path}.${key}`);
        walk(prop.items, `${path}.${key}[]`);
        for (const branch of prop.items?.anyOf ?? prop.anyOf ?? []) walk(branch, `${path}.${key}`);
      }
    };
    for (const name of SCHEMA_NAMES) walk(collectionJsonSchema(name), name);
    expect(undocumented).toEqual([]);
  });
});
