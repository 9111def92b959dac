/**
 * The layout's separations, enforced on the sources' imports (type-only
 * imports are erased and do not count):
 * - browser-safe code (src/lib/isomorphic, src/i18n) and browser scripts
 *   (src/client) import nothing of Node, Astro or any package, only each other;
 * - only src/lib/model/wiki.ts imports astro:content;
 * - the model and the page views never import content reading or checking
 *   (src/lib/content) at run time, and the model imports no view or output;
 * - only src/lib/settings.ts reads the environment;
 * - every package the site's code imports is a dependency, not a
 *   devDependency, so `npm ci --omit=dev && npm run build` works.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve('.');
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : /\.(ts|astro)$/.test(name) ? [path] : [];
  });
const files = walk(join(root, 'src'));
const rel = (path: string) => relative(root, path).split('\\').join('/');

interface Import {
  specifier: string;
  /** The file it resolves to (project-relative), for relative specifiers. */
  target?: string;
  typeOnly: boolean;
}

/** Runtime and type-only imports (static, re-exports and dynamic) of a source file. */
export function importsOf(file: string, source: string): Import[] {
  const out: Import[] = [];
  const add = (specifier: string, typeOnly: boolean) =>
    out.push({ specifier, typeOnly, target: specifier.startsWith('.') ? rel(resolve(dirname(file), specifier)) : undefined });
  for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm)) add(m[4]!, !!m[2]);
  for (const m of source.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) add(m[1]!, false);
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) add(m[1]!, false);
  return out;
}

const all = files.map((file) => ({ file: rel(file), source: readFileSync(file, 'utf8'), imports: importsOf(file, readFileSync(file, 'utf8')) }));
const runtime = (f: (typeof all)[number]) => f.imports.filter((i) => !i.typeOnly);
const inside = (target: string | undefined, ...dirs: string[]) => !!target && dirs.some((d) => target.startsWith(d));

describe('import boundaries', () => {
  it('finds the imports it checks', () => {
    const wiki = all.find((f) => f.file === 'src/lib/model/wiki.ts')!;
    expect(runtime(wiki).map((i) => i.specifier)).toContain('astro:content');
    expect(all.find((f) => f.file === 'src/lib/isomorphic/paths.ts')!.imports.find((i) => i.specifier === '../../i18n')?.typeOnly).toBe(true);
    expect(all.length).toBeGreaterThan(80);
  });

  it('browser-safe modules and browser scripts import only each other', () => {
    const bad = all
      .filter((f) => inside(f.file, 'src/lib/isomorphic/', 'src/i18n/', 'src/client/'))
      .flatMap((f) => runtime(f).filter((i) => !inside(i.target, 'src/lib/isomorphic/', 'src/i18n/', 'src/client/')).map((i) => `${f.file} imports ${i.specifier}`));
    expect(bad).toEqual([]);
  });

  it('only the model module imports astro:content', () => {
    expect(all.filter((f) => f.imports.some((i) => i.specifier === 'astro:content')).map((f) => f.file)).toEqual(['src/lib/model/wiki.ts']);
  });

  it('the model and the views never run content reading or checking', () => {
    const bad = all
      .filter((f) => inside(f.file, 'src/lib/model/', 'src/lib/views/'))
      .flatMap((f) => runtime(f).filter((i) => inside(i.target, 'src/lib/content/')).map((i) => `${f.file} imports ${i.specifier}`));
    expect(bad).toEqual([]);
  });

  it('the model imports no view or output module', () => {
    const bad = all
      .filter((f) => inside(f.file, 'src/lib/model/'))
      .flatMap((f) => f.imports.filter((i) => inside(i.target, 'src/lib/views/', 'src/lib/output/')).map((i) => `${f.file} imports ${i.specifier}`));
    expect(bad).toEqual([]);
  });

  it('only the settings module reads the environment', () => {
    expect(all.filter((f) => /process\.env\b/.test(f.source)).map((f) => f.file)).toEqual(['src/lib/settings.ts']);
  });

  it('every package src/ imports at run time is a dependency', () => {
    const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
    const bad = all.flatMap((f) =>
      runtime(f)
        .filter((i) => !i.target && !i.specifier.startsWith('node:') && !i.specifier.startsWith('astro:') && !(packageOf(i.specifier) in dependencies))
        .map((i) => `${f.file} imports ${i.specifier}`),
    );
    expect(bad).toEqual([]);
  });
});
