/**
 * Shared by `npm run glossaries:check` and `npm run glossaries:build`: reads `glossaries/*.tsv`
 * (or the files given), checks each one with the production parser and prints `file:line:`
 * problems.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Glossary } from '../src/glossary/types'
import { checkGlossaryFile, formatIssue } from './glossary/bundle'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const glossaryDir = path.join(root, 'glossaries')

/** Checks `files` (default: every `glossaries/*.tsv`); prints problems and a line per file. */
export function checkFiles(files?: readonly string[]): {
  glossaries: Glossary[]
  problems: number
} {
  const paths =
    files !== undefined && files.length > 0
      ? files.map((f) => path.resolve(f))
      : readdirSync(glossaryDir)
          .filter((f) => f.endsWith('.tsv'))
          .sort()
          .map((f) => path.join(glossaryDir, f))
  const glossaries: Glossary[] = []
  let problems = 0
  for (const file of paths) {
    const shown = path.relative(process.cwd(), file) || file
    const result = checkGlossaryFile(path.basename(file), readFileSync(file))
    if (result.ok) {
      const g = result.glossary
      console.log(
        `ok ${shown}: ${g.entries.length} concepts, ${g.languages.length} languages (${g.languages.join(', ')}), version ${g.version}`
      )
      glossaries.push(g)
    } else {
      for (const issue of result.issues) console.error(formatIssue(shown, issue))
      problems += result.issues.length
    }
  }
  return { glossaries, problems }
}
