import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  BUNDLED_MODULE_PATH,
  checkGlossaryFile,
  formatIssue,
  renderBundledModule,
} from '../../scripts/glossary/bundle'
import { BUNDLED_GLOSSARIES } from '../../src/glossary/bundled.generated'
import { exportGlossary } from '../../src/glossary/io'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const invalidDir = path.join(root, 'test/fixtures/glossaries/invalid')

function check(dir: string, file: string): string[] {
  const result = checkGlossaryFile(file, readFileSync(path.join(dir, file)))
  return result.ok ? [] : result.issues.map((i) => formatIssue(file, i))
}

describe('glossaries/ folder', () => {
  const files = readdirSync(path.join(root, 'glossaries')).filter((f) => f.endsWith('.tsv'))

  it.each(files)('%s has no problems and exports back to the same file', (file) => {
    expect(check(path.join(root, 'glossaries'), file)).toEqual([])
    const result = checkGlossaryFile(file, readFileSync(path.join(root, 'glossaries', file)))
    if (!result.ok) throw new Error('unreachable')
    // The files are kept in the export's canonical form, so an API round trip is byte-identical.
    expect(exportGlossary(result.glossary, 'tsv')).toBe(
      readFileSync(path.join(root, 'glossaries', file), 'utf8')
    )
  })

  it('is bundled: the generated module matches the files', () => {
    const glossaries = files.map((file) => {
      const result = checkGlossaryFile(file, readFileSync(path.join(root, 'glossaries', file)))
      if (!result.ok) throw new Error(`${file} is invalid`)
      return result.glossary
    })
    expect(readFileSync(path.join(root, BUNDLED_MODULE_PATH), 'utf8')).toBe(
      renderBundledModule(glossaries)
    )
    expect(BUNDLED_GLOSSARIES.map((g) => g.id)).toEqual(glossaries.map((g) => g.id).sort())
  })

  it('covers every name of the example article in en, es, ru, zh, fr and de', () => {
    const glossary = BUNDLED_GLOSSARIES.find((g) => g.id === 'news-central-asia')
    expect(glossary?.languages).toEqual(
      expect.arrayContaining(['en', 'es', 'ru', 'zh', 'fr', 'de'])
    )
    const names = [
      "Xi'an",
      'Xi Jinping',
      'Kazakhstan',
      'Tajikistan',
      'Kyrgyzstan',
      'Turkmenistan',
      'Uzbekistan',
      'Carnegie Russia Eurasia Center',
      'Financial Times',
      'Xinhua',
      'yuan',
      'NATO',
      'Kremlin',
      'Silk Road',
      'Taiwan Institute of National Defense and Security',
    ]
    for (const name of names) {
      const entry = glossary?.entries.find((e) => e.terms.en?.[0] === name)
      expect(entry, name).toBeDefined()
      for (const language of ['es', 'ru', 'zh', 'fr', 'de']) {
        expect(entry?.terms[language]?.[0], `${name} in ${language}`).toBeTruthy()
      }
    }
  })
})

describe('npm run glossaries:check on broken files', () => {
  // One fixture per rule; each names the file, the line and the problem in plain words.
  const cases: [file: string, expected: string][] = [
    [
      'wrong-column-count.tsv',
      'wrong-column-count.tsv:3: this row has 4 columns but the header has 5',
    ],
    [
      'unknown-language.tsv',
      "unknown-language.tsv:1: column 3: 'espanol' is not a known language code",
    ],
    [
      'empty-preferred-term.tsv',
      'empty-preferred-term.tsv:3: column en: the preferred term (the first in the cell) is empty',
    ],
    ['empty-source-term.tsv', 'empty-source-term.tsv:3: column en: the en term is empty'],
    [
      'duplicate-term.tsv',
      "duplicate-term.tsv:3: column en: 'XI’AN' is already a term of the concept 'xi-an' (line 2)",
    ],
    [
      'control-character.tsv',
      "control-character.tsv:3: column en: the term 'Krem<U+0007>lin' contains a control character (U+0007)",
    ],
    [
      'bidi-control.tsv',
      "bidi-control.tsv:3: column es: the term 'Krem<U+202E>lin' contains an invisible text-direction control (U+202E)",
    ],
    [
      'line-separator.tsv',
      "line-separator.tsv:3: column en: the term 'Kremlin<U+2028>Kreml' contains a line or paragraph separator (U+2028)",
    ],
    ['term-too-long.tsv', "term-too-long.tsv:3: column en: the term 'Very long name"],
    ['unknown-flag.tsv', "unknown-flag.tsv:3: column flags: unknown flag 'dnt-please'"],
    ['duplicate-header.tsv', "duplicate-header.tsv:1: column 4: the header has two 'en' columns"],
  ]

  it('has a case for every fixture', () => {
    expect(readdirSync(invalidDir).sort()).toEqual(cases.map(([f]) => f).sort())
  })

  it.each(cases)('%s fails naming file and line', (file, expected) => {
    const lines = check(invalidDir, file)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(expected)
  })

  it('reports every problem of a file in one run, top to bottom', () => {
    const text = [
      'en\tes\tflags',
      "Xi'an|Xian\tXi'an\tfixed,bogus",
      '\tOTAN\t',
      'XIAN\tXian\tinflect,fixed',
      'Kremlin\tKremlin',
    ].join('\n')
    const result = checkGlossaryFile('many.tsv', new TextEncoder().encode(text))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.map((i) => [i.line, i.code])).toEqual([
      [2, 'unknown_flag'],
      [3, 'empty_preferred_term'],
      [4, 'conflicting_flags'],
      [4, 'duplicate_term'],
      [5, 'column_count'],
    ])
  })

  it('rejects a file name that is not a glossary id', () => {
    const result = checkGlossaryFile('News Asia.tsv', new TextEncoder().encode('en\nX\n'))
    expect(result.ok).toBe(false)
  })

  it('exits with 1 and prints file:line from the command line', () => {
    let output = ''
    let status = 0
    try {
      execFileSync(
        process.execPath,
        [
          path.join(root, 'node_modules/tsx/dist/cli.mjs'),
          'scripts/glossaries-check.ts',
          'test/fixtures/glossaries/invalid/unknown-flag.tsv',
          'glossaries/news-central-asia.tsv',
        ],
        { cwd: root, encoding: 'utf8', stdio: 'pipe' }
      )
    } catch (error) {
      const e = error as { status: number; stderr: string; stdout: string }
      status = e.status
      output = e.stderr + e.stdout
    }
    expect(status).toBe(1)
    expect(output).toContain('test/fixtures/glossaries/invalid/unknown-flag.tsv:3: column flags:')
    expect(output).toContain('ok glossaries/news-central-asia.tsv')
  })
})
