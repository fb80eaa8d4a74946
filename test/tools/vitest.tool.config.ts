import { defineConfig } from 'vitest/config';

// Developer tools under test/tools (not part of `vitest run`): `*.tool.ts`.
export default defineConfig({ test: { include: ['test/tools/**/*.tool.ts'], pool: 'forks', maxWorkers: 1 } });
