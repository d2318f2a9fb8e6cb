import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['sim-engine/**/*.test.ts', 'src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['./vitest.setup.ts'],
  },
});
