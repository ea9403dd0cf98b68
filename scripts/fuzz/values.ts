/**
 * JSON values from a schema: valid ones (within every bound the schema states) and mutants that
 * break exactly one thing — a wrong type, a bound, an enum or pattern, a missing required field,
 * an unknown field — or carry Unicode torture in one string (value or key).
 *
 * Strings get realistic content when the property name says what it holds (`text`, `language`,
 * `glossary`…) so valid requests reach the deep code paths, not only the validator.
 *
 * @module
 */
import fc from 'fast-check'
import { type Schema, typesOf } from './openapi'
import { tortureString } from './torture'

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Path = readonly (string | number)[]

const SENTENCES = [
  "Xi'an hosted the first China–Central Asia summit in 2023.",
  'The leaders of Kazakhstan and Tajikistan met in Xian on Thursday.',
  'Temur Umarov, a researcher at the Carnegie Russia Eurasia Center, told the FT.',
  'Trade along the Silk Road grew by a fifth last year, officials said.',
  'El presidente de Kazajistán llegó a Xi’an el jueves por la tarde.',
  'Los ministros firmaron siete acuerdos de cooperación energética.',
  '习近平在西安会见了哈萨克斯坦总统。',
  '丝路。中亚五国领导人出席峰会。',
  'Си Цзиньпин встретился с президентом Казахстана в Сиане.',
  'Le sommet Chine–Asie centrale s’est tenu à Xi’an.',
  'Die Gipfelteilnehmer trafen sich in Xi’an.',
  '1. 2. 3. 4.',
  'Mr. Smith (U.S.A.) said: “It’s 3.5% — not 4%.”',
  '',
]
const LANGUAGES = ['en', 'es', 'zh', 'ru', 'fr', 'de', 'ca', 'und', 'xx', 'en-US', 'zh-Hans']
const GLOSSARY_IDS = ['news-central-asia', 'fuzz-a', 'fuzz-b', 'no-such-glossary']

/** Realistic strings for properties whose name says what they hold. */
function namedString(name: string | undefined): fc.Arbitrary<string> | undefined {
  switch (name) {
    case 'text':
    case 'q':
      return fc
        .array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 12 })
        .map((parts) => parts.join(' '))
    case 'title':
      return fc.constantFrom(...SENTENCES.slice(0, 6))
    case 'language':
    case 'source':
    case 'target':
    case 'hints':
    case 'translate':
    case 'languages':
      return fc.constantFrom(...LANGUAGES)
    case 'glossary':
    case 'id':
      return fc.constantFrom(...GLOSSARY_IDS)
    default:
      return undefined
  }
}

/** A string of exactly `length` UTF-16 units (long ones are built by repetition, not by sampling). */
export function stringOfLength(length: number, unit = 'a'): string {
  if (length <= 0) return ''
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length)
}

/** Valid values of `schema`. `name` is the property (or parameter) the value is for. */
export function validValue(schema: Schema, name?: string, depth = 0): fc.Arbitrary<Json> {
  if (schema.enum !== undefined) return fc.constantFrom(...(schema.enum as Json[]))
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives !== undefined && alternatives.length > 0) {
    return fc.oneof(...alternatives.map((s) => validValue(s, name, depth)))
  }
  const types = typesOf(schema)
  if (types === undefined) {
    return depth > 2 ? fc.constant(null) : (fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>)
  }
  return fc.oneof(...types.map((t) => validOfType(t, schema, name, depth)))
}

function validOfType(type: string, schema: Schema, name: string | undefined, depth: number) {
  switch (type) {
    case 'null':
      return fc.constant(null)
    case 'boolean':
      return fc.boolean()
    case 'integer':
      return fc.integer({
        min: schema.minimum ?? -1_000_000,
        max: schema.maximum ?? 1_000_000,
      })
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1e9,
        max: schema.maximum ?? 1e9,
        noNaN: true,
        noDefaultInfinity: true,
      })
    case 'string':
      return validString(schema, name)
    case 'array': {
      const min = schema.minItems ?? 0
      const max = Math.min(schema.maxItems ?? 6, Math.max(min, 6))
      const items = validValue(schema.items ?? {}, name, depth + 1)
      return fc.oneof(
        { weight: 6, arbitrary: fc.array(items, { minLength: min, maxLength: max }) },
        // The bound itself, when it is small enough to build.
        ...(schema.maxItems !== undefined && schema.maxItems <= 100
          ? [
              {
                weight: 1,
                arbitrary: fc.array(items, {
                  minLength: schema.maxItems,
                  maxLength: schema.maxItems,
                }),
              },
            ]
          : [])
      )
    }
    case 'object':
      return validObject(schema, depth)
    default:
      return fc.constant(null)
  }
}

