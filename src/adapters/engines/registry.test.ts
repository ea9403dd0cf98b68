import { describe, expect, it } from 'vitest'
import { configuredProviders, resolveProvider } from './registry'

describe('resolveProvider', () => {
  it('defaults to TRANSLATION_PROVIDER, else apertium', () => {
    expect(resolveProvider(undefined, {})).toMatchObject({
      ok: true,
      provider: { name: 'apertium' },
    })
    const ai = { run: async () => ({}) }
    expect(resolveProvider(undefined, { defaultProvider: 'workers-ai', ai })).toMatchObject({
      ok: true,
      provider: { name: 'workers-ai' },
    })
  })

  it('refuses unknown and unconfigured providers, naming the usable ones', () => {
    expect(resolveProvider('google', {})).toEqual({
      ok: false,
      code: 'unknown_provider',
      name: 'google',
      available: ['apertium'],
    })
    expect(resolveProvider('workers-ai', {})).toMatchObject({
      ok: false,
      code: 'provider_not_configured',
    })
    expect(resolveProvider('deepl', { deeplApiKey: '' })).toMatchObject({
      ok: false,
      code: 'provider_not_configured',
    })
  })

  it('lists the providers usable with a configuration', () => {
    expect(configuredProviders({ deeplApiKey: 'k:fx', ai: { run: async () => ({}) } })).toEqual([
      'apertium',
      'workers-ai',
      'deepl',
    ])
  })
})
