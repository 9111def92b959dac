/** The type check of .astro files (scripts/checks/astro-types.ts): what it extracts, and that a type error fails it. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroTypeScript, checkAstroTypes } from '../../scripts/checks/astro-types';

const dir = join('.cache', 'astro-types-test');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = (frontmatter: string, script = 'const x: number = 1;') =>
  `---\n${frontmatter}\n---\n<p>{Astro.props.name}</p>\n<script>${script}</script>\n<script is:inline>not typescript at all</script>\n`;

describe('astroTypeScript', () => {
  it('takes the front matter and module scripts, not inline ones', () => {
    expect(astroTypeScript(page('const a = 1;'))).toEqual({ frontmatter: 'const a = 1;', scripts: ['const x: number = 1;'] });
  });
});

describe('checkAstroTypes', () => {
  const check = (name: string, source: string) => {
    const file = join(dir, 'src', `${name}.astro`);
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(file, source);
    return checkAstroTypes([file], join(dir, `mirror-${name}`));
  };
  it('passes a component whose front matter and script type-check, with Astro typed by its Props', () => {
    const result = check('good', page("import { entryKey } from '../../../src/lib/isomorphic/entry-keys';\ninterface Props { name: string }\nconst key = entryKey('companies', Astro.props.name);\nkey.toUpperCase();"));
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });
  it('fails on a wrong prop, a wrong import and a type error in a script', () => {
    const result = check('bad', page("import { entryKey } from '../../../src/lib/isomorphic/entry-keys';\ninterface Props { name: string }\nentryKey('nope', Astro.props.missing);", "const n: number = 'text';"));
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/bad\.astro\.frontmatter\.ts.*'"nope"' is not assignable/);
    expect(result.output).toMatch(/Property 'missing' does not exist/);
    expect(result.output).toMatch(/bad\.astro\.script-1\.ts.*Type 'string' is not assignable to type 'number'/);
  });
});
