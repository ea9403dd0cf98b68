import { existsSync, readFileSync } from 'node:fs'
import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

/**
 * Generous: on a shared two-core machine the first request of a file loads the whole Worker and
 * a CLI test spawns tsx, so the default 5 s fails tests that are not slow, only queued. Speed is
 * measured by `npm run bench`, never by a test's time limit.
 */
const TEST_TIMEOUT_MS = 30_000

/** The example article, when the shared folder sits beside the repository (as in CI). */
const EXAMPLE_ARTICLE = new URL('../shared/examples/article-c5.txt', import.meta.url)

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
        plugins: [
          {
            // The API reference bundle is a Text module in the Worker (wrangler.toml [[rules]]);
            // tests that import the app in Node get it the same way instead of running it.
            name: 'reference-bundle-as-text',
            enforce: 'pre',
            load(id: string) {
              if (!id.endsWith('/api-reference/dist/browser/standalone.js')) return null
              return `export default ${JSON.stringify(readFileSync(id, 'utf8'))}`
            },
          },
        ],
        test: {
          name: 'unit',
          // Through Vite (and so the plugin above) rather than Node's own loader.
          server: { deps: { inline: [/api-reference\/dist\/browser\/standalone\.js$/] } },
          testTimeout: TEST_TIMEOUT_MS,
          environment: 'node',
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
        },
      },
      {
        // End to end: a `wrangler dev` started by the test, spoken to over real sockets.
        test: {
          name: 'e2e',
          testTimeout: TEST_TIMEOUT_MS,
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
        },
      },
      {
        // The Worker in workerd, with the real wrangler.toml bindings (KV persisted by miniflare).
        plugins: [
          cloudflareTest({
            main: './src/index.ts',
            remoteBindings: false,
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              // Secrets are not in wrangler.toml; the worker tests use fixed ones.
              bindings: { ADMIN_TOKEN: 'test-admin-token', DEEPL_API_KEY: 'test-deepl-key:fx' },
              // Workers AI: the local configuration has no [ai] binding (it would need a Cloudflare
              // login), so the tests bind `AI` to a fake entrypoint that checks the request shape.
              serviceBindings: { AI: { name: 'fake-ai', entrypoint: 'FakeAi' } },
              // Every fetch() of the Worker goes through a fake network: fake APy hosts and a
              // fake DeepL; other hosts (the real APy on 127.0.0.1) pass through.
              outboundService: 'fake-net',
              workers: [
                {
                  name: 'fake-ai',
                  modules: true,
                  scriptPath: './test/worker/fakes/fake-ai.mjs',
                  compatibilityDate: '2026-04-01',
                },
                {
                  name: 'fake-net',
                  modules: true,
                  scriptPath: './test/worker/fakes/net.mjs',
                  compatibilityDate: '2026-04-01',
                },
              ],
            },
          }),
        ],
        test: {
          name: 'worker',
          testTimeout: TEST_TIMEOUT_MS,
          include: ['test/worker/**/*.test.ts'],
          // What the Worker tests cannot read from workerd: the host environment and files.
          provide: {
            ci: process.env.CI === 'true',
            apertiumUrl: process.env.APERTIUM_URL ?? 'http://127.0.0.1:2737',
            exampleArticle: existsSync(EXAMPLE_ARTICLE)
              ? readFileSync(EXAMPLE_ARTICLE, 'utf8')
              : '',
          },
        },
      },
    ],
  },
})
