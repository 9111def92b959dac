/**
 * Runs the same content check as `npm run validate` before Astro loads any
 * content, so a build with a bad reference, date, currency, URL or unsafe MDX
 * fails with `file:line field message` lines instead of a stack trace.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkContent, formatProblem } from '../lib/content-check';
import { readContentDir, type RawFile } from '../lib/content-files';

/** The files of the last check, by project root: other integrations reuse them instead of reading everything again. */
const checked = new Map<string, RawFile[]>();

/** The content files as the content check read them (read now if it has not run); handed over once, then forgotten. */
export function checkedContentFiles(root: string): RawFile[] {
  const files = checked.get(root) ?? readContentDir(root).files;
  checked.delete(root);
  return files;
}

export function contentCheck(): AstroIntegration {
  return {
    name: 'wiki:content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        if (command === 'preview') return; // serving an existing build reads no content
        const root = fileURLToPath(config.root);
        const { files, stray } = readContentDir(root);
        const { problems } = checkContent(files, stray);
        checked.set(root, files);
        if (!problems.length) return;
        const report = problems.map(formatProblem).join('\n');
        // In dev, ordinary mistakes only warn so an editor can keep previewing; but
        // a file whose compilation could run code (an import, an {expression}) is
        // refused everywhere, so reviewing a stranger's branch is safe.
        if (command === 'dev' && !problems.some((p) => p.unsafe)) {
          logger.warn(`Content problems (fix before building):\n${report}`);
          return;
        }
        throw new Error(`Content check failed with ${problems.length} problem(s):\n${report}\n\nRun \`npm run validate\` to see them again.`);
      },
    },
  };
}
