/**
 * `npm run generated:check` — fails when a generated file has drifted from its source:
 *
 * - `worker-configuration.d.ts` must be what `wrangler types` writes for `wrangler.toml` now
 *   (regenerated into a scratch file and compared line by line, past the header that names the
 *   output path); fix with `npm run cf-typegen`;
 * - the franc profiles (`src/langid/franc.generated.ts`, `test/fixtures/franc-all.generated.ts`)
 *   must be what `npm run build:franc` renders from the installed franc;
 * - the n-gram model (`src/langid/model.generated.ts`), which needs Tesseract's data to rebuild,
 *   must match the checksum `npm run build:langid` recorded;
 * - the shipped tables (`src/langid/tables.generated.ts`) must be that model compiled, as
 *   `npm run build:langid-tables` renders it;
 * - the short-text model's tables (`src/langid/short-tables.generated.ts`), which need Tesseract's
 *   data too, must match the checksum `npm run build:langid-short` recorded;
 * - the packaged client's types (`packages/client/src/api.generated.ts`) must be what
 *   `npm run client:generate` renders from the app's OpenAPI document now.
 *
 * `npm run glossaries:check` covers the bundled glossaries.
 *
 * @module
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { CLIENT_TYPES_PATH, renderClientModule } from './client/generate'
import { checksumRecord, MODEL_CHECKSUM_PATH, MODEL_PATH } from './langid/checksum'
import { FRANC_MODULES } from './langid/franc-modules'
import {
  renderTablesModule,
  SHORT_CHECKSUM_PATH,
  SHORT_TABLES_PATH,
  TABLES_PATH,
} from './langid/tables-module'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const relative = (file: string) => path.relative(root, file)
const problems: string[] = []

function checkWorkerTypes(): void {
  const committed = path.join(root, 'worker-configuration.d.ts')
  // Same folder as the committed file, so the relative import of the main module matches.
  const scratch = path.join(root, 'worker-configuration.check.d.ts')
  try {
    execFileSync(
      path.join(root, 'node_modules/.bin/wrangler'),
      // `--env-file /dev/null`, as in `npm run cf-typegen`: without it wrangler adds the secrets
      // of a local `.dev.vars` (ADMIN_TOKEN…) to the types, and the check fails for whoever
      // followed the README and created one. The output path goes first: `--env-file` takes a list.
      [
        'types',
        path.basename(scratch),
        '--include-runtime=false',
        '--strict-vars=false',
        '--env-file',
        '/dev/null',
      ],
      {
        cwd: root,
        stdio: 'pipe',
        env: {
          ...process.env,
          WRANGLER_SEND_METRICS: 'false',
          CLOUDFLARE_CF_FETCH_ENABLED: 'false',
          WRANGLER_HIDE_BANNER: 'true',
        },
      }
    )
    // Line 2 is the header naming the command (and so the output path); its hash is of the
    // configuration, so compare that part of it.
    const body = (file: string) => {
      const lines = readFileSync(file, 'utf8').split('\n')
      const hash = /\(hash: ([0-9a-f]+)\)/.exec(lines[1] ?? '')?.[1] ?? ''
      return [hash, ...lines.slice(2)].join('\n')
    }
    if (!existsSync(committed) || body(committed) !== body(scratch)) {
      problems.push(
        `${relative(committed)} does not match \`wrangler types\` for wrangler.toml: run npm run cf-typegen`
      )
    }
  } finally {
    rmSync(scratch, { force: true })
  }
}

function checkFranc(): void {
  for (const { path: file, content } of FRANC_MODULES) {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== content) {
      problems.push(`${relative(file)} differs from what npm run build:franc writes`)
    }
  }
}

function checkModel(): void {
  const recorded = existsSync(MODEL_CHECKSUM_PATH) ? readFileSync(MODEL_CHECKSUM_PATH, 'utf8') : ''
  if (recorded !== checksumRecord(readFileSync(MODEL_PATH))) {
    problems.push(
      `${relative(MODEL_PATH)} does not match ${relative(MODEL_CHECKSUM_PATH)}: rebuild it with npm run build:langid (which records the checksum)`
    )
  }
}

function checkTables(): void {
  if (!existsSync(TABLES_PATH) || readFileSync(TABLES_PATH, 'utf8') !== renderTablesModule()) {
    problems.push(
      `${relative(TABLES_PATH)} is not ${relative(MODEL_PATH)} compiled: run npm run build:langid-tables`
    )
  }
}

function checkShortTables(): void {
  const recorded = existsSync(SHORT_CHECKSUM_PATH) ? readFileSync(SHORT_CHECKSUM_PATH, 'utf8') : ''
  const actual = existsSync(SHORT_TABLES_PATH)
    ? checksumRecord(readFileSync(SHORT_TABLES_PATH), SHORT_TABLES_PATH)
    : 'missing'
  if (recorded !== actual) {
    problems.push(
      `${relative(SHORT_TABLES_PATH)} does not match ${relative(SHORT_CHECKSUM_PATH)}: rebuild it with npm run build:langid-short (which records the checksum)`
    )
  }
}

async function checkClientTypes(): Promise<void> {
  const committed = existsSync(CLIENT_TYPES_PATH) ? readFileSync(CLIENT_TYPES_PATH, 'utf8') : ''
  if (committed !== (await renderClientModule())) {
    problems.push(
      `${relative(CLIENT_TYPES_PATH)} differs from the routes' OpenAPI document: run npm run client:generate`
    )
  }
}

checkWorkerTypes()
checkFranc()
checkModel()
checkTables()
checkShortTables()
await checkClientTypes()
if (problems.length > 0) {
  for (const problem of problems) console.error(`generated:check: ${problem}`)
  process.exit(1)
}
console.log(
  'generated:check passed (worker-configuration.d.ts, franc profiles, langid model and tables, client types)'
)
