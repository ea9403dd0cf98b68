import { describe, expect, it } from 'vitest'
import { canonicalOrigin, forbiddenScopes, isScope, originAllowed } from './scopes'

describe('scopes', () => {
  it('lets secret keys hold any scope and publishable keys only detect and summarize', () => {
    expect(forbiddenScopes('secret', ['translate', 'glossaries:write'])).toEqual([])
    expect(forbiddenScopes('publishable', ['detect', 'summarize'])).toEqual([])
    expect(forbiddenScopes('publishable', ['detect', 'translate', 'glossaries:read'])).toEqual([
      'translate',
      'glossaries:read',
    ])
  })

  it('knows the five scopes and nothing else', () => {
    expect(isScope('glossaries:write')).toBe(true)
    expect(isScope('glossary:write')).toBe(false)
    expect(isScope('admin')).toBe(false)
  })
})

describe('origins', () => {
  it('canonicalizes origins the way browsers send them', () => {
    expect(canonicalOrigin('https://CMS.Example.com')).toBe('https://cms.example.com')
    expect(canonicalOrigin('https://cms.example.com:443')).toBe('https://cms.example.com')
    expect(canonicalOrigin('http://localhost:5173')).toBe('http://localhost:5173')
    expect(canonicalOrigin('https://cms.example.com/')).toBe('https://cms.example.com')
  })

  it('refuses what is not an origin', () => {
    for (const bad of [
      'cms.example.com',
      'https://cms.example.com/editor',
      'https://cms.example.com?x=1',
      'ftp://cms.example.com',
      'https://user@cms.example.com',
      'null',
      '*',
    ]) {
      expect(canonicalOrigin(bad), bad).toBeUndefined()
    }
  })

  it('allows only listed origins, exactly, and never a missing Origin', () => {
    const list = ['https://cms.example.com']
    expect(originAllowed(list, 'https://cms.example.com')).toBe(true)
    expect(originAllowed(list, 'https://CMS.example.com')).toBe(true)
    expect(originAllowed(list, 'https://evil.example.com')).toBe(false)
    expect(originAllowed(list, 'https://cms.example.com.evil.test')).toBe(false)
    expect(originAllowed(list, 'http://cms.example.com')).toBe(false)
    expect(originAllowed(list, 'null')).toBe(false)
    expect(originAllowed(list, undefined)).toBe(false)
  })
})
