/**
 * Renders the TypeScript types of the packaged client (`packages/client`) from the API's OpenAPI
 * 3.1 document: one type per component schema and an `Operations` map (per operationId: method,
 * path, path/query/header parameters, request bodies per media type, responses per status).
 *
 * It covers the JSON Schema that `@hono/zod-openapi` writes for our zod schemas (types, enums,
 * `anyOf`/`oneOf`/`allOf`, `$ref` to components, objects with `required` and
 * `additionalProperties`, arrays); anything else fails loudly rather than becoming `unknown`
 * silently, so a new schema feature shows up as a generator error, not as a weaker type.
 *
 * Pure: document in, source text out (the caller writes or compares it).
 *
 * @module
 */

export type JsonSchema = {
  readonly type?: string | readonly string[]
  readonly enum?: readonly unknown[]
  readonly const?: unknown
  readonly anyOf?: readonly JsonSchema[]
  readonly oneOf?: readonly JsonSchema[]
  readonly allOf?: readonly JsonSchema[]
  readonly $ref?: string
  readonly properties?: Readonly<Record<string, JsonSchema>>
  readonly required?: readonly string[]
  readonly additionalProperties?: boolean | JsonSchema
  readonly items?: JsonSchema
  readonly description?: string
  readonly nullable?: boolean
  /** Annotations and constraints (`pattern`, `minimum`…); anything unknown is refused at run time. */
  readonly [keyword: string]: unknown
}

type Parameter = {
  readonly name: string
  readonly in: 'path' | 'query' | 'header' | 'cookie'
  readonly required?: boolean
  readonly description?: string
  readonly schema?: JsonSchema
}

type MediaMap = Readonly<Record<string, { readonly schema?: JsonSchema }>>

type Operation = {
  readonly operationId?: string
  readonly summary?: string
  readonly description?: string
  readonly parameters?: readonly Parameter[]
  readonly requestBody?: { readonly required?: boolean; readonly content?: MediaMap }
  readonly responses?: Readonly<Record<string, { readonly content?: MediaMap }>>
}

export type OpenApiDocument = {
  readonly openapi: string
  readonly info: { readonly title: string; readonly version: string }
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>
  readonly components?: { readonly schemas?: Readonly<Record<string, JsonSchema>> }
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const
/** Schema keywords that only constrain or document a value and do not change its type. */
const ANNOTATIONS = new Set([
  'description',
  'example',
  'examples',
  'default',
  'title',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'uniqueItems',
  'deprecated',
  'readOnly',
  'writeOnly',
])
const KNOWN = new Set([
  ...ANNOTATIONS,
  'type',
  'enum',
  'const',
  'anyOf',
  'oneOf',
  'allOf',
  '$ref',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'nullable',
])

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

function key(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name)
}

function literal(value: unknown): string {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
    return JSON.stringify(value)
  }
  throw new Error(`cannot write ${JSON.stringify(value)} as a literal type`)
}

