/**
 * Draws Open Graph cards in a process of its own, started by
 * integrations/og-images.ts while Astro builds the pages, so the cards use the
 * machine's second core instead of holding up page rendering.
 *
 * Usage: node --import tsx src/integrations/og-images-worker.ts <jobs.json> <out-dir>
 * Reads the jobs (lib/og-cards.ts), writes each card to <out-dir><path>, and
 * exits 0 when every card is written. Cards already drawn by an earlier build
 * come from the cache (lib/og-image.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OgJob } from '../lib/og-cards';
import { renderOgImage } from '../lib/og-image';

const [jobsFile, outDir] = process.argv.slice(2);
if (!jobsFile || !outDir) {
  console.error('usage: og-images-worker.ts <jobs.json> <out-dir>');
  process.exit(2);
}
const jobs = JSON.parse(readFileSync(jobsFile, 'utf8')) as OgJob[];
const made = new Set<string>();
for (const job of jobs) {
  const file = join(outDir, job.path);
  const dir = dirname(file);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  writeFileSync(file, await renderOgImage(job.card));
}
