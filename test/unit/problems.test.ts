/** The one table at the edge: engine failures → use-case codes → statuses. */
import { describe, expect, it } from 'vitest'
import { fromUseCaseError, PROBLEMS } from '../../src/http/problem'
import { ProviderError, type ProviderErrorKind } from '../../src/translate/errors'
import { engineError, UseCaseError } from '../../src/usecases/errors'

describe('engine failures at the edge', () => {
  it.for<[ProviderErrorKind, string, number]>([
    ['unavailable', 'provider_unavailable', 502],
    ['bad_response', 'provider_bad_response', 502],
    ['rate_limited', 'provider_rate_limited', 503],
    ['timeout', 'provider_timeout', 504],
    ['unsupported_pair', 'unsupported_language_pair', 422],
  ])('%s → %s (%i)', ([kind, code, status]) => {
    const error = engineError(new ProviderError(kind, 'fake', 'It failed.'))
    expect(error.code).toBe(code)
    expect(fromUseCaseError(error).status).toBe(status)
    expect(error.extensions).toMatchObject({ provider: 'fake' })
  })

  it('keeps the supported targets of an unsupported pair and names them in the detail', () => {
    const error = engineError(
      new ProviderError('unsupported_pair', 'fake', 'No en→fr.', { supportedTargets: ['ca', 'es'] })
    )
    expect(error.extensions).toMatchObject({ supportedTargets: ['ca', 'es'] })
    expect(error.detail).toContain('ca, es')
    expect(error.retryable).toBe(false)
  })

  it('turns an engine’s retry hint into Retry-After seconds', () => {
    const error = engineError(
      new ProviderError('rate_limited', 'fake', 'Slow down.', { retryAfterMs: 2500 })
    )
    expect(fromUseCaseError(error).options.headers).toEqual({ 'Retry-After': '3' })
  })

  it('has a status and title for every use-case code', () => {
    const error = new UseCaseError('unknown_glossary', 'No glossary.', {
      fields: [{ pointer: '#/glossary', message: 'no glossary' }],
    })
    expect(fromUseCaseError(error).status).toBe(PROBLEMS.unknown_glossary.status)
    expect(fromUseCaseError(error).options.errors).toEqual([
      { pointer: '#/glossary', message: 'no glossary' },
    ])
  })
})
