/**
 * `npm run schemas`: writes the JSON Schema of each collection's front matter
 * to schemas/<collection>.schema.json (committed, so editors and other tools
 * can use them without building the site). `npm run schemas -- --check` only
 * reports stale files and exits 1; a unit test does the same check.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { allSchemaFiles, SCHEMA_DIR } from '../../src/lib/output/exports/json-schema';

const check = process.argv.includes('--check');
const stale: string[] = [];
mkdirSync(SCHEMA_DIR, { recursive: true });
for (const { file, text } of allSchemaFiles()) {
  let current: string | undefined;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === text) continue;
  stale.push(file);
  if (!check) writeFileSync(file, text);
}
if (check && stale.length) {
  console.error(`Stale JSON Schema files (run npm run schemas): ${stale.join(', ')}`);
  process.exit(1);
}
console.log(stale.length ? `${check ? 'Stale' : 'Wrote'}: ${stale.join(', ')}` : 'JSON Schema files are up to date.');
