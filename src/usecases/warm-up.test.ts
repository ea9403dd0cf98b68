import { describe, expect, it } from 'vitest'
import { BUNDLED_GLOSSARIES } from '../glossary/bundled.generated'
import { summarize } from '../summarize/summarize'
import { runWarmUpCalls } from './warm-up'

describe('isolate warm-up', () => {
  it('runs the detect and summarize calls of a request on texts it detects correctly', () => {
    const { languages, rendered } = runWarmUpCalls()
    // a warm-up that silently did nothing (wrong language, no glossary, empty summaries) would
    // leave the first request to pay the compilation again
    expect(languages).toEqual(['ru', 'zh', 'fr', 'en'])
    expect(BUNDLED_GLOSSARIES.length).toBeGreaterThan(0)
    expect(rendered).toBeGreaterThan(0)
  })

  it('changes no later output', () => {
    const text =
      'Rail freight between the two ports doubled last year. Officials expect further growth. ' +
      'New customs rules start in March. Traders welcomed the change.'
    const before = JSON.stringify(summarize(text, { language: 'en', lengths: ['short', 'long'] }))
    runWarmUpCalls()
    expect(JSON.stringify(summarize(text, { language: 'en', lengths: ['short', 'long'] }))).toBe(
      before
    )
  })
})
