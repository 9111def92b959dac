/**
 * The benchmark's synthetic corpus (scripts/bench/corpus.ts) must pass the
 * project's own content check, and be the same for the same seed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus } from '../../scripts/bench/corpus';
import { BENCH_ORIGIN, commitHistory, olderVersion, planHistory, versionCount } from '../../scripts/bench/history';
import { forgeWebUrl, originRemote } from '../../src/lib/content/repo-url';
import { historyOf, loadHistory } from '../../src/lib/content/git-history';
import { Rng } from '../../scripts/bench/prng';
import { checkContent, formatProblem } from '../../src/lib/content/check';
import { readContentDir } from '../../src/lib/content/files';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('benchmark corpus', () => {
  const corpus = generateCorpus({ entries: 200 });

  it('validates with zero problems', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
    temps.push(dir);
    const content = join(dir, 'content');
    writeCorpus(content, corpus);
    const previous = process.env.WIKI_CONTENT_DIR;
    process.env.WIKI_CONTENT_DIR = content;
    try {
      const { files, stray, published } = readContentDir(dir);
      const { problems, entries } = checkContent(files, stray, { published });
      expect(problems.map(formatProblem)).toEqual([]);
      expect(entries).toHaveLength(200);
      expect(files).toHaveLength(corpus.files.size);
    } finally {
      if (previous === undefined) delete process.env.WIKI_CONTENT_DIR;
      else process.env.WIKI_CONTENT_DIR = previous;
    }
  });

  it('has the intended mix, translations, cross-references and citations', () => {
    expect(corpus.counts).toEqual({ companies: 26, agencies: 18, contracts: 44, events: 60, people: 16, organizations: 10, sources: 26 });
    expect(corpus.translations / 200).toBeGreaterThan(0.2);
    expect(corpus.translations / 200).toBeLessThan(0.4);
    const texts = [...corpus.files.values()].join('\n');
    for (const needle of ['<Cite source="', '](/companies/', '](/agencies/', 'buyer: ', '  - company: ', 'involved: ', 'parent: ', 'amount: ', '\n## ', 'roles:\n  - at: ', 'participants:', 'publishedBy: "organizations/', 'speaker: "people/', 'members:']) {
      expect(texts).toContain(needle);
    }
    // Partial dates at all three precisions.
    expect(texts).toMatch(/^date: \d{4}$/m);
    expect(texts).toMatch(/^date: \d{4}-\d{2}$/m);
    expect(texts).toMatch(/^date: \d{4}-\d{2}-\d{2}$/m);
    expect(corpus.queries).toHaveLength(20);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateCorpus({ entries: 200 });
    expect([...again.files]).toEqual([...corpus.files]);
    expect(again.queries).toEqual(corpus.queries);
    const other = generateCorpus({ entries: 200, seed: 7 });
    expect([...other.files.values()]).not.toEqual([...corpus.files.values()]);
  });

  it('uses a seeded generator that repeats', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('the corpus history', () => {
  const corpus = generateCorpus({ entries: 60, seed: 7 });
  const plan = planHistory(corpus.files, { seed: 7 });

  it('ends at the corpus: the last version of every file is its text', () => {
    const last = new Map<string, string>();
    for (const commit of plan) for (const [path, text] of commit.files) last.set(path, text);
    expect(last).toEqual(corpus.files);
    expect(plan[0]!.files.size).toBe(corpus.files.size);
  });

  it('has several versions per entry on average, on increasing dates, each differing from the one before', () => {
    expect(versionCount(plan) / corpus.files.size).toBeGreaterThan(2.5);
    expect(plan.map((c) => c.date)).toEqual([...plan.map((c) => c.date)].sort());
    const seen = new Map<string, string>();
    let edits = 0;
    for (const commit of plan.slice(1)) {
      for (const [path, text] of commit.files) {
        const before = seen.get(path) ?? plan[0]!.files.get(path)!;
        if (before !== text) edits++;
        seen.set(path, text);
      }
    }
    expect(edits).toBeGreaterThan(corpus.files.size);
  });

  it('older versions have a shorter summary and fewer paragraphs', () => {
    const text = '---\nname: X\nsummary: one two three four five six seven eight\n---\n\nFirst.\n\nSecond.\n\nThird.\n';
    expect(olderVersion(text, 0)).toBe(text);
    expect(olderVersion(text, 1)).toBe('---\nname: X\nsummary: one two three four five six\n---\n\nFirst.\n\nSecond.\n');
  });

  it('committed around the content folder, it is a history the build reads, and content/ holds no hidden file', async () => {
    const small = generateCorpus({ entries: 20, seed: 3 });
    const smallPlan = planHistory(small.files, { seed: 3 });
    const root = mkdtempSync(join(tmpdir(), 'wiki-bench-history-'));
    temps.push(root);
    commitHistory(root, smallPlan, 'content', BENCH_ORIGIN);
    // The build finds the repository as a deployed clone's would: version links go to the forge.
    expect(forgeWebUrl(originRemote(join(root, 'content'))!)).toBe('https://github.com/example/bench-corpus');
    const previous = process.env.WIKI_CONTENT_DIR;
    process.env.WIKI_CONTENT_DIR = join(root, 'content');
    try {
      expect(readContentDir(root).stray).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env.WIKI_CONTENT_DIR;
      else process.env.WIKI_CONTENT_DIR = previous;
    }
    const history = await loadHistory({ contentDir: join(root, 'content') });
    expect(history.status).toBe('full');
    expect(history.commits).toHaveLength(smallPlan.length);
    const versions = [...history.files.values()].reduce((n, v) => n + v.length, 0);
    // Every file has its first version; a planned write that changes nothing is no commit of that file.
    expect(versions).toBeGreaterThan(small.files.size);
    expect(versions).toBeLessThanOrEqual(versionCount(smallPlan));
    const [first] = small.files.keys();
    expect(historyOf(history, first!.replace(/(\.ar)?\.mdx$/, '')).versions.length).toBeGreaterThan(0);
  });
});
