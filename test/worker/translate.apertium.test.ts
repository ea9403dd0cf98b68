/**
 * `POST /v1/translate` and `GET /v1/languages` through the Worker against the real Apertium APy
 * (`npm run mt`, at APERTIUM_URL or http://127.0.0.1:2737), with the bundled glossary.
 *
 * Outside CI these tests are skipped, visibly, when APy does not answer; with CI=true a missing
 * APy is a failure (`.ci/run` installs and starts it first).
 */
import { describe, expect, inject, it } from 'vitest'
import { keptSubtrees, tagsOf } from '../support/html-tags'
import { expectStatus } from './helpers'
import {
  callWorker,
  checkReport,
  occurrences,
  type TranslateBody,
  translate,
  unique,
} from './translate-helpers'

const apertiumUrl = inject('apertiumUrl')
const inCi = inject('ci')
const article = inject('exampleArticle')

async function apyAnswers(): Promise<boolean> {
  try {
    const res = await fetch(`${apertiumUrl}/listPairs`, { signal: AbortSignal.timeout(3000) })
    return res.ok
  } catch {
    return false
  }
}

const up = await apyAnswers()
const reason = `APy is not reachable at ${apertiumUrl} — start it with \`npm run mt\``
if (!up && !inCi) console.warn(`\n⚠ Apertium route tests SKIPPED: ${reason}\n`)

const real = { APERTIUM_URL: apertiumUrl }
const PLACEHOLDER = /\b(?:Zq|Qz|Zx|Xq)[a-z]{2,3}\b/

