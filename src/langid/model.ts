/**
 * The two statistical scorers behind detection, both over one script's candidate languages:
 *
 * - a naive-Bayes character n-gram model (orders 1–4, words padded with spaces), built by
 *   `scripts/langid/build-model.ts` from word lists, UDHR text and stopwords;
 * - franc's trigram rank distance (wooorm/franc, MIT) over franc's own profiles restricted to the
 *   supported languages (`franc.generated.ts`); measured, it adds nothing on top of the n-gram
 *   model, so only the evaluation's ablations pass it in and the Worker bundle leaves it out.
 *
 * Tables are compiled lazily on first use, so importing the module costs nothing at Worker start.
 *
 * @module
 */
import { forEachGram } from './text'

/** One n-gram order of one script's languages, as stored in `model.generated.ts`. */
export type OrderTables = {
  /** Every gram any language kept, sorted, concatenated (each is `order` UTF-16 units long). */
  readonly grams: string
  /**
   * Per language, one character per gram: ' ' when the language did not keep it, else
   * log-probability = `top - (code - 48) * step`.
   */
  readonly levels: readonly string[]
  /** Per language, the log-probability (nats) of its most probable gram. */
  readonly top: readonly number[]
  /** Per language, the log-probability of a gram it did not keep. */
  readonly floor: readonly number[]
}

/** The generated model file's shape. */
export type ModelData = {
  readonly orders: readonly number[]
  readonly step: number
  readonly groups: Readonly<
    Record<string, { readonly langs: readonly string[]; readonly orders: readonly OrderTables[] }>
  >
}

/** A script's languages with their log-probability rows, ready to score. */
export type CompiledGroup = {
  readonly langs: readonly string[]
  readonly orders: readonly number[]
  /** gram → row offset into `table` (row = one log-probability per language). */
  readonly index: Map<string, number>
  readonly table: Float32Array
}

/** Character code of level 0 in `OrderTables.levels`. */
const LEVEL_BASE = 48
const ABSENT = 32

/** Builds the lookup table of one script group. */
export function compileGroup(model: ModelData, script: string): CompiledGroup | undefined {
  const group = model.groups[script]
  if (!group) return undefined
  const { langs } = group
  const width = langs.length
  let rows = 0
  for (const [o, t] of group.orders.entries()) rows += t.grams.length / (model.orders[o] ?? 1)
  const index = new Map<string, number>()
  const table = new Float32Array(rows * width)
  for (const [o, t] of group.orders.entries()) {
    const n = model.orders[o] ?? 1
    for (let k = 0; k * n < t.grams.length; k++) {
      const row = index.size * width
      index.set(t.grams.slice(k * n, k * n + n), row)
      for (let j = 0; j < width; j++) {
        const code = t.levels[j]?.charCodeAt(k) ?? ABSENT
        table[row + j] =
          code === ABSENT ? (t.floor[j] ?? -20) : (t.top[j] ?? 0) - (code - LEVEL_BASE) * model.step
      }
    }
  }
  return { langs, orders: model.orders, index, table }
}

/**
 * Sum of log-probabilities of every gram of `words` (output of `modelWords`) under each language
 * of the group, in the group's language order. Also returns how many grams were scored.
 */
export function ngramScores(
  group: CompiledGroup,
  words: string
): { scores: Float64Array; grams: number } {
  const width = group.langs.length
  const scores = new Float64Array(width)
  const { index, table, orders } = group
  let grams = 0
  forEachGram(words, orders, (g) => {
    const row = index.get(g)
    // A gram no language kept says little, and other scripts' words (names, URLs) land here:
    // skipping them keeps a language with a higher floor from winning on noise.
    if (row === undefined) return
    grams++
    for (let j = 0; j < width; j++) scores[j] = (scores[j] as number) + (table[row + j] as number)
  })
  return { scores, grams }
}

/** franc's profiles as trigram → rank maps. */
export type CompiledFranc = ReadonlyMap<string, ReadonlyMap<string, number>>

/** Compiles franc's `|`-separated profiles (most frequent trigram first). */
export function compileFranc(profiles: Readonly<Record<string, string>>): CompiledFranc {
  const out = new Map<string, Map<string, number>>()
  for (const [lang, profile] of Object.entries(profiles)) {
    out.set(lang, new Map(profile.split('|').map((g, rank) => [g, rank])))
  }
  return out
}

/** franc's penalty for a trigram missing from a profile (its `MAX_DIFFERENCE`). */
const FRANC_MAX_DIFFERENCE = 300

/**
 * franc's distance (lower is closer) of `text` to each language of `langs`, divided by the
 * largest possible distance so that it lies in [0, 1]. Same cleaning and trigram counting as
 * franc 6 (`trigram-utils`): ASCII punctuation and digits become spaces, lower case, padded.
 */
export function francDistances(
  franc: CompiledFranc,
  text: string,
  langs: readonly string[]
): Float64Array {
  const clean = ` ${text
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()} `
  const counts = new Map<string, number>()
  for (let i = 0; i + 3 <= clean.length; i++) {
    const g = clean.slice(i, i + 3)
    counts.set(g, (counts.get(g) ?? 0) + 1)
  }
  const out = new Float64Array(langs.length)
  if (counts.size === 0) return out
  const max = counts.size * FRANC_MAX_DIFFERENCE
  langs.forEach((lang, j) => {
    const profile = franc.get(lang)
    let distance = 0
    for (const [g, count] of counts) {
      const rank = profile?.get(g)
      distance += rank === undefined ? FRANC_MAX_DIFFERENCE : Math.abs(count - rank - 1)
    }
    out[j] = distance / max
  })
  return out
}
