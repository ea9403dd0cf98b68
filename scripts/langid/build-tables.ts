/**
 * `npm run build:langid-tables` — compiles the n-gram model (`src/langid/model.generated.ts`)
 * into the typed-array tables the Worker ships (`src/langid/tables.generated.ts`), so that no
 * isolate builds them at runtime. See `tables-module.ts`.
 *
 * @module
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { renderTablesModule, TABLES_PATH } from './tables-module'

const content = renderTablesModule()
writeFileSync(TABLES_PATH, content)
console.log(
  `wrote ${path.relative(process.cwd(), TABLES_PATH)} (${(content.length / 1024).toFixed(0)} KiB)`
)
