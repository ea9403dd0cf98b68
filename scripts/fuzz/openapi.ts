/**
 * The slice of an OpenAPI 3.1 document the fuzzer reads: operations, their parameters and JSON
 * request bodies, with `$ref`s resolved against `components.schemas`.
 *
 * @module
 */

/** A JSON Schema node as `@hono/zod-openapi` writes it (only the keywords the fuzzer uses). */
export type Schema = {
  readonly $ref?: string
  readonly type?: string | readonly string[]
  readonly enum?: readonly unknown[]
  readonly anyOf?: readonly Schema[]
  readonly oneOf?: readonly Schema[]
  readonly properties?: Readonly<Record<string, Schema>>
  readonly required?: readonly string[]
  readonly additionalProperties?: boolean | Schema
  readonly items?: Schema
  readonly minItems?: number
  readonly maxItems?: number
  readonly minLength?: number
  readonly maxLength?: number
  readonly minimum?: number
  readonly maximum?: number
  readonly pattern?: string
  readonly default?: unknown
}

export type Parameter = {
  readonly name: string
  readonly in: 'path' | 'query' | 'header' | 'cookie'
  readonly required?: boolean
  readonly schema: Schema
}

export type Operation = {
  readonly method: string
  /** The path template, e.g. `/v1/glossaries/{id}`. */
  readonly path: string
  readonly parameters: readonly Parameter[]
  /** Media type → schema of the request body, when the operation takes one. */
  readonly body: ReadonlyMap<string, Schema>
}

type Document = {
  readonly paths: Record<string, Record<string, RawOperation>>
  readonly components?: { readonly schemas?: Record<string, Schema> }
}

type RawOperation = {
  readonly parameters?: readonly Parameter[]
  readonly requestBody?: { readonly content?: Record<string, { readonly schema?: Schema }> }
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options'])

/** Every operation of the document, with `$ref`s inlined (the API's schemas are not recursive). */
export function operationsOf(doc: unknown): Operation[] {
  const document = doc as Document
  const schemas = document.components?.schemas ?? {}
  const resolve = (schema: Schema, seen: readonly string[] = []): Schema => {
    if (schema.$ref !== undefined) {
      const name = schema.$ref.replace('#/components/schemas/', '')
      const target = schemas[name]
      if (target === undefined || seen.includes(name)) return {}
      return resolve(target, [...seen, name])
    }
    const out: Record<string, unknown> = { ...schema }
    if (schema.anyOf) out.anyOf = schema.anyOf.map((s) => resolve(s, seen))
    if (schema.oneOf) out.oneOf = schema.oneOf.map((s) => resolve(s, seen))
    if (schema.items) out.items = resolve(schema.items, seen)
    if (schema.properties) {
      out.properties = Object.fromEntries(
        Object.entries(schema.properties).map(([k, v]) => [k, resolve(v, seen)])
      )
    }
    if (typeof schema.additionalProperties === 'object') {
      out.additionalProperties = resolve(schema.additionalProperties, seen)
    }
    return out as Schema
  }

  const operations: Operation[] = []
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!METHODS.has(method)) continue
      const body = new Map<string, Schema>()
      for (const [mediaType, content] of Object.entries(raw.requestBody?.content ?? {})) {
        body.set(mediaType, resolve(content.schema ?? {}))
      }
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: (raw.parameters ?? []).map((p) => ({ ...p, schema: resolve(p.schema) })),
        body,
      })
    }
  }
  return operations
}

/** The types a schema node allows (`undefined` when it says nothing). */
export function typesOf(schema: Schema): readonly string[] | undefined {
  if (schema.type === undefined) return undefined
  return typeof schema.type === 'string' ? [schema.type] : schema.type
}
