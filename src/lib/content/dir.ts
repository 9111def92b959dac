/**
 * Where entries are read from: content/ by default, or $WIKI_CONTENT_DIR (used
 * by the benchmark's synthetic corpus and by the test fixtures, so neither ever
 * writes into content/).
 */
import { isAbsolute, join, resolve } from 'node:path';

export function contentDir(root: string): string {
  const override = process.env.WIKI_CONTENT_DIR;
  if (!override) return join(root, 'content');
  return isAbsolute(override) ? override : resolve(root, override);
}
