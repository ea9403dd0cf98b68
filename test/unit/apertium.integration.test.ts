/**
 * Integration tests against a real Apertium APy server (`npm run mt`, or APERTIUM_URL).
 *
 * Outside CI they are skipped, visibly, when nothing answers; with CI=true a missing server is a
 * failure, because CI is where these tests must run (`.ci/run` starts APy first).
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createApertiumProvider } from '../../src/adapters/engines/apertium'
import { ProviderError } from '../../src/translate/errors'
import { listLanguages } from '../../src/translate/list-languages'
import { translateText, translateTexts } from '../../src/translate/pipeline'
import { SUMMIT_GLOSSARY, SUMMIT_SPANISH_TERMS, SUMMIT_STORY } from '../fixtures/central-asia'
import { glossaryFrom } from '../support/glossary'

const url = process.env.APERTIUM_URL ?? 'http://127.0.0.1:2737'
const inCi = process.env.CI === 'true'

async function apyAnswers(): Promise<boolean> {
  try {
    const response = await fetch(`${url}/listPairs`, { signal: AbortSignal.timeout(3000) })
    return response.ok
  } catch {
    return false
  }
}

const up = await apyAnswers()
const reason = `APy is not reachable at ${url} — start it with \`npm run mt\` (or set APERTIUM_URL)`
if (!up && !inCi) console.warn(`\n⚠ Apertium integration tests SKIPPED: ${reason}\n`)

/** The issue's example article, when the shared examples sit beside the repository. */
const EXAMPLE_ARTICLE = fileURLToPath(
  new URL('../../../shared/examples/article-c5.txt', import.meta.url)
)

const glossary = glossaryFrom(SUMMIT_GLOSSARY)
const provider = createApertiumProvider({ url })

function count(text: string, term: string): number {
  return text.split(term).length - 1
}

if (!up && inCi) {
  describe('Apertium integration', () => {
    it('needs APy running when CI=true', () => {
      throw new Error(`${reason}; CI=true requires it (.ci/run runs \`npm run mt -- --detach\`).`)
    })
  })
} else {
  describe.skipIf(!up)(`Apertium integration (${up ? url : `SKIPPED: ${reason}`})`, () => {
    it('lists the installed pairs in BCP 47', async () => {
      const support = await listLanguages(provider)
      expect(support.pairs).toEqual(expect.arrayContaining([{ source: 'en', target: 'es' }]))
    })

    it('translates a news story to Spanish with every glossary term intact', async () => {
      const result = await translateText(SUMMIT_STORY, {
        provider,
        source: 'en',
        target: 'es',
        glossary,
      })
      const text = result.text
      for (const term of SUMMIT_SPANISH_TERMS) expect(text).toContain(term)
      expect(text).not.toMatch(/Xi'un|Tiempo Financiero|Rusia Eurasia el centro/)
      expect(text.split('\n\n')).toHaveLength(4)
      expect(text).not.toMatch(/\b(?:Zq|Qz)[a-z]{2}\b/)
      expect(result.stats.placeholdersLost).toBe(0)
      expect(result.terminology).toEqual({ expected: 8, applied: 8, missed: [] })
      // The report is checked against the text, not taken on trust.
      for (const outcome of result.terms) expect(count(text, outcome.target)).toBeGreaterThan(0)
    })

    it.skipIf(!existsSync(EXAMPLE_ARTICLE))(
      "translates the example article (../shared/examples/article-c5.txt) with Xi'an, the Carnegie centre, Financial Times and yuanes intact",
      async () => {
        const article = readFileSync(EXAMPLE_ARTICLE, 'utf8')
        const result = await translateText(article, {
          provider,
          source: 'en',
          target: 'es',
          glossary,
        })
        for (const term of [
          "Xi'an",
          'Centro Carnegie Rusia-Eurasia',
          'Financial Times',
          'yuanes',
        ]) {
          expect(result.text).toContain(term)
        }
        expect(result.text.split(/\n\s*\n/).length).toBe(article.split(/\n\s*\n/).length)
        expect(result.terminology.missed).toEqual([])
      }
    )

    it('translates to Catalan as well', async () => {
      const result = await translateText('The summit was held in Xi’an and cost 3 billion yuan.', {
        provider,
        source: 'en',
        target: 'ca',
        glossary,
      })
      expect(result.text).toContain("Xi'an")
      expect(result.text).toContain('iuans')
      expect(result.terminology.missed).toEqual([])
    })

    it('keeps each placeholder exactly once through the engine (probe sentences of the notes)', async () => {
      const { translations } = await translateTexts(
        [
          "The group's first-ever direct summit was held in Xi'an, the ancient capital of China.",
          'Temur Umarov, researcher at the Carnegie Russia Eurasia Center told the Financial Times.',
          "Xi’an's old city walls were lit for the guests.",
        ],
        { provider, source: 'en', target: 'es', glossary }
      )
      for (const t of translations) {
        expect(t.stats.placeholdersLost).toBe(0)
        expect(t.terminology.missed).toEqual([])
      }
    })

    it('answers an unsupported pair with the supported targets', async () => {
      const error = await translateText('Hello.', { provider, source: 'en', target: 'fr' }).catch(
        (e: unknown) => e
      )
      expect(error).toBeInstanceOf(ProviderError)
      expect(error).toMatchObject({ kind: 'unsupported_pair' })
      expect((error as ProviderError).supportedTargets).toEqual(
        expect.arrayContaining(['ca', 'es'])
      )
    })
  })
}