if (!up && inCi) {
  describe('Apertium through the route', () => {
    it('needs APy running when CI=true', () => {
      throw new Error(`${reason}; CI=true requires it (.ci/run runs \`npm run mt -- --detach\`).`)
    })
  })
} else {
  describe.skipIf(!up)(`Apertium through the route (${up ? apertiumUrl : 'SKIPPED'})`, () => {
    it.skipIf(article === '')(
      "translates the example article to Spanish with Xi'an, the Carnegie centre, Financial Times and yuanes intact",
      async () => {
        const body = (await expectStatus(
          await translate({ text: article, source: 'en', target: 'es', debug: true }, real, {
            'Cache-Control': 'no-store',
          }),
          200
        )) as TranslateBody
        const [t] = body.translations
        const text = t?.text ?? ''
        for (const term of [
          "Xi'an",
          'Centro Carnegie Rusia-Eurasia',
          'Financial Times',
          'yuanes',
          'Kazajistán',
          'OTAN',
        ]) {
          expect(text).toContain(term)
        }
        expect(text).not.toMatch(/Xi'un|Tiempo Financiero|Rusia Eurasia el centro/)
        expect(text).not.toMatch(PLACEHOLDER)
        expect(text.split(/\n\s*\n/).length).toBe(article.split(/\n\s*\n/).length)
        expect(t?.terminology.missed).toEqual([])
        expect(t?.terminology.expected).toBeGreaterThanOrEqual(15)
        expect(t?.debug?.placeholdersLost).toBe(0)
        expect(checkReport(t as never)).toEqual([])
      }
    )

    it('translates a batch in order, each report true to its text', async () => {
      const id = unique()
      const texts = [
        `The first summit was held in Xi’an, the ancient capital of China (${id}).`,
        `Temur Umarov, a researcher at the Carnegie Russia\nEurasia Center, told the Financial Times (${id}).`,
        `China will lend 26 billion yuan to the five Central Asian states (${id}).`,
      ]
      const body = (await expectStatus(
        await translate({ text: texts, source: 'en', target: 'es', debug: true }, real),
        200
      )) as TranslateBody
      expect(body.translations).toHaveLength(3)
      const [first, second, third] = body.translations
      expect(first?.text).toContain("Xi'an")
      expect(second?.text).toContain('Centro Carnegie Rusia-Eurasia')
      expect(second?.text).toContain('Financial Times')
      expect(third?.text).toContain('26 mil millones yuanes')
      for (const [i, t] of body.translations.entries()) {
        expect(t.text).toContain(`(${id})`)
        expect(t.text).not.toMatch(PLACEHOLDER)
        expect(checkReport(t)).toEqual([])
        expect(t.terminology.missed, `text ${i}`).toEqual([])
      }
      expect(occurrences(third?.text ?? '', 'yuanes')).toBe(1)
    })

    it('translates an HTML page keeping every tag, attribute and translate="no" part', async () => {
      const id = unique()
      const source = [
        '<article class="story"><h1>The summit in <em>Xian</em></h1>',
        `<p>The <a href="https://ex.org/xian?a=1&amp;b=2" title="The summit">leaders</a> met at the <strong>first summit</strong> in Xian on Tuesday (${id}).</p>`,
        '<p translate="no">The summit was held in Xian.</p>',
        '<p>Temur Umarov told the <span class="notranslate">Financial Times</span> that the <b>new</b> railway is important &amp; expensive.</p>',
        '<ul><li>The leaders met.</li><li>The <i>summit</i> ended.</li></ul></article>',
      ].join('\n')
      const body = (await expectStatus(
        await translate(
          { text: source, source: 'en', target: 'es', format: 'html', debug: true },
          real,
          { 'Cache-Control': 'no-store' }
        ),
        200
      )) as TranslateBody
      const t = body.translations[0]
      const text = t?.text ?? ''
      expect(tagsOf(text)).toEqual(tagsOf(source))
      expect(keptSubtrees(text)).toEqual(keptSubtrees(source))
      expect(text).not.toMatch(PLACEHOLDER)
      expect(text).toContain('cumbre')
      expect(text).toContain('&amp;')
      expect(occurrences(text, "Xi'an")).toBeGreaterThanOrEqual(2)
      expect(t ? checkReport(t) : ['none']).toEqual([])
      expect(t?.terminology.missed).toEqual([])
    })

    it('translates Markdown keeping its syntax, link URLs and code', async () => {
      const id = unique()
      const source = [
        '## The summit',
        '',
        `The **leaders** met in [the capital](https://ex.org/the-capital) on Tuesday (${id}).`,
        '',
        '- The summit ended.',
        '- Run `the summit` now.',
        '',
        '```',
        'the summit',
        '```',
        '',
      ].join('\n')
      const body = (await expectStatus(
        await translate({ text: source, source: 'en', target: 'es', format: 'markdown' }, real, {
          'Cache-Control': 'no-store',
        }),
        200
      )) as TranslateBody
      const text = body.translations[0]?.text ?? ''
      expect(text).toMatch(/^## \S/)
      expect(text).toMatch(/\*\*[^*]+\*\*/)
      expect(text).toMatch(/\[[^\]]+\]\(https:\/\/ex\.org\/the-capital\)/)
      expect(text).toContain('`the summit`')
      expect(text).toContain('```\nthe summit\n```')
      expect(text.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(2)
      expect(text).toContain('cumbre')
      expect(text).not.toMatch(PLACEHOLDER)
    })

    it('translates into a language the glossary has no column for, expecting no terms', async () => {
      // news-central-asia has no Catalan column: the glossary says nothing about en→ca.
      const body = (await expectStatus(
        await translate(
          { text: `The summit was held in Xian (${unique()}).`, source: 'en', target: 'ca' },
          real
        ),
        200
      )) as TranslateBody
      expect(body.translations[0]?.text).toMatch(/^La cimera /)
      expect(body.translations[0]?.terminology).toEqual({ expected: 0, applied: 0, missed: [] })
    })

    it('answers an unsupported pair with 422 and the targets APy offers', async () => {
      const body = (await expectStatus(
        await translate({ text: `The summit (${unique()}).`, source: 'en', target: 'de' }, real),
        422
      )) as { code: string; supportedTargets: string[] }
      expect(body.code).toBe('unsupported_language_pair')
      expect(body.supportedTargets).toEqual(expect.arrayContaining(['ca', 'es']))
    })

    it('lists the installed pairs in BCP 47', async () => {
      const body = (await expectStatus(
        await callWorker(new Request('https://api.test/v1/languages?provider=apertium'), real),
        200
      )) as { providers: Array<{ available: boolean; pairs: unknown[] }> }
      expect(body.providers[0]?.available).toBe(true)
      expect(body.providers[0]?.pairs).toEqual(
        expect.arrayContaining([
          { source: 'en', target: 'es' },
          { source: 'en', target: 'ca' },
        ])
      )
    })
  })
}
