import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

// biome-ignore lint/style/noDefaultExport: vitest loads the default export.
export default defineConfig({
  test: {
    restoreMocks: true,
    // CI asks for a machine-readable report to print its closing "N passed, N failed" line.
    ...(process.env.PRECIS_TEST_REPORT
      ? { reporters: ['default', 'json'], outputFile: { json: process.env.PRECIS_TEST_REPORT } }
      : {}),
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
            // Secrets are not in wrangler.toml; the worker tests use a fixed admin token.
            miniflare: { bindings: { ADMIN_TOKEN: 'test-admin-token' } },
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
