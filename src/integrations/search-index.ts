/**
 * Builds the Pagefind search index as the last step of `astro build`, through
 * Pagefind's Node API: one index per <html lang>, so Arabic pages get Arabic
 * stemming. Only elements marked data-pagefind-body are indexed.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';

export function searchIndex(): AstroIntegration {
  return {
    name: 'wiki:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { index, errors } = await createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const sitePath = fileURLToPath(dir);
        const added = await index.addDirectory({ path: sitePath });
        if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${sitePath}pagefind` });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        logger.info(`Indexed ${added.page_count} pages for search.`);
        await close();
      },
    },
  };
}
