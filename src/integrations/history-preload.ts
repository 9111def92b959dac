/**
 * Starts reading the git history as a build starts, so that git and the
 * version diffs run while Astro checks, syncs and bundles the content instead
 * of holding up the first page that shows a version (at 10,000 entries the
 * loading takes several seconds). The pages pick the same loading up: see
 * BUILD_HISTORY in lib/content/git-history.ts.
 *
 * Node only.
 */
import type { AstroIntegration } from 'astro';
import { preloadHistory } from '../lib/content/git-history';

export function historyPreload(): AstroIntegration {
  return {
    name: 'wiki:history-preload',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build') void preloadHistory();
      },
    },
  };
}
