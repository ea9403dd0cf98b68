import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp } from '../app'
import { isWarmUpEnv, WARM_UP_PASSES, warmUpHttp } from './warm-up'

describe('warmUpHttp', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('takes the paths of a first request: computed, cached, refused, detected, unauthenticated, health', async () => {
    const statuses = await warmUpHttp(createApp().fetch)
    const pass = [200, 200, 422, 200, 401, 200]
    expect(statuses).toEqual(Array.from({ length: WARM_UP_PASSES }, () => pass).flat())
  })

  it('never rejects or logs when the runtime refuses to make a Response (Workers at startup)', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const logs = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    let attempts = 0
    vi.stubGlobal(
      'Response',
      class {
        constructor() {
          attempts++
          throw new Error('Disallowed operation called within global scope.')
        }
      }
    )
    const statuses = await warmUpHttp(createApp().fetch)
    expect(statuses).toEqual(Array(6 * WARM_UP_PASSES).fill(0))
    // Each request ran to its answer before failing there.
    expect(attempts).toBeGreaterThanOrEqual(statuses.length)
    expect(errors).not.toHaveBeenCalled()
    expect(logs).not.toHaveBeenCalled()
  })

  it('marks only its own env', () => {
    expect(isWarmUpEnv({})).toBe(false)
    expect(isWarmUpEnv(undefined)).toBe(false)
  })
})
