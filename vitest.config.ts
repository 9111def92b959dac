import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 120_000,
    environment: 'node',
    projects: [
      // Pure functions, the content check and small fixture builds of our own: in parallel.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // Real `astro build`s, one at a time: Astro writes shared files under the project's .astro/
      // (content-modules.mjs) whatever the outDir, so two builds of different content at once
      // corrupt each other (withastro/astro#12992).
      { extends: true, test: { name: 'build', include: ['tests/build/**/*.test.ts'], fileParallelism: false } },
    ],
  },
});
