import { describe, it } from 'vitest'
import { call, expectStatus } from './helpers'

describe('GET /health', () => {
  it('reports ok and the version', async ({ expect }) => {
    const res = await call('/health')
    expect(await expectStatus(res, 200)).toEqual({ status: 'ok', version: expect.any(String) })
    expect(res.headers.get('x-request-id')).toBeTruthy()
  })
})

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document describing every route and its problems', async ({ expect }) => {
    const doc = (await expectStatus(await call('/openapi.json'), 200)) as {
      openapi: string
      paths: Record<
        string,
        Record<string, { operationId: string; responses: Record<string, unknown> }>
      >
      components: { schemas: Record<string, unknown> }
    }
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/health', '/v1/detect', '/v1/summarize'])
    )
    const summarize = doc.paths['/v1/summarize']?.post
    expect(summarize?.operationId).toBe('summarize')
    expect(Object.keys(summarize?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '400', '413', '415', '422'])
    )
    expect(doc.components.schemas).toHaveProperty('Problem')
    expect(doc.components.schemas).toHaveProperty('SummarizeResponse')
  })
})

describe('GET /problems/{slug}', () => {
  it('documents each problem type that error responses point to', async ({ expect }) => {
    const body = (await expectStatus(await call('/problems/invalid-request'), 200)) as Record<
      string,
      unknown
    >
    expect(body).toMatchObject({ code: 'invalid_request', status: 422, title: 'Invalid request' })
  })
})
