/**
 * `npm run build:franc` — writes franc's trigram profiles as the generated modules rendered in
 * `franc-modules.ts` (runtime profiles in `src/langid/`, every profile under `test/fixtures/`).
 *
 * @module
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { FRANC_MODULES, FRANC_SUMMARY } from './franc-modules'

for (const { path: file, content } of FRANC_MODULES) {
  writeFileSync(file, content)
  console.log(`wrote ${path.relative(process.cwd(), file)}`)
}
console.log(FRANC_SUMMARY)
