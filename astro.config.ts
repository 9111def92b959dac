// Thin on purpose: behaviour lives in src/integrations/ and src/lib/.
import { defineConfig } from 'astro/config';
import { contentCheck } from './src/integrations/content-check';
import { ogImages } from './src/integrations/og-images';
import { searchIndex } from './src/integrations/search-index';
import { basePath, cacheDir, outDir, siteUrl } from './src/lib/settings';

const cards = ogImages();

export default defineConfig({
  // Every setting comes from the environment, with defaults (src/lib/settings.ts).
  site: siteUrl(),
  base: basePath(),
  // Test fixtures and the benchmark build elsewhere so dist/ is never clobbered.
  outDir: outDir(),
  cacheDir: cacheDir(),
  trailingSlash: 'always',
  build: { format: 'directory' },
  // No Shiki: its inline styles would be blocked by the content security policy below.
  markdown: { syntaxHighlight: false },
  // Entry bodies are rendered from their syntax tree (src/lib/views/body-html.ts), not compiled by @astrojs/mdx.
  // The cards start drawing in their own process before the content check and are collected after the search index.
  integrations: [cards.draw, contentCheck(), searchIndex(), cards.collect],
  // Content Security Policy, as a <meta> in every page. Astro hashes the scripts
  // and styles it emits; nothing inline runs without a hash ('unsafe-inline' is
  // never allowed). Pagefind runs in a same-origin worker (worker-src 'self') and
  // compiles WebAssembly, on the page when a worker is unavailable ('wasm-unsafe-eval').
  // Checked by tests/e2e/csp.spec.ts.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "media-src 'none'",
        "object-src 'none'",
        "frame-src 'none'",
        "child-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
});
