/**
 * `npm run examples` — runs every program in `examples/` against a `wrangler dev` it starts, the
 * way an integrator would: with `AUTH_MODE=required` and an API key created through
 * `POST /v1/keys`, so each example also proves its key handling.
 *
 * - curl (`examples/curl/summarize.sh`, needs jq), once with the key and once without it (it must
 *   fail with the 401 problem);
 * - TypeScript (`examples/typescript`, `@precis/client` linked from `packages/client`, built here);
 * - PHP (`examples/php/run.php`: the WordPress plugin through a shim of `wp_remote_post`);
 * - Python (`examples/python/summarize.py`, needs requests).
 *
 * Each example checks its own offsets and exits non-zero on a mismatch; this script also checks
 * each one's output. Ports: PRECIS_EXAMPLES_PORT and the next one (default 8812/8813).
 *
 * @module
 */
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createSecretKey, startDevServer } from './harness/dev-server'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const EXAMPLES = path.join(ROOT, 'examples')
const PORT = Number(process.env.PRECIS_EXAMPLES_PORT ?? 8812)
const ADMIN_TOKEN = randomBytes(24).toString('hex')

type Example = {
  readonly name: string
  readonly command: string
  readonly args: readonly string[]
  readonly cwd?: string
  /** Without the API key: the example must fail, with this in its output. */
  readonly anonymous?: boolean
  /** Every one must match the output (stdout and stderr). */
  readonly expect: readonly RegExp[]
}

const EXAMPLE_LIST: readonly Example[] = [
  {
    name: 'curl',
    command: 'bash',
    args: [path.join(EXAMPLES, 'curl/summarize.sh')],
    expect: [
      /^language: en /m,
      /^short \[1 sentences, \d+ characters\]: \S/m,
      /^teaser \[2 sentences/m,
    ],
  },
  {
    name: 'curl without a key',
    command: 'bash',
    args: [path.join(EXAMPLES, 'curl/summarize.sh')],
    anonymous: true,
    expect: [/"code":\s*"unauthorized"/],
  },
  {
    name: 'typescript',
    command: path.join(ROOT, 'node_modules/.bin/tsx'),
    args: ['summarize.ts'],
    cwd: path.join(EXAMPLES, 'typescript'),
    expect: [
      /de-bischkek-gold\.txt \(de\)/,
      /es-tashkent-algodon\.txt \(es\)/,
      /keyPoints:\n {4}- \S/,
    ],
  },
  {
    name: 'php (WordPress plugin)',
    command: 'php',
    args: [path.join(EXAMPLES, 'php/run.php')],
    expect: [
      /^language: ru$/m,
      /<mark>[^<]+<\/mark>/,
      /^the_content: <p class="precis-summary">\S/m,
    ],
  },
  {
    name: 'python',
    command: 'python3',
    args: [path.join(EXAMPLES, 'python/summarize.py')],
    expect: [/^language: fr, \d+ sentences$/m, /^medium \(\d+ words\):$/m, /^keyPoints /m],
  },
]

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv) {
  const started = performance.now()
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 120_000 })
  return {
    status: result.status,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`,
    ms: Math.round(performance.now() - started),
  }
}

function prepareTypeScript(): void {
  for (const [command, args, cwd] of [
    [
      process.execPath,
      [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'packages/client/tsconfig.json'],
      ROOT,
    ],
    ['npm', ['install', '--offline', '--no-audit', '--no-fund'], path.join(EXAMPLES, 'typescript')],
    [
      process.execPath,
      [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'],
      path.join(EXAMPLES, 'typescript'),
    ],
  ] as const) {
    const result = run(command, args, cwd, process.env)
    if (result.status !== 0)
      throw new Error(`${command} ${args.join(' ')} failed:\n${result.output}`)
  }
}

async function main(): Promise<number> {
  prepareTypeScript()
  const server = await startDevServer({
    port: PORT,
    inspectorPort: PORT + 1,
    vars: { AUTH_MODE: 'required', ADMIN_TOKEN },
  })
  let failures = 0
  try {
    const key = await createSecretKey(server, ADMIN_TOKEN, {
      tenant: 'examples',
      name: 'examples/',
      scopes: ['summarize', 'detect'],
    })
    for (const example of EXAMPLE_LIST) {
      const env: NodeJS.ProcessEnv = { ...process.env, PRECIS_URL: server.url }
      if (example.anonymous === true) delete env.PRECIS_API_KEY
      else env.PRECIS_API_KEY = key
      const result = run(example.command, example.args, example.cwd ?? ROOT, env)
      const missing = example.expect.filter((pattern) => !pattern.test(result.output))
      const exitedAsExpected =
        example.anonymous === true ? result.status !== 0 : result.status === 0
      const ok = exitedAsExpected && missing.length === 0
      console.log(
        `${ok ? 'ok  ' : 'FAIL'} ${example.name} (exit ${result.status}, ${result.ms} ms)`
      )
      if (!ok) {
        failures++
        for (const pattern of missing) console.log(`     output does not match ${pattern}`)
        console.log(result.output.replace(/^/gm, '     | '))
      }
    }
  } finally {
    await server.stop()
  }
  console.log(`${EXAMPLE_LIST.length - failures} of ${EXAMPLE_LIST.length} examples passed`)
  return failures === 0 ? 0 : 1
}

process.exitCode = await main()
