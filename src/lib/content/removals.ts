/**
 * `content/removed.yaml`: the entries the wiki has removed, each with when
 * and why. Their addresses keep answering with a page saying so (never a
 * 404) and their history stays readable. Read and checked here, with the
 * same `file:line field message` problems as entries.
 *
 * Node only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { removalsSchema, type RemovalData } from '../../schemas/removal';
import { contentDir as resolveContentDir, buildTime } from '../settings';
import type { CheckedEntry, Problem } from './check';
import { parseEntryText, REMOVALS_FILE } from './files';
import { fieldName, flattenIssues } from './front-matter-rules';
import { nearest } from './suggest';

const FILE = `content/${REMOVALS_FILE}`;

export interface RemovalsRead {
  removals: RemovalData[];
  problems: Problem[];
  /** Line of each record's field, for problems found later. */
  lineOf: (path: readonly PropertyKey[]) => number;
}

/** Read and schema-check content/removed.yaml (an absent file is no removals). */
export function readRemovals(contentDir: string): RemovalsRead {
  const path = join(contentDir, REMOVALS_FILE);
  if (!existsSync(path)) return { removals: [], problems: [], lineOf: () => 1 };
  // The file is plain YAML; read it as front matter to share the YAML rules and line numbers.
  const raw = parseEntryText(`---\n${readFileSync(path, 'utf8')}\n---\n`, FILE);
  // Lines as the file numbers them (the reading counts the "---" put before it).
  const lineOf = (p: readonly PropertyKey[]) => Math.max(1, raw.lineOf(p) - 1);
  const problems: Problem[] = raw.readProblems.map((p) => ({ file: FILE, line: Math.max(1, p.line - 1), field: p.field ?? 'removals', message: p.message }));
  if (problems.length) return { removals: [], problems, lineOf };
  const parsed = removalsSchema.safeParse(raw.frontmatter ?? []);
  if (!parsed.success) {
    for (const issue of flattenIssues(parsed.error.issues)) {
      problems.push({ file: FILE, line: lineOf(issue.path), field: issue.path.length ? `removals${fieldName(issue.path).replace(/^(?=[^[])/, '.')}` : 'removals', message: issue.message });
    }
    return { removals: [], problems, lineOf };
  }
  return { removals: parsed.data, problems, lineOf };
}

/** Cross-check the removals against the entries: a removed entry is gone, not renamed, and listed once. */
export function checkRemovals(read: RemovalsRead, entries: readonly CheckedEntry[], today = buildTime().toISOString().slice(0, 10)): Problem[] {
  const problems: Problem[] = [];
  const live = new Set(entries.map((e) => e.key as string));
  const renamed = new Map<string, string>();
  for (const e of entries) for (const old of e.data.redirectFrom) renamed.set(`${e.collection}/${old}`, e.key);
  const seen = new Set<string>();
  read.removals.forEach((r, i) => {
    const at = (field: string) => ({ file: FILE, line: read.lineOf([i, field]), field: `removals[${i}].${field}` });
    if (live.has(r.entry)) problems.push({ ...at('entry'), message: `"${r.entry}" is still an entry (content/${r.entry}.mdx): delete that file, or delete this record` });
    const to = renamed.get(r.entry);
    if (to) problems.push({ ...at('entry'), message: `"${r.entry}" is an old id of ${to} (its redirectFrom), so its address already leads there: delete this record` });
    if (seen.has(r.entry)) problems.push({ ...at('entry'), message: `"${r.entry}" is listed twice: keep one record` });
    seen.add(r.entry);
    if (r.removed > today) problems.push({ ...at('removed'), message: `${r.removed} is after today (${today}): write the day the entry was removed` });
    if (r.replacedBy && !live.has(r.replacedBy)) {
      const guess = nearest(r.replacedBy, live);
      problems.push({ ...at('replacedBy'), message: `"${r.replacedBy}" is not an entry${guess ? `; did you mean "${guess}"?` : ''}` });
    }
  });
  return problems;
}

let cache: RemovalsRead | undefined;

/** The removals of the configured content directory, read once per build. */
export function getRemovals(): RemovalData[] {
  cache ??= readRemovals(resolveContentDir(process.cwd()));
  return cache.removals;
}
