import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { createFakeProvider, type FakeProviderOptions } from '../../test/support/fake-provider'
import { glossaryFrom } from '../../test/support/glossary'
import { ProviderError } from './errors'
import { type TranslateOptions, translateText, translateTexts } from './pipeline'

const glossary = glossaryFrom([
  { en: "Xi'an|Xian", es: "Xi'an" },
  { en: 'Carnegie Russia Eurasia Center', es: 'Centro Carnegie Rusia-Eurasia' },
  { en: 'Financial Times', es: 'Financial Times', flags: 'dnt' },
  { en: 'Temur Umarov', es: 'Temur Umarov' },
  { en: 'yuan', es: 'yuan', flags: 'inflect' },
  { en: 'summit', es: 'cumbre' },
])

/** No waiting in tests: the backoff resolves at once. */
const instant = async () => {}

function options(fake: FakeProviderOptions = {}, extra: Partial<TranslateOptions> = {}) {
  const provider = createFakeProvider(fake)
  const opts: TranslateOptions = {
    provider,
    source: 'en',
    target: 'es',
    glossary,
    sleep: instant,
    ...extra,
  }
  return { provider, opts }
}

/**
 * Counts occurrences, apostrophes folded as everywhere in Précis (test oracle, independent of the
 * pipeline's search code).
 */
function occurrences(raw: string, term: string): number {
  const text = raw.replaceAll('’', "'")
  let n = 0
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) n++
  return n
}

describe('masking and restoring invariable terms', () => {
  it('hides names from the engine and restores the target terms', async () => {
    const { provider, opts } = options()
    const source =
      'Temur Umarov, researcher at the Carnegie Russia Eurasia Center, told the Financial Times.'
    const result = await translateText(source, opts)
    const sent = provider.calls[0]?.segments.join('\n') ?? ''
    expect(sent).not.toContain('Financial')
    expect(sent).not.toContain('Carnegie')
    expect(sent).toMatch(/^Zqaa, investigador|^Zq[a-z]{2}, researcher/)
    expect(result.text).toBe(
      'Temur Umarov, investigador en el Centro Carnegie Rusia-Eurasia, dijo a el Financial Times.'
    )
    expect(result.terminology).toEqual({ expected: 3, applied: 3, missed: [] })
    expect(result.terms.map((t) => t.method)).toEqual(['mask', 'mask', 'mask'])
  })

  it('replaces variants and odd spellings with the preferred target term', async () => {
    const { opts } = options()
    const result = await translateText('XIAN and Xi’an hosted the summit.', opts)
    expect(occurrences(result.text, "Xi'an")).toBe(2)
    expect(result.terminology.applied).toBe(3)
  })

  it('keeps paragraph breaks and outer whitespace exactly', async () => {
    const { opts } = options()
    const source = '\n  The summit.\n\nThe Financial Times.\r\n\r\nXian.  \n'
    const result = await translateText(source, opts)
    expect(result.text).toBe("\n  El cumbre.\n\nEl Financial Times.\r\n\r\nXi'an.  \n")
    expect(result.stats.segments).toBe(3)
  })

  it('lets the placeholder stand for an English possessive, which engines misread as "has"', async () => {
    const { provider, opts } = options()
    const result = await translateText('Xi’an’s walls and Xian.', opts)
    expect(provider.calls[0]?.segments[0]).toBe('Zqaa walls and Zqab.')
    expect(result.text).toBe("Xi'an walls y Xi'an.")
  })

  it('passes text through untouched by the glossary when there is none', async () => {
    const { opts } = options({}, { glossary: null })
    const result = await translateText('The Financial Times.', opts)
    expect(result.text).toBe('El Financiero Tiempos.')
    expect(result.terminology).toEqual({ expected: 0, applied: 0, missed: [] })
  })
})

