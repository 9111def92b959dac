/**
 * One reading and one check of the content folder per build, shared by the
 * build's content check (integrations/content-check.ts), which reports the
 * problems, and the content loaders, which store what it accepted.
 *
 * Node only.
 */
import { checkContent, type CheckResult } from './check';
import { forgetContentDirRead, readContentDirOnce } from './files';
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
    const { files, stray, published } = readContentDirOnce(root, { fresh });
    result = checkContent(files, stray, { crossCheck: false, published });
    const removals = readRemovals(contentDir(root));
    result.problems.push(...removals.problems, ...checkRemovals(removals, result.entries));
    checks.set(root, result);
  }
  return result;
}

/** Drop the reading and the check once Astro has loaded the content. */
export function forgetCheckedContent(root: string): void {
  checks.delete(root);
  forgetContentDirRead(root);
}
