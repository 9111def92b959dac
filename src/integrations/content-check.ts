/**
 * Runs the content check of `npm run validate` before Astro loads any content,
 * so a build with a bad reference, date, currency, URL or unsafe MDX fails with
 * `file:line field message` lines instead of a stack trace. (Only the second,
 * reference parse of bodies that have no problem is left to `npm run
 * validate`: see parseBody's crossCheck.)
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { formatProblem } from '../lib/content/check';
import { checkedContentOnce, forgetCheckedContent } from '../lib/content/checked';
import { setDevProblems } from '../lib/content/dev-problems';

export function contentCheck(): AstroIntegration {
  let checkedRoot: string | undefined;
  return {
    name: 'wiki:content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        if (command === 'preview') return; // serving an existing build reads no content
        const root = fileURLToPath(config.root);
        // A build reads the files once, first for the Open Graph cards (integrations/og-images.ts, set up before this);
        // the content loaders store what this check accepted (lib/content/loader.ts).
        const { problems } = checkedContentOnce(root, { fresh: command !== 'build' });
        checkedRoot = root;
        // Every page of `astro dev` lists them (src/middleware.ts); the loaders update the list as files are saved.
        if (command === 'dev') setDevProblems(problems.map(formatProblem));
        if (!problems.length) return;
        const report = problems.map(formatProblem).join('\n');
        // In dev, ordinary mistakes only warn so an editor can keep previewing; but
        // a file MDX tooling would run as code (an import, an {expression}) is
        // refused everywhere, so reviewing a stranger's branch is safe.
        if (command === 'dev' && !problems.some((p) => p.unsafe)) {
          logger.warn(`Content problems (fix before building):\n${report}`);
          return;
        }
        throw new Error(`Content check failed with ${problems.length} problem(s):\n${report}\n\nRun \`npm run validate\` to see them again.`);
      },
      // Astro has loaded the content by now (lib/content-loader.ts reads the same reading).
      'astro:build:start': () => {
        if (checkedRoot) forgetCheckedContent(checkedRoot);
      },
    },
  };
}
