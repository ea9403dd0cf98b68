import { describe, expect, it } from 'vitest'
import { type AiBinding, createWorkersAiProvider, M2M100_MODEL } from './workers-ai'

const signal = new AbortController().signal

function fakeAi(answer: (inputs: Record<string, unknown>) => unknown): AiBinding & {
  calls: Array<{ model: string; inputs: Record<string, unknown> }>
} {
  const calls: Array<{ model: string; inputs: Record<string, unknown> }> = []
  return {
    calls,
    async run(model, inputs) {
      calls.push({ model, inputs })
      return answer(inputs)
    },
  }
}

describe('workers-ai provider', () => {
  it('calls m2m100 with { text, source_lang, target_lang } per segment, in order', async () => {
    const ai = fakeAi((inputs) => ({ translated_text: `es:${inputs.text}` }))
    const provider = createWorkersAiProvider({ ai })
    const out = await provider.translate(
      ['One.', 'Two.', 'Three.'],
      { source: 'en-GB', target: 'es' },
      signal
    )
    expect(out).toEqual(['es:One.', 'es:Two.', 'es:Three.'])
    expect(ai.calls[0]).toEqual({
      model: M2M100_MODEL,
      inputs: { text: 'One.', source_lang: 'en', target_lang: 'es' },
    })
    expect(ai.calls).toHaveLength(3)
  })

  it('writes Norwegian Bokmål as m2m100 does (no)', async () => {
    const ai = fakeAi(() => ({ translated_text: 'x' }))
    await createWorkersAiProvider({ ai }).translate(['a'], { source: 'nb', target: 'en' }, signal)
    expect(ai.calls[0]?.inputs.source_lang).toBe('no')
  })

  it('rejects pairs outside the model before calling it', async () => {
    const ai = fakeAi(() => ({ translated_text: 'x' }))
    const provider = createWorkersAiProvider({ ai })
    const error = await provider
      .translate(['a'], { source: 'en', target: 'tlh' }, signal)
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'unsupported_pair' })
    expect((error as { supportedTargets: string[] }).supportedTargets).toContain('es')
    expect(ai.calls).toHaveLength(0)
  })

  it('treats an answer without translated_text as a bad response', async () => {
    const provider = createWorkersAiProvider({ ai: fakeAi(() => ({ response: 'hi' })) })
    await expect(
      provider.translate(['a'], { source: 'en', target: 'es' }, signal)
    ).rejects.toMatchObject({
      kind: 'bad_response',
    })
  })

  it('maps binding errors: capacity → rate_limited, others → unavailable', async () => {
    const busy = createWorkersAiProvider({
      ai: fakeAi(() => {
        throw new Error('3040: Capacity temporarily exceeded, please try again.')
      }),
    })
    await expect(
      busy.translate(['a'], { source: 'en', target: 'es' }, signal)
    ).rejects.toMatchObject({
      kind: 'rate_limited',
      retryable: true,
    })
    const broken = createWorkersAiProvider({
      ai: fakeAi(() => {
        throw new Error('network connection lost')
      }),
    })
    await expect(
      broken.translate(['a'], { source: 'en', target: 'es' }, signal)
    ).rejects.toMatchObject({ kind: 'unavailable' })
  })

  it('lists the 100 m2m100 languages, any to any', async () => {
    const support = await createWorkersAiProvider({ ai: fakeAi(() => ({})) }).languages(signal)
    expect(support.sources).toHaveLength(100)
    expect(support.pairs).toBeUndefined()
  })
})
