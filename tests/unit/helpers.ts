/** Build in-memory entry files for content-check tests, and check them. */
import { expect } from 'vitest';
import { checkContent, formatProblem } from '../../src/lib/content/check';
import { parseEntryText, type RawFile } from '../../src/lib/content/files';
import type { CollectionName } from '../../src/schemas/shared';
import type { FileVersionRecord, HistoryCommit, WikiHistory } from '../../src/lib/model/history';

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

/**
 * A WikiHistory from first and last change dates per content file, for tests
 * of what reads the history: one commit per date (touching every file
 * changed that day), an "added" version at `created` and a "changed" one at
 * `updated`; a file with no `created` was found at a shallow clone's cut-off.
 */
export function historyFromDates(dates: ReadonlyMap<string, { created?: string; updated?: string }>): WikiHistory {
  const commit = (date: string): HistoryCommit => {
    const hash = `c${date.replace(/\D/g, '')}`.padEnd(40, '0');
    return { hash, short: hash.slice(0, 12), date, message: `Change of ${date}` };
  };
  const files = new Map<string, FileVersionRecord[]>();
  let shallow = false;
  for (const [path, d] of dates) {
    const versions: FileVersionRecord[] = [];
    if (d.created) versions.push({ commit: commit(d.created), kind: 'added', path, diff: { fields: [], citationsAdded: [], citationsRemoved: [], corrections: [] } });
    else {
      shallow = true;
      versions.push({ commit: commit('2000-01-01T00:00:00Z'), kind: 'present', path });
    }
    if (d.updated && d.updated !== d.created) versions.push({ commit: commit(d.updated), kind: 'changed', path, diff: { fields: [{ field: 'summary', before: 'old', after: 'new' }], citationsAdded: [], citationsRemoved: [], corrections: [] } });
    files.set(path, versions);
  }
  const commits = [...new Map([...files.values()].flat().map((v) => [v.commit.hash, v.commit])).values()].sort((a, b) => (a.date < b.date ? 1 : -1));
  return { status: shallow ? 'shallow' : 'full', repoPrefix: 'content/', commits, files, removedFiles: new Map() };
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

/** A company entry for hostile-content tables; `extra` front-matter lines start at line 6 and the body right after the front matter. */
export function hostileCompany(body: string, extra = '', name = 'Hostile Corp'): string {
  return `---
name: ${name}
country: US
summary: A company entry used to test that hostile content is refused.
sources: [example-source]
${extra}---

${body}
`;
}