describe('inflecting terms: verify and repair', () => {
  it('translates them unmasked and repairs the pass-through rendering, plural when needed', async () => {
    const { provider, opts } = options()
    const result = await translateText(
      'He also announced the allocation of 26 billion yuan for financial support.',
      opts
    )
    expect(provider.calls[0]?.segments[0]).toContain('26 billion yuan')
    expect(result.text).toContain('26 mil millones yuanes para')
    expect(result.terminology).toEqual({ expected: 1, applied: 1, missed: [] })
    expect(result.terms[0]?.method).toBe('postedit')
  })

  it('counts an engine rendering that already is the target term', async () => {
    const { opts } = options()
    const result = await translateText('The summit was held.', opts)
    expect(result.text).toBe('El cumbre fue celebrada.')
    expect(result.terms[0]?.method).toBe('engine')
  })

  it('reports a term missed when its rendering cannot be located', async () => {
    const { opts } = options({ render: () => 'La reunión fue celebrada.' })
    const result = await translateText('The summit was held.', opts)
    expect(result.terminology).toEqual({
      expected: 1,
      applied: 0,
      missed: [{ source: 'summit', target: 'cumbre' }],
    })
  })

  it('does not repair when the source word occurs more often than it is missing', async () => {
    const { opts } = options({ render: () => 'yuan yuan' })
    const result = await translateText('26 billion yuan', opts)
    expect(result.text).toBe('yuan yuan')
    expect(result.terminology.applied).toBe(1) // "yuan" is an accepted (singular) form
  })
})

describe('damaged placeholders: retry unmasked, report honestly', () => {
  const source = 'The researcher told the Financial Times.'

  it('retries a segment whose placeholder was lost, and reports the term missed', async () => {
    const { provider, opts } = options({
      render: (segment, _pair, call) =>
        call.index === 1
          ? 'El investigador dijo.'
          : segment.replace('Financial Times', 'Tiempos Financieros'),
    })
    const result = await translateText(source, opts)
    expect(provider.calls).toHaveLength(2)
    expect(provider.calls[1]?.segments).toEqual([source])
    expect(result.text).toBe('The researcher told the Tiempos Financieros.')
    expect(result.terminology).toEqual({
      expected: 1,
      applied: 0,
      missed: [{ source: 'Financial Times', target: 'Financial Times' }],
    })
    expect(result.stats).toMatchObject({ segmentsRetried: 1, placeholdersLost: 1 })
  })

  it.each([
    ['duplicated', (s: string) => s.replace(/(Zq[a-z]{2})/, '$1 $1')],
    ['glued', (s: string) => s.replace(/(Zq[a-z]{2})/, '$1ha')],
  ])('retries when a placeholder comes back %s', async (_name, damage) => {
    const { provider, opts } = options({
      render: (segment, _pair, call) => (call.index === 1 ? damage(segment) : segment),
    })
    const result = await translateText(source, opts)
    expect(provider.calls).toHaveLength(2)
    expect(result.text).toBe(source)
    // The engine kept the dnt term verbatim on the unmasked retry, so it is truly applied.
    expect(result.terminology).toEqual({ expected: 1, applied: 1, missed: [] })
    expect(result.terms[0]?.method).toBe('engine')
  })

  it('retries only the damaged segment, in one extra call', async () => {
    const { provider, opts } = options({
      render: (segment, _pair, call) =>
        call.index === 1 && segment.startsWith('Second')
          ? segment.replace(/Zq[a-z]{2}/, '')
          : segment,
    })
    await translateText('First, Xian.\n\nSecond, Xian.\n\nThird.', opts)
    expect(provider.calls).toHaveLength(2)
    expect(provider.calls[1]?.segments).toEqual(['Second, Xian.'])
  })

  test.prop([
    fc.array(fc.constantFrom('keep', 'drop', 'double', 'glue', 'lower'), {
      minLength: 1,
      maxLength: 8,
    }),
    fc.array(
      fc.constantFrom(
        'Xian',
        'Xi’an',
        'the Financial Times',
        '3 yuan',
        'a summit',
        'Temur Umarov',
        'Carnegie Russia\nEurasia Center',
        'Zqaa',
        'said',
        '.',
        '\n\n'
      ),
      { minLength: 1, maxLength: 25 }
    ),
  ])(
    'never leaks a placeholder and reports only what the output contains',
    async (moves, words) => {
      let n = 0
      const { opts } = options({
        render: (segment) =>
          segment.replace(/Zq[a-z]{2}|Qz[a-z]{2}/g, (code) => {
            const move = moves[n++ % moves.length]
            if (move === 'drop') return ''
            if (move === 'double') return `${code} ${code}`
            if (move === 'glue') return `${code}s`
            if (move === 'lower') return code.toLowerCase()
            return code
          }),
      })
      const result = await translateText(words.join(' '), opts)
      expect(result.text).not.toMatch(/\bZq(?!aa\b)[a-z]{2}\b/) // 'Zqaa' was written by the author
      const { expected, applied, missed } = result.terminology
      expect(expected).toBe(applied + missed.length)
      const byTarget = new Map<string, number>()
      for (const term of result.terms) {
        if (term.method !== 'missed')
          byTarget.set(term.target, (byTarget.get(term.target) ?? 0) + 1)
      }
      for (const [target, count] of byTarget) {
        const forms = target === 'yuan' ? ['yuan'] : [target]
        const present = forms.reduce((sum, f) => sum + occurrences(result.text, f), 0)
        expect(present).toBeGreaterThanOrEqual(count)
      }
    }
  )
})

