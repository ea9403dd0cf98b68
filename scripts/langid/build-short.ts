/**
 * `npm run build:langid-short` — rebuilds the short-text model: `build-model.ts` with more grams
 * per language, Firefox langpack text in the gram statistics and frequency-ranked frequent-word
 * lists (`SHORT_OPTIONS`; the sources of `npm run build:langid` plus the Debian
 * `firefox-esr-l10n-*` langpacks and the gettext catalogs named in `catalog-text.ts`) into a
 * scratch file, then `build-tables.ts --short` compiles it into
 * `src/langid/short-tables.generated.ts` and records that file's checksum. Deterministic: a rebuild
 * is byte-identical. Extra arguments go to `build-model.ts` (to try other sizes: `--keep …`,
 * `--out` is set here).
 *
 * @module
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The shipped short-text model's options (docs/langid.md, "Short text"). */
export const SHORT_OPTIONS = [
  '--keep',
  '2:1500,3:8000,4:8000',
  '--weights',
  'tess:0.4,udhr:0.25,stop:0.1,ffx:0.25',
  '--frequent-words',
  '10000',
]

const here = path.dirname(fileURLToPath(import.meta.url))
const tsx = path.resolve(here, '../../node_modules/.bin/tsx')
const extra = process.argv.slice(2)
const options = extra.length > 0 ? extra : SHORT_OPTIONS
const dir = mkdtempSync(path.join(tmpdir(), 'precis-short-'))
try {
  const model = path.join(dir, 'short-model.ts')
  execFileSync(tsx, [path.join(here, 'build-model.ts'), ...options, '--out', model], {
    stdio: 'inherit',
  })
  execFileSync(
    tsx,
    [path.join(here, 'build-tables.ts'), '--short', model, '--options', options.join(' ')],
    { stdio: 'inherit' }
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
