import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['test/tools/dump-suggestions.ts'], pool: 'forks' } });
