/**
 * Type-checks the TypeScript inside .astro files, which `tsc` never reads:
 * each component's front matter and its <script> blocks are written as .ts
 * files to a mirror of src/ under .cache/astro-check/ (TypeScript's rootDirs
 * makes their relative imports resolve as from the original), with `Astro`
 * typed by the component's own Props, and checked with the project's
 * settings. The templates' {expressions} are not checked here; they only
 * read values the view modules (src/lib/views/, unit-tested) prepared.
 *
 * (@astrojs/check needs TypeScript's JavaScript API, which TypeScript 7 no
 * longer has.) Run by `npm run typecheck`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The TypeScript parts of an .astro file: front matter and module <script>s (not is:inline ones, which are not bundled). */
export function astroTypeScript(source: string): { frontmatter: string; scripts: string[] } {
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  const template = fm ? source.slice(fm[0].length) : source;
  const scripts = [...template.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/\bis:inline\b|\btype="application\/ld\+json"|\bset:html\b/.test(m[1] ?? ''))
    .map((m) => m[2]!);
  return { frontmatter: fm?.[1] ?? '', scripts };
}

function astroFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return astroFiles(path);
    return name.endsWith('.astro') ? [path] : [];
  });
}

/** Write the mirror of `files` (paths under the project root) to `out` and type-check it; the output is tsc's. */
export function checkAstroTypes(files: readonly string[], out: string): { ok: boolean; output: string } {
  rmSync(out, { recursive: true, force: true });
  const written: string[] = [];
  const write = (path: string, text: string) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    written.push(relative(out, path));
  };
  for (const file of files) {
    const rel = relative(root, file);
    const { frontmatter, scripts } = astroTypeScript(readFileSync(file, 'utf8'));
    const props = /\b(interface|type)\s+Props\b/.test(frontmatter) ? 'Props' : 'Record<string, unknown>';
    write(join(out, `${rel}.frontmatter.ts`), `// From ${rel} (scripts/checks/astro-types.ts)\ndeclare const Astro: import('astro').AstroGlobal<${props}>;\n${frontmatter}\nexport {};\n`);
    scripts.forEach((script, i) => write(join(out, `${rel}.script-${i + 1}.ts`), `// From a <script> in ${rel}\n${script}\nexport {};\n`));
  }
  // What a component import is, seen from the front matter (its props are used only in templates).
  write(join(out, 'astro-components.d.ts'), "declare module '*.astro' {\n  const Component: (props: Record<string, unknown>) => unknown;\n  export default Component;\n}\n");
  const up = relative(out, root);
  writeFileSync(
    join(out, 'tsconfig.json'),
    JSON.stringify(
      {
        extends: join(up, 'tsconfig.json'),
        // Imports used only by a template look unused from the front matter alone.
        compilerOptions: { noUnusedLocals: false, rootDirs: [up, '.'], noEmit: true },
        files: written,
        include: [join(up, 'src/*.d.ts'), join(up, '.astro/types.d.ts')],
      },
      null,
      2,
    ),
  );
  try {
    const output = execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', join(out, 'tsconfig.json')], { encoding: 'utf8' });
    return { ok: true, output };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

function main() {
  const files = astroFiles(join(root, 'src'));
  const { ok, output } = checkAstroTypes(files, join(root, '.cache', 'astro-check'));
  if (!ok) {
    console.error(output);
    console.error('Type errors in .astro files (paths under .cache/astro-check/ mirror the project: the file is the part before ".frontmatter.ts" or ".script-N.ts").');
    process.exit(1);
  }
  console.log(`Type-checked the front matter and scripts of ${files.length} .astro files.`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