function doc(text: string | undefined, indent: string): string {
  if (text === undefined || text.trim() === '') return ''
  const lines = text.replaceAll('*/', '*\\/').split('\n')
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`
  return `${indent}/**\n${lines.map((l) => `${indent} *${l === '' ? '' : ` ${l}`}`).join('\n')}\n${indent} */\n`
}

function refName(ref: string): string {
  const match = /^#\/components\/schemas\/([A-Za-z0-9_]+)$/.exec(ref)
  if (!match?.[1]) throw new Error(`unsupported $ref ${ref}`)
  return match[1]
}

function union(parts: readonly string[]): string {
  const unique = [...new Set(parts)]
  if (unique.length === 1) return unique[0] ?? 'never'
  return unique.join(' | ')
}

/** The TypeScript type of a schema, written at `indent` (the indentation of its line). */
export function schemaType(schema: JsonSchema, indent = ''): string {
  for (const k of Object.keys(schema)) {
    if (!KNOWN.has(k)) throw new Error(`unsupported schema keyword "${k}"`)
  }
  const base = baseType(schema, indent)
  return schema.nullable === true ? union([base, 'null']) : base
}

function baseType(schema: JsonSchema, indent: string): string {
  if (schema.$ref !== undefined) return refName(schema.$ref)
  if (schema.const !== undefined) return literal(schema.const)
  if (schema.enum !== undefined) return union(schema.enum.map(literal))
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives !== undefined) {
    return union(alternatives.map((s) => schemaType(s, indent)))
  }
  if (schema.allOf !== undefined) {
    // `{}` beside a reference only annotates it (zod-openapi writes one for a described $ref).
    const parts = schema.allOf.map((s) => nested(s, indent)).filter((t) => t !== 'unknown')
    return parts.length === 0 ? 'unknown' : parts.join(' & ')
  }
  const types = schema.type === undefined ? [] : [schema.type].flat()
  if (types.length === 0) {
    // `{}`: any JSON value (zod's `unknown()`), or an object described only by its properties.
    return schema.properties !== undefined ? objectType(schema, indent) : 'unknown'
  }
  return union(types.map((t) => typeFor(t, schema, indent)))
}

/** Whether the type of `schema` is a union or intersection (to be parenthesized inside another). */
function compound(schema: JsonSchema): boolean {
  if (schema.nullable === true) return true
  if (schema.$ref !== undefined || schema.const !== undefined) return false
  if (schema.enum !== undefined) return schema.enum.length > 1
  const parts = schema.anyOf ?? schema.oneOf ?? schema.allOf
  if (parts !== undefined) return parts.length > 1
  return Array.isArray(schema.type) && schema.type.length > 1
}

function nested(schema: JsonSchema, indent: string): string {
  const type = schemaType(schema, indent)
  return compound(schema) ? `(${type})` : type
}

function typeFor(type: string, schema: JsonSchema, indent: string): string {
  switch (type) {
    case 'string':
      return 'string'
    case 'number':
    case 'integer':
      return 'number'
    case 'boolean':
      return 'boolean'
    case 'null':
      return 'null'
    case 'array': {
      return `${schema.items === undefined ? 'unknown' : nested(schema.items, indent)}[]`
    }
    case 'object':
      return objectType(schema, indent)
    default:
      throw new Error(`unsupported schema type "${type}"`)
  }
}

function objectType(schema: JsonSchema, indent: string): string {
  const inner = `${indent}  `
  const required = new Set(schema.required ?? [])
  const properties = Object.entries(schema.properties ?? {})
  const extra = schema.additionalProperties
  const lines: string[] = []
  for (const [name, property] of properties) {
    const optional = required.has(name) ? '' : '?'
    lines.push(
      `${doc(property.description, inner)}${inner}${key(name)}${optional}: ${schemaType(property, inner)}`
    )
  }
  if (extra !== undefined && extra !== false) {
    // Named properties must fit the index signature, so it is `unknown` beside them.
    const value = extra === true || properties.length > 0 ? 'unknown' : schemaType(extra, inner)
    lines.push(`${inner}[key: string]: ${value}`)
  }
  if (lines.length === 0) return 'Record<string, never>'
  return `{\n${lines.join('\n')}\n${indent}}`
}

/** One body type per media type: JSON gets its schema's type, anything else is text. */
function mediaTypes(content: MediaMap | undefined, indent: string): string {
  const entries = Object.entries(content ?? {})
  if (entries.length === 0) return 'undefined'
  return union(
    entries.map(([media, { schema }]) =>
      isJson(media) && schema !== undefined ? schemaType(schema, indent) : 'string'
    )
  )
}

function isJson(media: string): boolean {
  return media === 'application/json' || media.endsWith('+json')
}

function parameterGroup(params: readonly Parameter[], where: Parameter['in'], indent: string) {
  const group = params.filter((p) => p.in === where)
  if (group.length === 0) return 'Record<string, never>'
  const inner = `${indent}  `
  const lines = group.map(
    (p) =>
      `${doc(p.description ?? p.schema?.description, inner)}${inner}${key(where === 'header' ? p.name.toLowerCase() : p.name)}${p.required === true ? '' : '?'}: ${p.schema ? schemaType(p.schema, inner) : 'string'}`
  )
  return `{\n${lines.join('\n')}\n${indent}}`
}

type OperationEntry = {
  readonly id: string
  readonly method: string
  readonly path: string
  readonly operation: Operation
}

function operations(document: OpenApiDocument): OperationEntry[] {
  const found: OperationEntry[] = []
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method]
      if (operation === undefined) continue
      const id = operation.operationId
      if (id === undefined || !IDENTIFIER.test(id)) {
        throw new Error(
          `${method.toUpperCase()} ${path} needs an operationId that is an identifier`
        )
      }
      found.push({ id, method: method.toUpperCase(), path, operation })
    }
  }
  return found
}

function operationType({ method, path, operation }: OperationEntry): string {
  const i = '    '
  const params = operation.parameters ?? []
  const body = operation.requestBody
  const bodyMedia = Object.keys(body?.content ?? {})
  const responses = Object.entries(operation.responses ?? {})
    .map(([status, r]) => `${i}  ${status}: ${mediaTypes(r.content, `${i}  `)}`)
    .join('\n')
  return [
    `${doc(operation.summary ?? operation.description, '  ')}  ${operation.operationId}: {`,
    `${i}method: ${JSON.stringify(method)}`,
    `${i}path: ${JSON.stringify(path)}`,
    `${i}params: ${parameterGroup(params, 'path', i)}`,
    `${i}query: ${parameterGroup(params, 'query', i)}`,
    `${i}headers: ${parameterGroup(params, 'header', i)}`,
    `${i}/** The request body, by media type (\`never\`: the operation takes none). */`,
    `${i}body: ${
      bodyMedia.length === 0
        ? 'never'
        : `{\n${bodyMedia
            .map(
              (m) =>
                `${i}  ${JSON.stringify(m)}: ${mediaTypes({ [m]: body?.content?.[m] ?? {} }, `${i}  `)}`
            )
            .join('\n')}\n${i}}`
    }`,
    `${i}bodyRequired: ${body?.required === true}`,
    `${i}responses: {\n${responses}\n${i}}`,
    '  }',
  ].join('\n')
}

/** The whole generated module. */
export function renderClientTypes(document: OpenApiDocument, generator: string): string {
  const schemas = Object.entries(document.components?.schemas ?? {})
  const ops = operations(document)
  const out: string[] = [
    `// Generated by ${generator} from the OpenAPI document of ${document.info.title} ${document.info.version}`,
    '// (the same zod schemas the Worker validates with). Do not edit: run `npm run client:generate`;',
    '// `npm run generated:check` fails when this file drifts from the routes.',
    '',
    `/** The API version these types were generated from. */`,
    `export const API_VERSION = ${JSON.stringify(document.info.version)}`,
    '',
  ]
  for (const [name, schema] of schemas) {
    if (!IDENTIFIER.test(name)) throw new Error(`component name "${name}" is not an identifier`)
    out.push(`${doc(schema.description, '')}export type ${name} = ${schemaType(schema)}`, '')
  }
  out.push(
    '/** Every operation of the API, by operationId. */',
    'export type Operations = {',
    ops.map(operationType).join('\n'),
    '}',
    '',
    '/** Method and path template of every operation (used by the client at run time). */',
    'export const OPERATIONS = {',
    ...ops.map(
      (o) => `  ${o.id}: { method: ${JSON.stringify(o.method)}, path: ${JSON.stringify(o.path)} },`
    ),
    '} as const satisfies { readonly [K in keyof Operations]: Pick<Operations[K], "method" | "path"> }',
    ''
  )
  return out.join('\n')
}
