/**
 * Dates that cannot be true: a date after the build's date (published
 * 9999-12-31, an event in 2999). Every partial date of an entry's front matter
 * is found from its schema, so a new date field is covered as soon as it
 * exists. Only a contract's end may lie ahead: contracts run for a stated period.
 *
 * Node only (with check.ts).
 */
import type { z } from 'astro/zod';
import { SCHEMAS } from '../../schemas';
import { derivesFrom, isValidPartialDate, partialDate, type CollectionName } from '../../schemas/shared';

/** Date fields whose value may be planned rather than past. */
const PLANNED_DATES: Partial<Record<CollectionName, readonly string[]>> = { contracts: ['end'] };

interface ZodNode {
  _zod: { def: { type: string; shape?: Record<string, unknown>; element?: unknown; innerType?: unknown; out?: unknown } };
}

/** Whether a schema node is a partial date, remembered per node (the walk below visits the same nodes for every file). */
const dateNodes = new WeakMap<object, boolean>();
function isDateNode(schema: object): boolean {
  let known = dateNodes.get(schema);
  if (known === undefined) dateNodes.set(schema, (known = derivesFrom(schema, partialDate)));
  return known;
}

/**
 * Every partial date in front matter, with its path, found by walking the
 * schema beside the data: checked or not (a bare year YAML reads as a number
 * is read as written), so a future date is reported even when another field is wrong.
 */
export function datesIn(schema: unknown, value: unknown, path: PropertyKey[] = []): { path: PropertyKey[]; value: string }[] {
  if (value === undefined) return [];
  if (isDateNode(schema as object)) return typeof value === 'string' || typeof value === 'number' ? [{ path, value: String(value) }] : [];
  const def = (schema as ZodNode)._zod.def;
  switch (def.type) {
    case 'object':
      if (!value || typeof value !== 'object') return [];
      return Object.entries(def.shape ?? {}).flatMap(([key, field]) => datesIn(field, (value as Record<string, unknown>)[key], [...path, key]));
    case 'array':
      return Array.isArray(value) ? value.flatMap((item, i) => datesIn(def.element, item, [...path, i])) : [];
    case 'optional':
    case 'default':
    case 'nullable':
    case 'prefault':
    case 'readonly':
      return datesIn(def.innerType, value, path);
    case 'pipe':
      return datesIn(def.out, value, path);
    default:
      return [];
  }
}

/** Whether a partial date ("2027", "2026-12", "2026-12-02") starts after `today` (YYYY-MM-DD). */
export function isAfter(date: string, today: string): boolean {
  return date > today.slice(0, date.length);
}

/** Dates of an entry that lie after `today`, each with what to do. */
export function futureDates(collection: CollectionName, data: unknown, today: string): { path: PropertyKey[]; message: string }[] {
  const planned = PLANNED_DATES[collection] ?? [];
  return datesIn(SCHEMAS[collection] as z.ZodType, data)
    .filter((d) => !(d.path.length === 1 && planned.includes(String(d.path[0]))))
    .filter((d) => isValidPartialDate(d.value) && isAfter(d.value, today))
    .map((d) => ({
      path: d.path,
      message: `${d.value} is in the future (the build's date is ${today}); write only dates that have passed, as precisely as the sources give them (a year, a month or a day)`,
    }));
}
