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
import { readFileSync } from 'node:fs';
import { writeOgCards, type OgJob } from '../lib/og-cards';

const [jobsFile, outDir] = process.argv.slice(2);
if (!jobsFile || !outDir) {
  console.error('usage: og-images-worker.ts <jobs.json> <out-dir>');
  process.exit(2);
}
await writeOgCards(JSON.parse(readFileSync(jobsFile, 'utf8')) as OgJob[], outDir);
