/** Build in-memory entry files for content-check tests, and check them. */
import { expect } from 'vitest';
import { checkContent, formatProblem } from '../../src/lib/content/check';
import { parseEntryText, type RawFile } from '../../src/lib/content/files';
import type { CollectionName } from '../../src/schemas/shared';

export function file(collection: CollectionName, name: string, text: string): RawFile {
  const parts = name.split('.');
  const id = parts[0]!;
  const extension = parts.slice(1).join('.') || 'mdx';
  const locale = parts.length === 3 ? (parts[1] as 'ar') : undefined;
  return { ...parseEntryText(text, `content/${collection}/${name}`), collection, id, locale, extension };
}

export const SOURCE = `---
title: مقال
language: ar
kind: news
---
`;

export const COMPANY = `---
name: Example Corp
country: US
summary: An example company used by the tests of the content check.
sources: [example-source]
---

Example Corp sells things.<Cite source="example-source" />
`;

export const AGENCY = `---
name: Example Agency
country: US
level: national
summary: An example agency used by the tests of the content check.
sources: [example-source]
---
`;

/** A minimal valid wiki: one source, one company, one agency. */
export function baseFiles(): RawFile[] {
  return [file('sources', 'example-source.mdx', SOURCE), file('companies', 'example-corp.mdx', COMPANY), file('agencies', 'example-agency.mdx', AGENCY)];
}

/** The problems `npm run validate` reports for the base files plus `extra`, after checking the build's check (no second parse of sound bodies) reports the same. */
export function problemsOf(...extra: RawFile[]): string[] {
  const files = [...baseFiles(), ...extra];
  const problems = checkContent(files).problems.map(formatProblem);
  expect(checkContent(files, [], { crossCheck: false }).problems.map(formatProblem), 'the build check').toEqual(problems);
  return problems;
}

/** Assert one problem starts with `file:line field ` and matches `pattern`, and return it. */
export function expectProblem(problems: string[], prefix: string, pattern: RegExp): string {
  const found = problems.find((p) => p.startsWith(`${prefix} `) && pattern.test(p.slice(prefix.length + 1)));
  expect(found, `expected a problem "${prefix} …${pattern}" among:\n${problems.join('\n')}`).toBeDefined();
  return found!;
}