function validString(schema: Schema, name: string | undefined): fc.Arbitrary<Json> {
  const min = schema.minLength ?? 0
  const max = schema.maxLength
  const fits = (s: string) => s.length >= min && (max === undefined || s.length <= max)
  const options: fc.Arbitrary<string>[] = []
  if (schema.pattern !== undefined) {
    const pattern = new RegExp(schema.pattern, 'u')
    options.push(fc.stringMatching(pattern).filter(fits))
    const named = namedString(name)
    if (named) options.push(named.filter((s) => pattern.test(s) && fits(s)))
    return fc.oneof(...options)
  }
  const named = namedString(name)
  const weighted: fc.WeightedArbitrary<string>[] = []
  if (named) weighted.push({ weight: 6, arbitrary: named.filter(fits) })
  weighted.push({
    weight: 3,
    arbitrary: fc
      .string({ minLength: min, maxLength: Math.min(max ?? 40, 40), unit: 'grapheme' })
      .filter(fits),
  })
  // Exactly at the bound, now and then: the longest string the schema accepts.
  if (max !== undefined) {
    weighted.push({ weight: 1, arbitrary: fc.constant(stringOfLength(max, 'Xi’an news. ')) })
  }
  return fc.oneof(...weighted)
}

function validObject(schema: Schema, depth: number): fc.Arbitrary<Json> {
  const properties = schema.properties ?? {}
  const required = new Set(schema.required ?? [])
  const model: Record<string, fc.Arbitrary<Json>> = {}
  for (const [key, propertySchema] of Object.entries(properties)) {
    model[key] = validValue(propertySchema, key, depth + 1)
  }
  const record = fc.record(model, { requiredKeys: [...required] as never[] }) as fc.Arbitrary<
    Record<string, Json>
  >
  if (typeof schema.additionalProperties === 'object' && depth < 4) {
    const extra = fc.dictionary(
      fc.constantFrom(...LANGUAGES),
      validValue(schema.additionalProperties, undefined, depth + 1),
      { maxKeys: 4 }
    )
    return fc.tuple(record, extra).map(([a, b]) => ({ ...b, ...a }))
  }
  return record
}

/** Where a mutation may apply: a position in the value and the schema it must follow there. */
type Site = {
  readonly path: Path
  readonly schema: Schema
  /** Required properties of the object at `path` (for "missing required field"). */
  readonly requiredHere: readonly string[]
}

function sitesOf(value: Json, schema: Schema, path: Path = []): Site[] {
  const sites: Site[] = [{ path, schema, requiredHere: schema.required ?? [] }]
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives !== undefined) {
    // Follow the first alternative whose type matches the value.
    const match = alternatives.find((s) => typeMatches(value, s))
    if (match) sites.push(...sitesOf(value, match, path).slice(1))
    return sites
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) => {
      sites.push(...sitesOf(item, schema.items as Schema, [...path, i]))
    })
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, item] of Object.entries(value)) {
      const propertySchema =
        schema.properties?.[key] ??
        (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined)
      if (propertySchema) sites.push(...sitesOf(item, propertySchema, [...path, key]))
    }
  }
  return sites
}

function typeMatches(value: Json, schema: Schema): boolean {
  if (schema.enum) return schema.enum.includes(value)
  const types = typesOf(schema)
  if (types === undefined) return true
  return types.some(
    (t) => jsonType(value) === t || (t === 'number' && jsonType(value) === 'integer')
  )
}

function jsonType(value: Json): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

/** One change that makes a valid value invalid at `site` (a function of the old value there). */
type Mutation = { readonly label: string; readonly apply: (old: Json) => Json | typeof DELETE }
const DELETE = Symbol('delete')

const OTHER_TYPES: readonly Json[] = [
  null,
  true,
  0,
  -1,
  1.5,
  '',
  'x',
  [],
  {},
  [null],
  { text: 'nested' },
  1e308,
  -0,
  2 ** 53 + 1,
]