describe('batches', () => {
  it('translates several texts in one engine call, in input order', async () => {
    const { provider, opts } = options()
    const batch = await translateTexts(['The summit.', 'Xian.', ''], opts)
    expect(provider.calls).toHaveLength(1)
    expect(batch.translations.map((t) => t.text)).toEqual(['El cumbre.', "Xi'an.", ''])
    expect(batch.provider).toBe('fake')
  })

  it('fails as a whole when the engine fails: no partial results', async () => {
    const { opts } = options({
      fail: () => new ProviderError('bad_response', 'fake', 'garbage', { retryable: false }),
    })
    await expect(translateTexts(['One.', 'Two.'], opts)).rejects.toMatchObject({
      kind: 'bad_response',
    })
  })
})

describe('provider failure modes', () => {
  it('down: retries once, then fails as unavailable', async () => {
    const { provider, opts } = options({
      fail: () => new ProviderError('unavailable', 'fake', 'connection refused'),
    })
    const error = await translateText('The summit.', opts).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ProviderError)
    expect(provider.calls).toHaveLength(2)
    expect(error).toMatchObject({ kind: 'unavailable', retryable: true })
  })

  it('a transient failure followed by success is invisible to the caller', async () => {
    const waits: number[] = []
    const { provider, opts } = options(
      {
        fail: (call) =>
          call.index === 1
            ? new ProviderError('rate_limited', 'fake', 'slow down', { retryAfterMs: 700 })
            : undefined,
      },
      {
        sleep: async (ms) => {
          waits.push(ms)
        },
      }
    )
    const result = await translateText('The summit.', opts)
    expect(result.text).toBe('El cumbre.')
    expect(provider.calls).toHaveLength(2)
    expect(waits).toEqual([700])
  })

  it('slow: the deadline turns a hanging engine into provider_timeout (504), no retry', async () => {
    const controller = new AbortController()
    const { provider, opts } = options(
      { hang: () => true },
      {
        deadline: (ms) => {
          expect(ms).toBe(1234)
          return controller.signal
        },
        timeoutMs: 1234,
      }
    )
    const pending = translateText('The summit.', opts)
    await Promise.resolve()
    controller.abort(new DOMException('deadline', 'TimeoutError'))
    const error = (await pending.catch((e: unknown) => e)) as ProviderError
    expect(error.kind).toBe('timeout')
    expect(provider.calls).toHaveLength(1)
    expect(error).toMatchObject({ kind: 'timeout' })
  })

  it('an engine that ignores the abort signal still times out', async () => {
    const controller = new AbortController()
    const { opts } = options(
      {},
      {
        provider: {
          name: 'deaf',
          maxSegmentChars: 1000,
          translate: () => new Promise(() => {}),
          languages: async () => ({ sources: [], targets: [] }),
        },
        deadline: () => controller.signal,
      }
    )
    const pending = translateText('Hi.', opts)
    controller.abort()
    await expect(pending).rejects.toMatchObject({ kind: 'timeout', provider: 'deaf' })
  })

  it('the caller cancelling is not reported as an engine timeout', async () => {
    const caller = new AbortController()
    const { opts } = options({ hang: () => true }, { signal: caller.signal })
    const pending = translateText('The summit.', opts)
    caller.abort(new Error('client went away'))
    await expect(pending).rejects.toThrow('client went away')
  })

  it('unsupported pair: not retried, lists the supported targets', async () => {
    const { provider, opts } = options({}, { target: 'fr' })
    const error = (await translateText('The summit.', opts).catch(
      (e: unknown) => e
    )) as ProviderError
    expect(provider.calls).toHaveLength(1)
    expect(error).toMatchObject({
      kind: 'unsupported_pair',
      retryable: false,
      supportedTargets: ['ca', 'es'],
    })
  })

  it('an engine returning the wrong number of segments is a bad response', async () => {
    const { opts } = options(
      {},
      {
        provider: {
          name: 'short',
          maxSegmentChars: 1000,
          translate: async () => [],
          languages: async () => ({ sources: [], targets: [] }),
        },
      }
    )
    await expect(translateText('Hi.', opts)).rejects.toMatchObject({ kind: 'bad_response' })
  })
})
