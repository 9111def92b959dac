/**
 * Checks FollowTheMoney entities against the model shipped in
 * @alephdata/followthemoney (a devDependency: only the tests use this check).
 * Returns a list of problems; an empty list means every entity is valid:
 * - the schema exists and is not abstract, and its required properties are set;
 * - every property exists on the schema (including inherited ones);
 * - every value is a non-empty string within its type's length limit and of
 *   the right form (countries, languages and topics from the model's lists,
 *   dates as FtM date prefixes, URLs absolute http(s), numbers numeric);
 * - entity-typed properties point at ids present in the same set, whose
 *   schema is within the property's range;
 * - ids are unique.
 */
import { defaultModel, Model, type Schema } from '@alephdata/followthemoney';
import type { FtmEntity } from '../../src/lib/output/exports/ftm';

const FTM_DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?)?)?$/;

export function validateFtm(entities: readonly FtmEntity[], model: Model = new Model(defaultModel)): string[] {
  const problems: string[] = [];
  const byId = new Map<string, FtmEntity>();
  const entityType = model.getType('entity');
  for (const e of entities) {
    if (typeof e.id !== 'string' || !e.id) problems.push(`an entity has no id: ${JSON.stringify(e).slice(0, 120)}`);
    else if (e.id.length > entityType.maxLength) problems.push(`${e.id}: id longer than ${entityType.maxLength}`);
    if (byId.has(e.id)) problems.push(`${e.id}: duplicate id`);
    byId.set(e.id, e);
  }
  for (const e of entities) {
    const schema = model.schemata[e.schema];
    if (!schema) {
      problems.push(`${e.id}: unknown schema "${e.schema}"`);
      continue;
    }
    if (schema.abstract) problems.push(`${e.id}: schema ${e.schema} is abstract`);
    for (const required of schema.required) {
      if (!e.properties[required]?.length) problems.push(`${e.id}: ${e.schema} requires "${required}"`);
    }
    if (!e.properties || typeof e.properties !== 'object') {
      problems.push(`${e.id}: no properties object`);
      continue;
    }
    for (const [name, values] of Object.entries(e.properties)) {
      if (!schema.hasProperty(name)) {
        problems.push(`${e.id}: ${e.schema} has no property "${name}"`);
        continue;
      }
      const prop = schema.getProperty(name);
      if (!Array.isArray(values) || values.length === 0) {
        problems.push(`${e.id}.${name}: values must be a non-empty array`);
        continue;
      }
      for (const value of values) {
        if (typeof value !== 'string' || !value.trim()) {
          problems.push(`${e.id}.${name}: values must be non-empty strings`);
          continue;
        }
        const type = prop.type;
        if (value.length > type.maxLength) problems.push(`${e.id}.${name}: longer than ${type.maxLength} characters`);
        switch (type.name) {
          case 'country':
          case 'language':
          case 'topic':
            if (!type.values.has(value)) problems.push(`${e.id}.${name}: "${value}" is not a known ${type.name}`);
            break;
          case 'date':
            if (!FTM_DATE.test(value)) problems.push(`${e.id}.${name}: "${value}" is not an FtM date`);
            break;
          case 'url':
            if (!/^https?:\/\/[^\s]+$/.test(value) || !URL.canParse(value)) problems.push(`${e.id}.${name}: "${value}" is not an absolute http(s) URL`);
            break;
          case 'number':
            if (!Number.isFinite(Number(value))) problems.push(`${e.id}.${name}: "${value}" is not a number`);
            break;
          case 'entity': {
            const target = byId.get(value);
            if (!target) {
              problems.push(`${e.id}.${name}: points at "${value}", which is not in the file`);
              break;
            }
            const range: Schema = prop.getRange();
            const targetSchema = model.schemata[target.schema];
            if (targetSchema && !targetSchema.isA(range)) {
              problems.push(`${e.id}.${name}: points at a ${target.schema}, but the property takes a ${range.name}`);
            }
            break;
          }
        }
      }
    }
  }
  return problems;
}
