/**
 * `npm run glossaries:build` — validates `glossaries/*.tsv` and writes
 * `src/glossary/bundled.generated.ts`. Writes nothing when any file has a problem.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { checkFiles, root } from './glossaries'
import { BUNDLED_MODULE_PATH, renderBundledModule } from './glossary/bundle'

const { glossaries, problems } = checkFiles()
if (problems > 0) {
  console.error(
    `glossaries:build failed: ${problems} problem${problems === 1 ? '' : 's'}; nothing written`
  )
  process.exit(1)
}
writeFileSync(path.join(root, BUNDLED_MODULE_PATH), renderBundledModule(glossaries))
console.log(
  `wrote ${BUNDLED_MODULE_PATH} (${glossaries.length} glossar${glossaries.length === 1 ? 'y' : 'ies'})`
)
