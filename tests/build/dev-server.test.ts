/**
 * The contributor's live preview, a real `astro dev` on a copy of the fixture
 * wiki: a saved mistake (a mistyped reference, broken YAML, an expression in
 * the body) is printed in the terminal as `npm run validate` prints it and
 * listed on the page, while the page keeps showing the entry's last good
 * version; fixing the file clears the list and shows the new version. A wiki
 * that starts with a problem shows the list instead of a stack trace.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/content/check';
import { validateContent } from '../../src/lib/content/checked';

const FIXTURE = 'tests/fixtures/wiki/content';
const PAGE = '/contracts/immigrationos/';
const FILE = 'contracts/immigrationos.mdx';

interface Dev {
  dir: string;
  content: string;
  child: ChildProcess;
  output: () => string;
  origin: string;
}

const servers: Dev[] = [];

/** A copy of the fixture, edited by `edit`, served by `astro dev` on a free port. */
async function startDev(edit: (content: string) => void = () => {}): Promise<Dev> {
  mkdirSync('.cache', { recursive: true });
  const dir = mkdtempSync(join(process.cwd(), '.cache', 'wiki-dev-'));
  const content = join(dir, 'content');
  cpSync(FIXTURE, content, { recursive: true });
  // The addresses the fixture has published, which its redirect keeps alive.
  cpSync(join(FIXTURE, '..', 'published-urls.txt'), join(dir, 'published-urls.txt'));
  edit(content);
  const port = 4400 + Math.floor(Math.random() * 500);
  // As a contributor runs it: not in vitest's test mode.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')));
  // Its own process group, so the test stops npx, Astro and Vite together.
  const child = spawn('npx', ['astro', 'dev', '--port', String(port)], {
    detached: true,
    env: { ...env, WIKI_CONTENT_DIR: content, WIKI_OG_IMAGES: '0', WIKI_CACHE_DIR: join(dir, 'astro-cache'), FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += String(d)));
  child.stderr!.on('data', (d) => (log += String(d)));
  const dev = { dir, content, child, output: () => log, origin: '' };
  servers.push(dev);
  try {
    const port = await until(() => /Local\s+http:\/\/localhost:(\d+)\//.exec(log)?.[1], 90_000, () => `astro dev did not start:\n${log}`);
    dev.origin = `http://127.0.0.1:${port}`;
    // The first requests wait for Vite to bundle its dependencies (a fresh cache): warm up on the home page.
    await until(async () => (await fetch(`${dev.origin}/`).catch(() => undefined))?.status === 200 || undefined, 90_000, () => `astro dev never served the home page:\n${log}`);
  } catch (error) {
    await stopDev(dev);
    throw error;
  }
  return dev;
}

/** Poll `probe` until it returns something, or fail with `why()`. */
async function until<T>(probe: () => T | undefined | Promise<T | undefined>, ms: number, why: () => string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(why());
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function get(dev: Dev, path = PAGE): Promise<{ status: number; html: string }> {
  const res = await fetch(`${dev.origin}${path}`);
  return { status: res.status, html: await res.text() };
}

/** The problem list a page shows, as text lines. */
function listed(html: string): string[] {
  const aside = /<aside id="content-problems"[\s\S]*?<\/aside>/.exec(html)?.[0] ?? '';
  return [...aside.matchAll(/<li><code>([\s\S]*?)<\/code><\/li>/g)].map((m) => m[1]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
}

/** What `npm run validate` reports for a content folder. */
function validate(content: string): string[] {
  const previous = process.env.WIKI_CONTENT_DIR;
  process.env.WIKI_CONTENT_DIR = content;
  try {
    return validateContent(process.cwd()).problems.map(formatProblem);
  } finally {
    if (previous === undefined) delete process.env.WIKI_CONTENT_DIR;
    else process.env.WIKI_CONTENT_DIR = previous;
  }
}

/** Stop a dev server (its whole process group) and wait until it has exited. */
async function stopDev(dev: Dev | undefined): Promise<void> {
  if (!dev || dev.child.exitCode !== null || dev.child.signalCode !== null) return;
  const exited = new Promise((r) => dev.child.once('exit', r));
  try {
    process.kill(-dev.child.pid!, 'SIGTERM');
  } catch {
    return; // already gone
  }
  await exited;
}

afterAll(async () => {
  for (const dev of servers) {
    await stopDev(dev);
    rmSync(dev.dir, { recursive: true, force: true });
  }
});

describe('astro dev while a contributor edits an entry', () => {
  let dev: Dev;
  let original: string;
  const path = () => join(dev.content, FILE);
  /** Save the file as `text`, then wait until the page shows `ready`. */
  const save = async (text: string, ready: (page: { status: number; html: string }) => boolean) => {
    writeFileSync(path(), text);
    return until(async () => {
      const page = await get(dev);
      return ready(page) ? page : undefined;
    }, 30_000, () => `the page never changed after saving:\n${dev.output()}`);
  };

  beforeAll(async () => {
    dev = await startDev();
    original = readFileSync(path(), 'utf8');
  }, 150_000);
  // Astro runs one dev server per project at a time.
  afterAll(() => stopDev(dev));

  it('serves the entry with no problem list', async () => {
    const page = await get(dev);
    expect(page.status).toBe(200);
    expect(page.html).toContain('ImmigrationOS');
    expect(listed(page.html)).toEqual([]);
  });

  it.each([
    ['a mistyped reference', (s: string) => s.replace(/^buyer: ice$/m, 'buyer: icee'), /^:4 buyer refers to an unknown agencies id "icee"; did you mean "ice"\?$/],
    ['broken YAML', (s: string) => s.replace(/^kind: contract$/m, 'kind: [contract'), /^:\d+ front matter is not valid YAML: /],
    ['an expression in the body', (s: string) => `${s}\n{process.exit(1)}\n`, /^:\d+ body JavaScript expressions like "\{process\.exit\(1\)\}" are not allowed/],
  ])('%s: the terminal and the page give validation’s message, and the page keeps the last good version', async (_name, edit, expected) => {
    const broken = edit(original);
    expect(broken).not.toBe(original);
    const page = await save(broken, (p) => listed(p.html).length > 0);
    const reported = validate(dev.content);
    const prefix = `content/${FILE}`;
    expect(reported.some((p) => p.startsWith(prefix) && expected.test(p.slice(prefix.length))), reported.join('\n')).toBe(true);
    // The same lines as `npm run validate`, on the page and in the terminal.
    expect(listed(page.html)).toEqual(reported);
    await until(() => reported.every((line) => dev.output().includes(line)), 10_000, () => `the terminal does not show:\n${reported.join('\n')}\n---\n${dev.output()}`);
    // The last good version: still the whole entry page, with its buyer.
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<a [^>]*href="\/agencies\/ice\/"/);
    expect(page.html).not.toMatch(/Unknown entry|at [\w.]+ \(/);
    // Fixed: the list is gone.
    const fixed = await save(original, (p) => listed(p.html).length === 0);
    expect(fixed.status).toBe(200);
  }, 90_000);

  it('shows the new version once a saved change has no problem', async () => {
    const page = await save(original.replace(/^title: ImmigrationOS$/m, 'title: ImmigrationOS renamed'), (p) => p.html.includes('ImmigrationOS renamed'));
    expect(listed(page.html)).toEqual([]);
    expect(dev.output()).toContain(`content/${FILE}: no problems`);
  }, 60_000);
});

describe('astro dev started with a problem already in the content', () => {
  it('shows the problem list, not a stack trace, where the page cannot be made', async () => {
    const dev = await startDev((content) => {
      const file = join(content, FILE);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^buyer: ice$/m, 'buyer: icee'));
    });
    const page = await get(dev);
    const line = `content/${FILE}:4 buyer refers to an unknown agencies id "icee"; did you mean "ice"?`;
    expect(listed(page.html)).toEqual([line]);
    expect(page.html).not.toMatch(/at [\w.]+ \(|view-models|\.ts:\d+/);
    expect(dev.output()).toContain(line);
    // Other pages show the list as well.
    expect(listed((await get(dev, '/')).html)).toEqual([line]);
  }, 120_000);
});
