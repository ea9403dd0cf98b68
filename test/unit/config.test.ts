import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../../src/config'

describe('parseConfig: translation', () => {
  it('defaults to Apertium on loopback with a 10 s deadline and no DeepL', () => {
    expect(parseConfig({}).translation).toEqual({
      defaultProvider: 'apertium',
      apertiumUrl: 'http://127.0.0.1:2737',
      timeoutMs: 10_000,
      deeplApiKey: undefined,
    })
  })

  it('reads every variable, trimming blanks and trailing slashes', () => {
    const config = parseConfig({
      TRANSLATION_PROVIDER: 'workers-ai',
      APERTIUM_URL: 'https://apy.example.org/apy/',
      TRANSLATION_TIMEOUT_MS: '2500',
      DEEPL_API_KEY: '  secret:fx ',
    })
    expect(config.translation).toEqual({
      defaultProvider: 'workers-ai',
      apertiumUrl: 'https://apy.example.org/apy',
      timeoutMs: 2500,
      deeplApiKey: 'secret:fx',
    })
    expect(parseConfig({ DEEPL_API_KEY: ' ' }).translation.deeplApiKey).toBeUndefined()
  })

  it.each([
    ['TRANSLATION_PROVIDER', 'google'],
    ['APERTIUM_URL', 'localhost:2737'],
    ['APERTIUM_URL', 'ftp://apy.example.org'],
    ['TRANSLATION_TIMEOUT_MS', '50'],
    ['TRANSLATION_TIMEOUT_MS', 'ten'],
  ])('refuses %s=%s, naming the variable but not a secret', (name, value) => {
    expect(() => parseConfig({ [name]: value, DEEPL_API_KEY: 'do-not-leak' })).toThrow(ConfigError)
    try {
      parseConfig({ [name]: value, DEEPL_API_KEY: 'do-not-leak' })
    } catch (error) {
      expect((error as Error).message).toContain(name)
      expect((error as Error).message).not.toContain('do-not-leak')
    }
  })
})
