/**
 * `npm run build:langid-tables` — compiles the n-gram model (`src/langid/model.generated.ts`)
 * into the typed-array tables the Worker ships (`src/langid/tables.generated.ts`), so that no
 * isolate builds them at runtime. See `tables-module.ts`.
 *
 * With `--short <model.ts> --options '<build-model options>'` (what `npm run build:langid-short`
 * does), compiles that model into `src/langid/short-tables.generated.ts` instead and records the
 * file's checksum.
 *
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { ModelData } from '../../src/langid/model'
import { checksumRecord } from './checksum'
import {
  renderShortTablesModule,
  renderTablesModule,
  SHORT_CHECKSUM_PATH,
  SHORT_TABLES_PATH,
  TABLES_PATH,
} from './tables-module'

const flag = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const short = flag('short')
if (short) {
  const { MODEL } = (await import(path.resolve(short))) as { MODEL: ModelData }
  const content = renderShortTablesModule(MODEL, flag('options') ?? '')
  writeFileSync(SHORT_TABLES_PATH, content)
  writeFileSync(
    SHORT_CHECKSUM_PATH,
    checksumRecord(readFileSync(SHORT_TABLES_PATH), SHORT_TABLES_PATH)
  )
  console.log(
    `wrote ${path.relative(process.cwd(), SHORT_TABLES_PATH)} (${(content.length / 1024).toFixed(0)} KiB) and its checksum`
  )
} else {
  const content = renderTablesModule()
  writeFileSync(TABLES_PATH, content)
  console.log(
    `wrote ${path.relative(process.cwd(), TABLES_PATH)} (${(content.length / 1024).toFixed(0)} KiB)`
  )
}
