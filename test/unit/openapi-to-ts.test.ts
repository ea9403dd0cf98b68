import { describe, expect, it } from 'vitest'
import { renderClientTypes, schemaType } from '../../scripts/client/openapi-to-ts'

describe('schemaType (JSON Schema → TypeScript for the packaged client)', () => {
  it('writes scalars, enums, nullable types and references', () => {
    expect(schemaType({ type: 'string' })).toBe('string')
    expect(schemaType({ type: 'integer', minimum: 1 })).toBe('number')
    expect(schemaType({ type: 'string', enum: ['a', 'b'] })).toBe('"a" | "b"')
    expect(schemaType({ type: ['string', 'null'] })).toBe('string | null')
    expect(schemaType({ $ref: '#/components/schemas/Problem' })).toBe('Problem')
  })

  it('parenthesizes a union that becomes an array item', () => {
    expect(schemaType({ type: 'array', items: { type: ['string', 'null'] } })).toBe(
      '(string | null)[]'
    )
    expect(
      schemaType({
        type: 'array',
        items: { anyOf: [{ type: 'string', enum: ['short'] }, { $ref: '#/components/schemas/B' }] },
      })
    ).toBe('("short" | B)[]')
  })

  it('marks properties optional unless required, and keeps additionalProperties', () => {
    const type = schemaType({
      type: 'object',
      properties: { id: { type: 'string' }, 'x-y': { type: 'number', description: 'A */ B' } },
      required: ['id'],
      additionalProperties: {},
    })
    expect(type).toBe(
      '{\n  id: string\n  /** A *\\/ B */\n  "x-y"?: number\n  [key: string]: unknown\n}'
    )
    expect(schemaType({ type: 'object', additionalProperties: { type: 'number' } })).toBe(
      '{\n  [key: string]: number\n}'
    )
  })

  it('drops the annotation-only member of an allOf (a described $ref)', () => {
    expect(
      schemaType({ allOf: [{ $ref: '#/components/schemas/Problem' }, { description: 'x' }] })
    ).toBe('Problem')
  })

  it('refuses what it does not understand instead of weakening the type', () => {
    expect(() => schemaType({ not: { type: 'string' } })).toThrow(
      /unsupported schema keyword "not"/
    )
    expect(() => schemaType({ $ref: 'https://elsewhere/schema' })).toThrow(/unsupported \$ref/)
  })
})

describe('renderClientTypes', () => {
  const document = {
    openapi: '3.1.0',
    info: { title: 'Test API', version: '1.2.3' },
    paths: {
      '/v1/things/{id}': {
        get: {
          operationId: 'getThing',
          parameters: [
            { name: 'id', in: 'path' as const, required: true, schema: { type: 'string' } },
            {
              name: 'format',
              in: 'query' as const,
              schema: { type: 'string', enum: ['json', 'tsv'] },
            },
          ],
          responses: {
            '200': {
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/Thing' } },
                'text/tab-separated-values': { schema: { type: 'string' } },
              },
            },
            '404': { content: { 'application/problem+json': { schema: { type: 'object' } } } },
          },
        },
      },
    },
    components: { schemas: { Thing: { type: 'object', properties: { id: { type: 'string' } } } } },
  }

  it('writes each component, the Operations map and the runtime table', () => {
    const source = renderClientTypes(document, 'the test')
    expect(source).toContain('export const API_VERSION = "1.2.3"')
    expect(source).toContain('export type Thing = {\n  id?: string\n}')
    expect(source).toContain('    params: {\n      id: string\n    }')
    expect(source).toContain('      format?: "json" | "tsv"')
    expect(source).toContain('      200: Thing | string')
    expect(source).toContain('    body: never')
    expect(source).toContain('  getThing: { method: "GET", path: "/v1/things/{id}" },')
  })

  it('needs an operationId on every operation', () => {
    const { operationId: _, ...anonymous } = document.paths['/v1/things/{id}'].get
    expect(() =>
      renderClientTypes({ ...document, paths: { '/x': { get: anonymous } } }, 'the test')
    ).toThrow(/needs an operationId/)
  })
})
