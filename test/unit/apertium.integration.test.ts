/**
 * Integration tests against a real Apertium APy server (`npm run mt`, or APERTIUM_URL).
 *
 * Outside CI they are skipped, visibly, when nothing answers; with CI=true a missing server is a
 * failure, because CI is where these tests must run (`.ci/run` starts APy first).
 */
import { describe, expect, it } from 'vitest'
import { ProviderError } from '../../src/translate/errors'
import { listLanguages } from '../../src/translate/list-languages'
import { translateText, translateTexts } from '../../src/translate/pipeline'
import { createApertiumProvider } from '../../src/translate/providers/apertium'
import { glossaryFrom } from '../../src/translate/testing/glossary'
import { naiveTermFinder } from '../../src/translate/testing/naive-matcher'

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

// Paragraphs of ../shared/examples/article-c5.txt (the issue's example article).
const ARTICLE = [
  'On Friday, Chinese President Xi Jinping met with the leaders of Kazakhstan, Tajikistan, Kyrgyzstan, Turkmenistan and Uzbekistan and invited them to expand cooperation, including in the defense sector.',
  'The group’s first-ever direct summit, dubbed C5, was held in Xi’an, the ancient capital of China, where the famous “Silk Road” originated in the past.',
  'He also announced the allocation of 26 billion yuan ($3.6 billion) for financial support and “free assistance”, without specifying what these funds will be used for.',
  'In the near future, China is likely to resume joint military exercises with post-Soviet countries, including with the participation of internal troops of the PRC, Temur Umarov, researcher at the Carnegie Russia Eurasia Center told the Financial Times.',
].join('\n\n')

const glossary = glossaryFrom([
  { en: 'Xi’an|Xian', es: "Xi'an", ca: "Xi'an" },
  { en: 'Xi Jinping', es: 'Xi Jinping', ca: 'Xi Jinping' },
  {
    en: 'Carnegie Russia Eurasia Center',
    es: 'Centro Carnegie Rusia-Eurasia',
    ca: 'Centre Carnegie Rússia-Euràsia',
  },
  { en: 'Financial Times', flags: 'dnt' },
  { en: 'Silk Road', es: 'Ruta de la Seda', ca: 'Ruta de la Seda' },
  { en: 'Temur Umarov', es: 'Temur Umarov', ca: 'Temur Umarov' },
  { en: 'yuan', es: 'yuan', ca: 'iuan', flags: 'inflect' },
])
const findTerms = naiveTermFinder(glossary)
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

    it('translates the example article to Spanish with the glossary intact', async () => {
      const result = await translateText(ARTICLE, {
        provider,
        source: 'en',
        target: 'es',
        glossary,
        findTerms,
      })
      const text = result.text
      for (const term of [
        "Xi'an",
        'Centro Carnegie Rusia-Eurasia',
        'Financial Times',
        'yuanes',
        'Xi Jinping',
        'Ruta de la Seda',
        'Temur Umarov',
      ]) {
        expect(text).toContain(term)
      }
      expect(text).not.toMatch(/Xi'un|Tiempo Financiero|Rusia Eurasia el centro/)
      expect(text.split('\n\n')).toHaveLength(4)
      expect(text).not.toMatch(/\b(?:Zq|Qz)[a-z]{2}\b/)
      expect(result.stats.placeholdersLost).toBe(0)
      expect(result.terminology).toEqual({ expected: 7, applied: 7, missed: [] })
      // The report is checked against the text, not taken on trust.
      for (const outcome of result.terms) expect(count(text, outcome.target)).toBeGreaterThan(0)
    })

    it('translates to Catalan as well', async () => {
      const result = await translateText('The summit was held in Xi’an and cost 3 billion yuan.', {
        provider,
        source: 'en',
        target: 'ca',
        glossary,
        findTerms,
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
        { provider, source: 'en', target: 'es', glossary, findTerms }
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
