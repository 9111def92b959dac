/**
 * One reading and one check of the content folder per build, shared by the
 * build's content check (integrations/content-check.ts), which reports the
 * problems, and the content loaders, which store what it accepted.
 *
 * Node only.
 */
import type { CollectionName } from '../isomorphic/collections';
import { checkContent, type CheckResult } from './check';
import type { ParseBodyOptions } from './body-syntax';
import { forgetContentDirRead, readContentDir, readContentDirOnce, readEntryFile } from './files';
import { checkRemovals, readRemovals } from './removals';
import { contentDir } from '../settings';

const checks = new Map<string, CheckResult>();

/**
 * The check of this build's reading: run now when nothing has checked yet, or
 * when `fresh` (the build's first reader, so `astro dev` restarts see edits).
 * Bodies Sätteri reads without a problem are not parsed again by micromark
 * (see parseBody's crossCheck; `npm run validate` cross-checks every body).
 */
export function checkedContentOnce(root: string, { fresh = false } = {}): CheckResult {
  let result = fresh ? undefined : checks.get(root);
  if (!result) {
    result = checkReading(root, readContentDirOnce(root, { fresh }));
    checks.set(root, result);
  }
  return result;
}

/** Drop the reading and the check once Astro has loaded the content. */
export function forgetCheckedContent(root: string): void {
  checks.delete(root);
  forgetContentDirRead(root);
}

/**
 * `astro dev`: the check again after one file was saved (read anew) or
 * deleted (`name` gone from the folder), with every other file as last read,
 * so its references are checked against the whole wiki.
 */
export function recheckFile(root: string, contentDir: string, collection: CollectionName, name: string, { deleted = false } = {}): CheckResult {
  const reading = readContentDirOnce(root);
  const file = `content/${collection}/${name}`;
  const at = reading.files.findIndex((f) => f.file === file);
  const replacement = deleted ? [] : [readEntryFile(contentDir, collection, name)];
  if (at === -1) reading.files.push(...replacement);
  else reading.files.splice(at, 1, ...replacement);
  const result = checkReading(root, reading);
  checks.set(root, result);
  return result;
}

/**
 * The check of one reading of the content folder: the entries (against the
 * addresses the wiki has published) and the removals. The build skips the
 * second parse of sound bodies (crossCheck: false); `npm run validate` does it.
 */
export function checkReading(root: string, { files, stray, published }: ReturnType<typeof readContentDirOnce>, options: ParseBodyOptions = { crossCheck: false }): CheckResult {
  const result = checkContent(files, stray, { ...options, published });
  const removals = readRemovals(contentDir(root));
  result.problems.push(...removals.problems, ...checkRemovals(removals, result.entries));
  return result;
}

/** `npm run validate`'s check of a project's content folder: a fresh reading, every body parsed twice. */
export function validateContent(root: string): CheckResult {
  return checkReading(root, readContentDir(root), {});
}
