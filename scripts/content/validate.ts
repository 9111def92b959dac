/**
 * `npm run validate`: checks every entry in content/ (schemas, ids, references,
 * dates, URLs, safe MDX) without building pages. Prints each problem as
 * `file:line field message` and exits 1 when there is any.
 */
import { performance } from 'node:perf_hooks';
import { formatProblem } from '../../src/lib/content/check';
import { checkReading } from '../../src/lib/content/checked';
import { readContentDir } from '../../src/lib/content/files';
import { translationCoverage } from '../../src/lib/content/translation-coverage';

const root = process.argv[2] ?? process.cwd();
const started = performance.now();
const reading = readContentDir(root);
const { files } = reading;
const { problems, entries } = checkReading(root, reading, {});
const ms = Math.round(performance.now() - started);

for (const problem of problems) console.error(formatProblem(problem));

const counts = new Map<string, number>();
for (const e of entries) counts.set(e.collection, (counts.get(e.collection) ?? 0) + 1);
const summary = [...counts].map(([c, n]) => `${n} ${c}`).join(', ');
const coverage = translationCoverage(entries);
console.log(`Checked ${files.length} files (${summary || 'no entries'}) in ${ms} ms.`);
for (const line of coverage) console.log(line);
if (problems.length) {
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} found. Fix them and run \`npm run validate\` again.`);
  process.exit(1);
}
console.log('No problems found.');
