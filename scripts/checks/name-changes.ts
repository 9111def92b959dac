/**
 * `npx tsx scripts/checks/name-changes.ts [base]`: lists every name, title and
 * alias this branch changes against `base` (default origin/main), for
 * reviewers, as Markdown; appended to the GitHub step summary when run in a
 * workflow. It lists, it does not judge: it fails only when git cannot
 * compare the two branches.
 */
import { appendFileSync } from 'node:fs';
import { nameChanges, nameChangesSummary } from '../../src/lib/content/name-changes';

const base = process.argv[2] ?? 'origin/main';
let summary: string;
try {
  summary = nameChangesSummary(nameChanges(process.cwd(), base));
} catch (error) {
  const why = String((error as { stderr?: unknown }).stderr ?? (error as Error).message).trim().split('\n')[0];
  console.error(`Cannot compare names with "${base}": ${why}. Fetch the base branch (actions/checkout with fetch-depth: 0) or name another one.`);
  process.exit(1);
}
console.log(summary);
if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${summary}\n`);
