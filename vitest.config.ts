import path from 'node:path'

import { defineConfig } from 'vitest/config'

const root = path.dirname(new URL(import.meta.url).pathname)

export default defineConfig({
  resolve: {
    alias: {
      '@payload-config': path.join(root, 'payload.config.ts'),
      '@collections': path.join(root, 'collections'),
      '@': path.join(root, 'src'),
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/databases.ts'],
    // Each test file gets its own process, Payload instance and database.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
})
