import { describe, expect, it } from 'vitest'
import { createFakeProvider } from '../../test/support/fake-provider'
import { glossaryFrom } from '../../test/support/glossary'
import { sameLanguage, translateItems, translateToTargets } from './batch'
import { ProviderError } from './errors'

const glossary = glossaryFrom([
  { en: "Xi'an|Xian", es: "Xi'an", ca: "Xi'an" },
  { en: 'summit', es: 'cumbre', ca: 'cimera' },
])
const instant = async () => {}
/** The fake's pairs plus ca→es. */
const support = {
  sources: ['ca', 'en', 'es'],
  targets: ['ca', 'en', 'es'],
  pairs: [
    { source: 'en', target: 'es' },
    { source: 'en', target: 'ca' },
    { source: 'ca', target: 'es' },
  ],
}

describe('sameLanguage', () => {
  it('matches equal tags and a bare language against its regional forms', () => {
    expect(sameLanguage('en', 'EN')).toBe(true)
    expect(sameLanguage('en', 'en-GB')).toBe(true)
    expect(sameLanguage('pt-BR', 'pt')).toBe(true)
    expect(sameLanguage('pt-BR', 'pt-PT')).toBe(false)
    expect(sameLanguage('en', 'es')).toBe(false)
  })
})

describe('translateItems', () => {
  it('groups items by source, one engine call per source, results in input order', async () => {
    const provider = createFakeProvider({
      support,
      render: (segment, pair) => `[${pair.source}→${pair.target}] ${segment}`,
    })
    const result = await translateItems(
      [
        { text: 'One.', source: 'en' },
        { text: 'Dos.', source: 'ca' },
        { text: 'Three.', source: 'en' },
      ],
      { provider, target: 'es', glossary, sleep: instant }
    )
    expect(result.map((t) => t.text)).toEqual(['[en→es] One.', '[ca→es] Dos.', '[en→es] Three.'])
    expect(provider.calls).toHaveLength(2)
  })

  it('does not send items already in the target language, but still applies the glossary', async () => {
    const provider = createFakeProvider()
    const [translation] = await translateItems([{ text: 'We met in Xian.', source: 'en' }], {
      provider,
      target: 'en-GB',
      glossary,
    })
    expect(provider.calls).toHaveLength(0)
    expect(translation?.text).toBe("We met in Xi'an.")
    expect(translation?.terminology).toEqual({ expected: 1, applied: 1, missed: [] })
  })

  it('is all or nothing: one failing group fails the batch and cancels the others', async () => {
    let cancelled = false
    const provider = createFakeProvider({
      support,
      fail: (call) =>
        call.pair.source === 'ca'
          ? new ProviderError('bad_response', 'fake', 'garbage', { retryable: false })
          : undefined,
      hang: (call) => call.pair.source === 'en',
    })
    const original = provider.translate.bind(provider)
    const watched = {
      ...provider,
      translate: (
        segments: readonly string[],
        pair: { source: string; target: string },
        signal: AbortSignal
      ) => {
        signal.addEventListener('abort', () => {
          cancelled = true
        })
        return original(segments, pair, signal)
      },
    }
    await expect(
      translateItems(
        [
          { text: 'One.', source: 'en' },
          { text: 'Dos.', source: 'ca' },
        ],
        { provider: watched, target: 'es', sleep: instant }
      )
    ).rejects.toMatchObject({ kind: 'bad_response' })
    expect(cancelled).toBe(true)
  })
})

describe('translateToTargets', () => {
  it('translates the same texts into every target, with a report per text', async () => {
    const provider = createFakeProvider({
      dictionary: { summit: 'cumbre', the: 'la' },
    })
    const result = await translateToTargets(['The summit.', 'Xian.'], 'en', ['es', 'ca', 'en'], {
      provider,
      glossary,
      sleep: instant,
    })
    expect(Object.keys(result)).toEqual(['es', 'ca', 'en'])
    expect(result.es?.map((t) => t.text)).toEqual(['La cumbre.', "Xi'an."])
    expect(result.es?.[0]?.terminology).toEqual({ expected: 1, applied: 1, missed: [] })
    // The fake knows no Catalan: the term is reported missed rather than assumed.
    expect(result.ca?.[0]?.terminology).toEqual({
      expected: 1,
      applied: 0,
      missed: [{ source: 'summit', target: 'cimera' }],
    })
    expect(result.en?.map((t) => t.text)).toEqual(['The summit.', "Xi'an."])
    expect(provider.calls.map((c) => c.pair.target).sort()).toEqual(['ca', 'es'])
  })

  it('fails as a whole when one target is unsupported', async () => {
    const provider = createFakeProvider()
    await expect(
      translateToTargets(['The summit.'], 'en', ['es', 'fr'], { provider, sleep: instant })
    ).rejects.toMatchObject({ kind: 'unsupported_pair', supportedTargets: ['ca', 'es'] })
  })
})
