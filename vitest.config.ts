import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    restoreMocks: true,
    projects: [
      {
        // Pure modules, in Node: fast, colocated with the code.
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
        },
      },
      {
        // The Worker in workerd, with the real wrangler.toml bindings (KV persisted by miniflare).
        plugins: [
          cloudflareTest({
            main: './src/index.ts',
            remoteBindings: false,
            wrangler: { configPath: './wrangler.toml', environment: 'dev' },
          }),
        ],
        test: {
          name: 'worker',
          include: ['test/worker/**/*.test.ts'],
        },
      },
    ],
  },
})
