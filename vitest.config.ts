import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    testTimeout: 120_000,
    environment: 'node',
    // tests/build runs real `astro build`s; Astro writes shared files under the
    // project's .astro/ (content-modules.mjs) whatever the outDir, so two builds
    // of different content at once corrupt each other (withastro/astro#12992).
    fileParallelism: false,
  },
});
