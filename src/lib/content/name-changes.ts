/**
 * The names and aliases a branch changes, against the branch it will be
 * merged into: a translation renamed to something else (Clearview AI's Arabic
 * name set to another company's) passes every rule that compares entries, so
 * each change is listed for a reviewer to check against the sources. CI's
 * pull-request run prints the list in its summary (scripts/checks/name-changes.ts).
 *
 * Node only: reads git.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isCollection, TRANSLATION_LOCALES, type TranslationLocale } from '../isomorphic/collections';
import { showInvisible } from '../isomorphic/text';
import { parseEntryText, type RawFile } from './files';
import { fieldName } from './front-matter-rules';
import { namesOf } from './identity-rules';

export interface NameChange {
  /** The file's path in the repository. */
  file: string;
  translation: boolean;
  /** "name", "title" or "aliases". */
  field: string;
  before: string[];
  after: string[];
}

const git = (cwd: string, args: string[]) => execFileSync('git', ['-c', 'core.quotePath=false', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** The names of one version of an entry file, by field ("aliases" collects every alias). */
function namesByField(text: string | undefined, path: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (text === undefined) return out;
  const [, collection, name] = /([^/]+)\/([^/]+)$/.exec(path) ?? [];
  if (!collection || !name || !isCollection(collection)) return out;
  const parts = name.split('.');
  const locale = parts.length === 3 && (TRANSLATION_LOCALES as readonly string[]).includes(parts[1]!) ? (parts[1] as TranslationLocale) : undefined;
  const file: RawFile = { ...parseEntryText(text, path), collection, id: parts[0]!, locale, extension: parts.slice(1).join('.') };
  for (const claim of namesOf(file)) {
    const field = fieldName(claim.path.slice(0, 1));
    out.set(field, [...(out.get(field) ?? []), claim.text]);
  }
  return out;
}

/**
 * Every change to a name, title or alias of an entry file under `contentDir`
 * (repository-relative, "content" by default) between the merge base of
 * `base` and the working tree of the repository at `cwd`.
 */
export function nameChanges(cwd: string, base: string, contentDir = 'content'): NameChange[] {
  const mergeBase = git(cwd, ['merge-base', base, 'HEAD']).trim();
  const paths = git(cwd, ['diff', '--name-only', '--no-renames', '-z', mergeBase, '--', contentDir]).split('\0').filter((p) => p.endsWith('.mdx'));
  const changes: NameChange[] = [];
  for (const path of paths.sort()) {
    let before: string | undefined;
    try {
      before = git(cwd, ['show', `${mergeBase}:${path}`]);
    } catch {
      before = undefined; // added by the branch
    }
    const after = existsSync(join(cwd, path)) ? readFileSync(join(cwd, path), 'utf8') : undefined;
    const old = namesByField(before, path);
    const now = namesByField(after, path);
    for (const field of new Set([...old.keys(), ...now.keys()])) {
      const a = old.get(field) ?? [];
      const b = now.get(field) ?? [];
      if (a.join('\n') !== b.join('\n')) changes.push({ file: path, translation: /\.[a-z]{2}\.mdx$/.test(path), field, before: a, after: b });
    }
  }
  return changes;
}

/** A value for a Markdown table cell: hidden characters shown, pipes and backticks escaped. */
const cell = (values: readonly string[]) => (values.length ? values.map((v) => `\`${showInvisible(v).replace(/`/g, "'").replace(/\|/g, '\\|')}\``).join(', ') : '(none)');

/** The changes as the Markdown a pull request's check summary shows. */
export function nameChangesSummary(changes: readonly NameChange[]): string {
  const title = '## Names changed by this pull request';
  if (!changes.length) return `${title}\n\nNo entry's name, title or aliases changed.\n`;
  const rows = changes.map((c) => `| ${c.file}${c.translation ? ' (translation)' : ''} | ${c.field} | ${cell(c.before)} | ${cell(c.after)} |`);
  return [
    title,
    '',
    "Reviewers: check each change against the entry's sources. A translation's name must stay a name of the same entity, never another one's.",
    '',
    '| File | Field | Before | After |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
