/**
 * A synthetic git history for the benchmark corpus, so the build's history
 * (one git log, one cat-file, a diff per version) is measured at scale: a
 * first commit with an older version of every file, then commits that each
 * bring about half the entries one step closer to the corpus, which the last
 * step reaches. Older versions differ as edits do: a shorter summary, fewer
 * body paragraphs. A pure function of (corpus, seed); run.ts commits it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Rng } from './prng';

export interface HistoryCommitPlan {
  message: string;
  /** ISO 8601 committer date. */
  date: string;
  /** The files this commit writes (path -> text). */
  files: Map<string, string>;
}

/** An older version of an entry file, `steps` edits back: summary words and body paragraphs removed. */
export function olderVersion(text: string, steps: number): string {
  if (steps === 0) return text;
  const end = text.indexOf('\n---', 4);
  if (end < 0) return text;
  let head = text.slice(0, end);
  let body = text.slice(end);
  head = head.replace(/^summary: (.*)$/m, (_, s: string) => `summary: ${s.split(' ').slice(0, Math.max(4, s.split(' ').length - 2 * steps)).join(' ')}`);
  const paragraphs = body.split('\n\n');
  body = paragraphs.slice(0, Math.max(2, paragraphs.length - steps)).join('\n\n');
  return `${head}${body.endsWith('\n') ? body : `${body}\n`}`;
}

/** `commits` commits after the first; each file gets 0..commits later versions. */
export function planHistory(files: ReadonlyMap<string, string>, options: { seed: number; commits?: number; start?: string }): HistoryCommitPlan[] {
  const rng = new Rng(options.seed ^ 0x5eed);
  const later = options.commits ?? 4;
  const start = Date.parse(options.start ?? '2026-01-05T10:00:00Z');
  const plan: HistoryCommitPlan[] = Array.from({ length: later + 1 }, (_, j) => ({
    message: j === 0 ? 'Add the entries' : `Edit entries (round ${j})`,
    date: new Date(start + j * 7 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    files: new Map(),
  }));
  for (const [path, text] of files) {
    // Which of the later commits change this file: each with probability 1/2.
    const edits = Array.from({ length: later }, (_, j) => j + 1).filter(() => rng.chance(0.5));
    plan[0]!.files.set(path, olderVersion(text, edits.length));
    edits.forEach((j, i) => plan[j]!.files.set(path, olderVersion(text, edits.length - 1 - i)));
  }
  return plan;
}

/**
 * The forge address the corpus repository names as its `origin`. A deployed
 * wiki is a clone of its public repository, so its build knows where each
 * version's file lives and links there rather than publishing copies of old
 * versions; the benchmark measures that site. Nothing is fetched from it.
 */
export const BENCH_ORIGIN = 'https://github.com/example/bench-corpus.git';

/**
 * Make `repo` a git repository whose `content/` folder holds the planned
 * commits (the repository sits around the content folder, as a wiki's does:
 * content/ itself holds no hidden files); its working tree ends as the corpus.
 * `origin` (when given) is recorded as the repository's remote.
 */
export function commitHistory(repo: string, plan: readonly HistoryCommitPlan[], folder = 'content', origin?: string): void {
  const dir = join(repo, folder);
  const git = (args: string[], date?: string) =>
    execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
      cwd: repo,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, GIT_DIR: undefined, GIT_WORK_TREE: undefined, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
    });
  mkdirSync(dir, { recursive: true });
  git(['init', '-q']);
  if (origin) git(['remote', 'add', 'origin', origin]);
  for (const commit of plan) {
    for (const [path, text] of commit.files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    git(['add', '-A', '--', folder]);
    git(['commit', '-q', '--allow-empty', '-m', commit.message], commit.date);
  }
}

/** Versions a plan makes, in all. */
export const versionCount = (plan: readonly HistoryCommitPlan[]) => plan.reduce((n, c) => n + c.files.size, 0);
