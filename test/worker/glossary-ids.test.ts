/**
 * One rule for glossary ids on every route that takes one, in bodies and in paths: a malformed
 * id is a 4xx problem naming the field, checked before any storage sees it (a lone surrogate
 * used to reach KV and come back as a 500).
 */
import { describe, it } from 'vitest'
import { call, postJson } from './helpers'

const ADMIN = { authorization: 'Bearer test-admin-token' }
const TEXT = 'The first summit of the group was held in Xian, the ancient capital of China.'

type Problem = { status: number; code: string; errors?: { pointer: string; message: string }[] }

/** Ids as a JSON body carries them. */
const BODY_IDS: [string, string][] = [
  ['a lone surrogate', '\ud800'],
  ['too long', 'a'.repeat(65)],
  ['uppercase', 'News-Central-Asia'],
  ['a slash', 'news/central-asia'],
  ['a dot-dot', '..'],
  ['an encoded dot', '%2e%2e'],
]

/**
 * Ids as a path segment carries them (already percent-encoded). `named`: the segment reaches the
 * route, so the problem must name `#/id`; otherwise URL parsing resolves it away (`..`,
 * `%2e%2e` are dot segments) and the answer is still a 4xx problem, never the glossary.
 */
const PATH_IDS: [string, string, boolean][] = [
  ['a lone surrogate (as UTF-8 bytes)', '%ED%A0%80', true],
  ['too long', 'a'.repeat(65), true],
  ['uppercase', 'News-Central-Asia', true],
  ['an encoded slash', 'news%2Fcentral-asia', true],
  ['a dot-dot inside', 'news..asia', true],
  ['an encoded dot inside', 'news%2easia', true],
  ['a double-encoded dot-dot', '%252e%252e', true],
  ['a dot-dot segment', '..', false],
  ['an encoded dot-dot segment', '%2e%2e', false],
]

async function expectProblem(res: Response, pointer: string | undefined): Promise<Problem> {
  const text = await res.text()
  if (res.status < 400 || res.status >= 500) {
    throw new Error(`expected a 4xx, got ${res.status}: ${text.slice(0, 400)}`)
  }
  if (!res.headers.get('content-type')?.startsWith('application/problem+json')) {
    throw new Error(`expected problem+json, got ${res.headers.get('content-type')}`)
  }
  const body = JSON.parse(text) as Problem
  if (pointer !== undefined) {
    if (res.status !== 422 || body.code !== 'invalid_request') {
      throw new Error(`expected 422 invalid_request, got ${res.status}: ${text.slice(0, 400)}`)
    }
    if (!body.errors?.some((e) => e.pointer === pointer)) {
      throw new Error(`expected an error at ${pointer}: ${text.slice(0, 400)}`)
    }
  }
  return body
}

describe('glossary ids in request bodies', () => {
  it.for(BODY_IDS)('POST /v1/summarize refuses %s', async ([, id]) => {
    await expectProblem(await postJson('/v1/summarize', { text: TEXT, glossary: id }), '#/glossary')
  })

  it.for(BODY_IDS)('POST /v1/translate refuses %s', async ([, id]) => {
    const res = await postJson('/v1/translate', { text: TEXT, target: 'es', glossary: id })
    await expectProblem(res, '#/glossary')
  })
})

describe('glossary ids in paths', () => {
  it.for(PATH_IDS)('GET /v1/glossaries/{id} refuses %s', async ([, segment, named]) => {
    const pointer = named ? '#/id' : undefined
    await expectProblem(await call(`/v1/glossaries/${segment}`), pointer)
    await expectProblem(await call(`/v1/glossaries/${segment}?format=tbx`), pointer)
  })

  it.for(PATH_IDS)('POST /v1/glossaries/{id}/check refuses %s', async ([, segment, named]) => {
    const res = await postJson(`/v1/glossaries/${segment}/check`, { text: TEXT, language: 'en' })
    await expectProblem(res, named ? '#/id' : undefined)
  })

  it.for(PATH_IDS)('PUT /v1/glossaries/{id} refuses %s', async ([, segment, named]) => {
    const res = await call(`/v1/glossaries/${segment}`, {
      method: 'PUT',
      headers: { 'content-type': 'text/tab-separated-values', ...ADMIN },
      body: 'en\tes\nsummit\tcumbre\n',
    })
    await expectProblem(res, named ? '#/id' : undefined)
  })

  it.for(PATH_IDS)('DELETE /v1/glossaries/{id} refuses %s', async ([, segment, named]) => {
    const res = await call(`/v1/glossaries/${segment}`, { method: 'DELETE', headers: ADMIN })
    await expectProblem(res, named ? '#/id' : undefined)
  })

  it.for(PATH_IDS.filter(([, , named]) => named))(
    'PUT and DELETE check the token before the id (%s without a token is 401)',
    async ([, segment], { expect }) => {
      const put = await call(`/v1/glossaries/${segment}`, {
        method: 'PUT',
        headers: { 'content-type': 'text/tab-separated-values' },
        body: 'en\tes\nsummit\tcumbre\n',
      })
      expect((await expectProblem(put, undefined)).code).toBe('unauthorized')
      const del = await call(`/v1/glossaries/${segment}`, { method: 'DELETE' })
      expect((await expectProblem(del, undefined)).code).toBe('unauthorized')
    }
  )
})
