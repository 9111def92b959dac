/**
 * Draws Open Graph cards in a process of its own, started by
 * integrations/og-images.ts while Astro builds the pages, so the cards use the
 * machine's second core instead of holding up page rendering.
 *
 * Usage: node --import tsx src/integrations/og-images-worker.ts <out-dir> < jobs.json
 * Reads the jobs (lib/og-cards.ts) from standard input, writes each card to
 * <out-dir><path>, and exits 0 when every card is written. Cards already drawn
 * by an earlier build come from the cache (lib/og-image.ts).
 */
import { writeOgCards, type OgJob } from '../lib/output/og/cards';

const [outDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: og-images-worker.ts <out-dir> < jobs.json');
  process.exit(2);
}
const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
await writeOgCards(JSON.parse(Buffer.concat(chunks).toString('utf8')) as OgJob[], outDir);
