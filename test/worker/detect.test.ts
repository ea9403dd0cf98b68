import { describe, it } from 'vitest'
import { LANGUAGE_SAMPLES } from '../fixtures/articles'
import { expectStatus, postJson } from './helpers'

type Detection = {
  language: string
  iso639_3: string
  script: string
  confidence: number
  reliable: boolean
  alternatives: { language: string; confidence: number }[]
}

describe('POST /v1/detect', () => {
  it.for(Object.entries(LANGUAGE_SAMPLES))(
    'detects %s article prose',
    async ([language, text], { expect }) => {
      const body = (await expectStatus(await postJson('/v1/detect', { text }), 200)) as Detection
      expect(body.language).toBe(language)
      expect(body.confidence).toBeGreaterThanOrEqual(0)
      expect(body.confidence).toBeLessThanOrEqual(1)
      expect(Object.keys(body).sort()).toEqual(
        ['alternatives', 'confidence', 'iso639_3', 'language', 'reliable', 'script'].sort()
      )
    }
  )

  it('answers und for text without enough letters', async ({ expect }) => {
    for (const text of ['12345 678', '!!', 'a']) {
      const body = (await expectStatus(await postJson('/v1/detect', { text }), 200)) as Detection
      expect(body).toMatchObject({ language: 'und', reliable: false, confidence: 0 })
    }
  })

  it('restricts candidates to the hints', async ({ expect }) => {
    const text = LANGUAGE_SAMPLES.es as string
    const body = (await expectStatus(
      await postJson('/v1/detect', { text, hints: ['pt', 'it'] }),
      200
    )) as Detection
    expect(['pt', 'it']).toContain(body.language)
  })

  it('answers 304 to If-None-Match with the ETag of the same result', async ({ expect }) => {
    const first = await postJson('/v1/detect', { text: LANGUAGE_SAMPLES.fr })
    const etag = first.headers.get('etag') ?? ''
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
    const again = await postJson(
      '/v1/detect',
      { text: LANGUAGE_SAMPLES.fr },
      { 'if-none-match': etag }
    )
    expect(again.status).toBe(304)
  })
})
