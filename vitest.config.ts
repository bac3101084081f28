import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Native store work runs on libuv's pool; two cores, so keep workers few.
    maxWorkers: 2,
  },
});
