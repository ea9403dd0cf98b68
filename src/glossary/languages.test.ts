import { describe, expect, it } from 'vitest'
import { canonicalLanguage, resolveColumn } from './languages'

describe('canonicalLanguage', () => {
  it.each([
    ['en', 'en'],
    ['EN', 'en'],
    ['zh-hans', 'zh-Hans'],
    ['pt-br', 'pt-BR'],
    ['iw', 'he'],
    ['yue', 'yue'],
  ])('accepts %s as %s', (raw, code) => {
    expect(canonicalLanguage(raw)).toEqual({ ok: true, code })
  })

  it.each(['kind', 'english', 'xx', 'und', 'en_US', '', 'qaa'])('refuses %j', (raw) => {
    expect(canonicalLanguage(raw).ok).toBe(false)
  })
})

describe('resolveColumn', () => {
  it('prefers the exact code, then the primary language', () => {
    expect(resolveColumn(['en', 'pt-BR', 'pt'], 'pt')).toBe('pt')
    expect(resolveColumn(['en', 'pt-BR'], 'pt-PT')).toBe('pt-BR')
    expect(resolveColumn(['en', 'zh-Hans'], 'zh')).toBe('zh-Hans')
    expect(resolveColumn(['en'], 'de')).toBeUndefined()
  })
})
