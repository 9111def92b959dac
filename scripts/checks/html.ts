/**
 * `npm run check:html [dir...]`: validates every HTML file of a build with
 * html-validate, using the committed .htmlvalidate.json (html-validate's
 * recommended rules). The build is $WIKI_OUT_DIR or dist/ unless directories
 * are given; `--fixture` adds the fixture wiki's build ($FIXTURE_OUT or
 * .cache/fixture-dist). Prints each problem as `file:line:col rule message (selector)`
 * and exits 1 when there is any.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Why each rule in .htmlvalidate.json differs from html-validate:recommended
 * (JSON has no comments, so the reasons live here; a rule changed without a
 * reason stops the check).
 */
export const RELAXATIONS: Record<string, string> = {
  'long-title':
    'A <title> is the entry name plus the site name. Names are official names, and a source without a headline is ' +
    'deliberately titled by its first line (see content/sources/); title length is a search-snippet preference, not validity.',
  'valid-id':
    'relaxed: heading ids are made by Astro\'s slugger from the heading text, so Arabic headings get Arabic ids and ' +
    '"2026 open letter" gets "2026-open-letter". Both are valid HTML ids and work as URL fragments; the strict mode only ' +
    'asks for CSS-selector-friendly ids. Empty ids and ids with spaces are still errors.',
};

export function loadConfig(): ConfigData {
  const config = JSON.parse(readFileSync(join(root, '.htmlvalidate.json'), 'utf8')) as ConfigData;
  const unexplained = Object.keys(config.rules ?? {}).filter((rule) => !RELAXATIONS[rule]);
  if (unexplained.length) throw new Error(`.htmlvalidate.json changes ${unexplained.join(', ')} without a reason in scripts/checks/html.ts`);
  return config;
}

/** Every .html file under a directory. */
export function htmlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => join(dir, f));
}

async function main() {
  const args = process.argv.slice(2);
  const dirs = args.filter((a) => !a.startsWith('--'));
  if (!dirs.length) dirs.push(process.env.WIKI_OUT_DIR ?? 'dist');
  if (args.includes('--fixture')) dirs.push(process.env.FIXTURE_OUT ?? '.cache/fixture-dist');
  const validator = new HtmlValidate(new StaticConfigLoader(loadConfig()));
  let problems = 0;
  let checked = 0;
  for (const dir of dirs) {
    const files = htmlFiles(dir);
    if (!files.length) {
      console.error(`${dir}: no HTML files (build first).`);
      process.exit(1);
    }
    for (const file of files) {
      const report = await validator.validateFile(file);
      checked += 1;
      for (const result of report.results) {
        for (const m of result.messages) {
          problems += 1;
          console.error(`${relative(process.cwd(), file)}:${m.line}:${m.column} ${m.ruleId} ${m.message}${m.selector ? ` (${m.selector})` : ''}`);
        }
      }
    }
  }
  if (problems) {
    console.error(`\n${problems} HTML problem${problems === 1 ? '' : 's'} in ${dirs.join(', ')}.`);
    process.exit(1);
  }
  console.log(`check:html: ${checked} HTML files in ${dirs.join(', ')} are valid.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
