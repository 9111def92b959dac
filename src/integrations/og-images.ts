/**
 * Open Graph images in a production build. The cards (one per entry and
 * language it is written in) cost about as much CPU as rendering the pages, so
 * they are drawn in a separate process (og-images-worker.ts), started as soon
 * as the configuration is read, even before the content check, which works on
 * the second core while Astro checks, loads and renders the site. When the
 * build is done the cards are moved into the output directory; if the
 * process could not run (no tsx, a crash) the missing cards are drawn here
 * instead, so a build never lacks an image a page points at.
 *
 * `astro dev` draws cards on request instead (pages/og/[...path].png.ts).
 * WIKI_OG_IMAGES=0 turns the images off.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readContentDirOnce } from '../lib/content/files';
import { ogJobsFromFiles, writeOgCards, type OgJob } from '../lib/output/og/cards';
import { ogCacheDir, ogImagesEnabled } from '../lib/output/og/image';

interface Drawing {
  jobs: OgJob[];
  staging: string;
  /** Resolves with the worker's exit code (or an error message when it could not start). */
  done: Promise<number | string>;
}

function startWorker(root: string, jobs: OgJob[], logger: AstroIntegrationLogger): Drawing {
  const work = join(ogCacheDir(), `build-${process.pid}`);
  const staging = join(work, 'out');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const done = new Promise<number | string>((resolve) => {
    let tsx: string;
    try {
      tsx = pathToFileURL(createRequire(join(root, 'package.json')).resolve('tsx')).href;
    } catch {
      resolve('tsx is not installed');
      return;
    }
    const child = spawn(process.execPath, ['--import', tsx, join(root, 'src/integrations/og-images-worker.ts'), staging], {
      cwd: process.cwd(),
      stdio: ['pipe', 'inherit', 'pipe'],
    });
    // The jobs go through a pipe, not a file: the cards start before the content
    // check, and a refused build must leave nothing of its content on disk.
    child.stdin.on('error', () => {}); // a worker that died early is reported by 'exit'
    child.stdin.end(JSON.stringify(jobs));
    // A build that fails before it is done must not leave the card process running.
    const stop = () => child.kill();
    process.once('exit', stop);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on('error', (error) => resolve(error.message));
    child.on('exit', (code, signal) => {
      process.off('exit', stop);
      if (code !== 0) logger.warn(`the card process stopped (${signal ?? `exit ${code}`}):\n${stderr.trim()}`);
      resolve(code ?? String(signal));
    });
  });
  logger.info(`drawing ${jobs.length} Open Graph cards in a separate process`);
  return { jobs, staging, done };
}

/**
 * Two integrations around the others: `draw` starts the card process first
 * (before the content check), `collect` waits for it last (after the search
 * index, which the cards' process overlaps on the second core).
 */
export function ogImages(): { draw: AstroIntegration; collect: AstroIntegration } {
  let drawing: Drawing | undefined;
  const draw: AstroIntegration = {
    name: 'wiki:og-images',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build' || !ogImagesEnabled()) return;
        const root = fileURLToPath(config.root);
        // The first reader of the build: the content check reuses this reading.
        const jobs = ogJobsFromFiles(readContentDirOnce(root, { fresh: true }).files);
        // A wiki without entries (a fresh fork) has no cards to draw.
        if (jobs.length) drawing = startWorker(root, jobs, logger);
      },
    },
  };
  const collect: AstroIntegration = {
    name: 'wiki:og-images-collect',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (!drawing) return;
        const started = performance.now();
        const result = await drawing.done;
        const waited = (performance.now() - started) / 1000;
        const outDir = fileURLToPath(dir);
        // Whatever the worker could not draw is drawn here (all of it if it
        // failed: a card it was writing when it stopped may be cut short).
        const drawnHere = await writeOgCards(drawing.jobs, drawing.staging, result === 0);
        if (drawnHere) logger.warn(`drew ${drawnHere} card(s) in the build process (${typeof result === 'string' ? result : `worker exit ${result}`})`);
        const target = join(outDir, 'og');
        rmSync(target, { recursive: true, force: true });
        try {
          renameSync(join(drawing.staging, 'og'), target);
        } catch {
          cpSync(join(drawing.staging, 'og'), target, { recursive: true });
        }
        rmSync(dirname(drawing.staging), { recursive: true, force: true });
        logger.info(`${drawing.jobs.length} Open Graph cards written (waited ${waited.toFixed(1)} s for the card process)`);
      },
    },
  };
  return { draw, collect };
}
