/**
 * `npm run glossaries:check [files…]` — validates glossary files and, when checking the
 * `glossaries/` folder, that `src/glossary/bundled.generated.ts` is up to date. Prints
 * `file:line: message` for every problem and exits with 1 if there is any.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { checkFiles, root } from './glossaries'
import { BUNDLED_MODULE_PATH, renderBundledModule } from './glossary/bundle'

const files = process.argv.slice(2)
const { glossaries, problems } = checkFiles(files)
let stale = false
if (files.length === 0 && problems === 0) {
  const generated = path.join(root, BUNDLED_MODULE_PATH)
  let current = ''
  try {
    current = readFileSync(generated, 'utf8')
  } catch {
    // missing: reported as stale below
  }
  if (current !== renderBundledModule(glossaries)) {
    console.error(
      `${BUNDLED_MODULE_PATH}: stale, it does not match glossaries/: run \`npm run glossaries:build\` and commit the result`
    )
    stale = true
  }
}
if (problems > 0 || stale) {
  console.error(
    `glossaries:check failed: ${problems} problem${problems === 1 ? '' : 's'}${stale ? ', generated module stale' : ''}`
  )
  process.exit(1)
}
console.log('glossaries:check passed')