function mutationsFor(site: Site, value: Json): fc.Arbitrary<Mutation> {
  const s = site.schema
  const options: Mutation[] = []
  for (const other of OTHER_TYPES) {
    if (!typeMatches(other, s)) {
      options.push({ label: `type:${jsonType(other)}`, apply: () => other })
    }
  }
  const { maxLength, minLength, minimum, maximum, maxItems } = s
  if (maxLength !== undefined) {
    options.push({ label: 'maxLength+1', apply: () => stringOfLength(maxLength + 1, 'ab ') })
  }
  if (minLength !== undefined && minLength > 0) {
    options.push({ label: 'minLength-1', apply: () => stringOfLength(minLength - 1) })
  }
  if (minimum !== undefined) {
    options.push({ label: 'minimum-1', apply: () => minimum - 1 })
    options.push({ label: 'minimum-0.5', apply: () => minimum - 0.5 })
  }
  if (maximum !== undefined) {
    options.push({ label: 'maximum+1', apply: () => maximum + 1 })
    options.push({ label: 'huge', apply: () => 1e300 })
  }
  if (typesOf(s)?.includes('integer')) options.push({ label: 'fraction', apply: () => 2.5 })
  if (maxItems !== undefined && s.items) {
    const filler = Array.isArray(value) && value.length > 0 ? value[0] : null
    options.push({
      label: 'maxItems+1',
      apply: () => Array.from({ length: maxItems + 1 }, () => filler as Json),
    })
  }
  if (s.minItems !== undefined && s.minItems > 0) {
    options.push({ label: 'minItems-1', apply: () => [] })
  }
  if (s.enum !== undefined || (s.anyOf ?? []).some((a) => a.enum !== undefined)) {
    for (const bad of ['SHORT', 'short ', 'Auto', 'unknown', '']) {
      options.push({ label: 'enum', apply: () => bad })
    }
  }
  if (s.pattern !== undefined || (s.anyOf ?? []).some((a) => a.pattern !== undefined)) {
    for (const bad of ['e', 'en_US', 'en-', ' en', 'en-x-abcdefghijk', '12', 'en-US-a-b-c-d']) {
      options.push({ label: 'pattern', apply: () => bad })
    }
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const key of site.requiredHere) {
      if (key in value) {
        options.push({
          label: `missing:${key}`,
          apply: (old) => {
            const copy = { ...(old as Record<string, Json>) }
            delete copy[key]
            return copy
          },
        })
      }
    }
    for (const extra of ['extra', '__proto__', 'constructor', 'TEXT', '']) {
      options.push({
        label: `extra:${extra}`,
        apply: (old) => {
          // defineProperty so that `__proto__` becomes an own key, as JSON.parse would make it.
          const copy: Record<string, Json> = { ...(old as Record<string, Json>) }
          Object.defineProperty(copy, extra, {
            value: { injected: true },
            enumerable: true,
            configurable: true,
            writable: true,
          })
          return copy
        },
      })
    }
  }
  if (site.path.length > 0) options.push({ label: 'null', apply: () => null })
  if (options.length === 0) options.push({ label: 'type:array', apply: () => [] })
  return fc.constantFrom(...options)
}

/** A valid value of `schema` with one thing broken; `label` says what. */
export function mutatedValue(schema: Schema): fc.Arbitrary<{ value: Json; label: string }> {
  return validValue(schema).chain((valid) => {
    const sites = sitesOf(valid, schema)
    return fc.constantFrom(...sites).chain((site) =>
      mutationsFor(site, getAt(valid, site.path)).map((m) => ({
        value: setAt(valid, site.path, m.apply(getAt(valid, site.path))),
        label: `${m.label}@/${site.path.join('/')}`,
      }))
    )
  })
}

/** A valid value of `schema` with Unicode torture in one of its strings or object keys. */
export function torturedValue(schema: Schema): fc.Arbitrary<{ value: Json; label: string }> {
  return fc
    .tuple(validValue(schema), tortureString(), fc.nat(), fc.boolean())
    .map(([valid, torture, pick, inKey]) => {
      const strings = stringSites(valid)
      if (strings.length === 0) return { value: torture.text as Json, label: torture.label }
      const site = strings[pick % strings.length] as { path: Path; key: boolean }
      if (inKey || site.key) {
        // Into an object key when there is one to rename (language keys of glossary entries).
        const keySite = strings.find((s) => s.key)
        if (keySite) {
          return {
            value: renameKey(valid, keySite.path, torture.text),
            label: `${torture.label}@key:/${keySite.path.join('/')}`,
          }
        }
      }
      const old = getAt(valid, site.path) as string
      const at = pick % (old.length + 1)
      return {
        value: setAt(valid, site.path, old.slice(0, at) + torture.text + old.slice(at)),
        label: `${torture.label}@/${site.path.join('/')}`,
      }
    })
}

function stringSites(value: Json, path: Path = []): { path: Path; key: boolean }[] {
  if (typeof value === 'string') return [{ path, key: false }]
  if (Array.isArray(value)) return value.flatMap((v, i) => stringSites(v, [...path, i]))
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      { path: [...path, k], key: true },
      ...stringSites(v, [...path, k]),
    ])
  }
  return []
}

function getAt(value: Json, path: Path): Json {
  let node: Json = value
  for (const step of path) node = (node as Record<string | number, Json>)[step] as Json
  return node
}

function setAt(value: Json, path: Path, replacement: Json | typeof DELETE): Json {
  if (path.length === 0) return replacement === DELETE ? null : replacement
  const [head, ...rest] = path as [string | number, ...(string | number)[]]
  if (Array.isArray(value)) {
    const copy = [...value]
    const next = setAt(copy[head as number] as Json, rest, replacement)
    copy[head as number] = next
    return copy
  }
  const copy = { ...(value as Record<string, Json>) }
  if (rest.length === 0 && replacement === DELETE) delete copy[head as string]
  else copy[head as string] = setAt(copy[head as string] as Json, rest, replacement)
  return copy
}

function renameKey(value: Json, path: Path, newKey: string): Json {
  const parentPath = path.slice(0, -1)
  const key = path[path.length - 1] as string
  const parent = getAt(value, parentPath) as Record<string, Json>
  const renamed: Record<string, Json> = {}
  for (const [k, v] of Object.entries(parent)) renamed[k === key ? newKey : k] = v
  return setAt(value, parentPath, renamed)
}
