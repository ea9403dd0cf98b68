/**
 * `npm run glossaries:suggest -- [--language xx] [--glossary id] [--json] FILES…` — term
 * discovery from the command line: reads UTF-8 text files, finds names, acronyms and currencies
 * that the glossary (default: every bundled glossary's terms) lacks, and prints them as TSV rows
 * in the syntax of `glossaries/*.tsv` (variant spellings in one cell), ready to paste. Without
 * `--language`, each run's language is detected from the texts. `--json` prints the full result.
 */
import { readFileSync } from 'node:fs'
import { BUNDLED_GLOSSARIES } from '../src/glossary/bundled.generated'
import { findCandidates, formatCandidatesTsv } from '../src/glossary/candidates'
import { detectLanguage } from '../src/langid/detect'

const args = process.argv.slice(2)
const files: string[] = []
let language: string | undefined
let glossaryId: string | undefined
let json = false
for (let i = 0; i < args.length; i++) {
  const arg = args[i] as string
  if (arg === '--language') language = args[++i]
  else if (arg === '--glossary') glossaryId = args[++i]
  else if (arg === '--json') json = true
  else files.push(arg)
}
if (files.length === 0) {
  console.error(
    'usage: npm run glossaries:suggest -- [--language xx] [--glossary id] [--json] FILES…'
  )
  process.exit(2)
}
const texts = files.map((f) => readFileSync(f, 'utf8'))
const detected = language ?? detectLanguage(texts.join('\n\n')).language
if (detected === 'und') {
  console.error('could not detect the language of the texts: pass --language')
  process.exit(2)
}
const glossary =
  glossaryId !== undefined
    ? BUNDLED_GLOSSARIES.find((g) => g.id === glossaryId)
    : BUNDLED_GLOSSARIES[0]
if (glossaryId !== undefined && glossary === undefined) {
  console.error(`no bundled glossary '${glossaryId}'`)
  process.exit(2)
}
const result = findCandidates(texts, {
  language: detected,
  ...(glossary !== undefined ? { glossary } : {}),
})
if (json) console.log(JSON.stringify(result, null, 2))
else process.stdout.write(formatCandidatesTsv(result))
console.error(
  `${result.candidates.length} candidates, ${result.groups.length} variant groups (${detected}${glossary !== undefined ? `, not in ${glossary.id}` : ''})`
)
