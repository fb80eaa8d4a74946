import { defineConfig } from 'vitest/config';

// CI sets VITEST_JSON to also write a JSON report (read by .ci/summary.mjs).
const json = process.env.VITEST_JSON;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: json ? ['default', ['json', { outputFile: json }]] : ['default'],
  },
});
