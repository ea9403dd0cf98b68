/**
 * The two statistical scorers behind detection, both over one script's candidate languages:
 *
 * - a naive-Bayes character n-gram model (orders 1–4, words padded with spaces), built by
 *   `scripts/langid/build-model.ts` from word lists, UDHR text and stopwords;
 * - franc's trigram rank distance (wooorm/franc, MIT) over franc's own profiles: at runtime only
 *   for Catalan and Galician when hints name them (`franc.generated.ts`); over all the model's
 *   languages (`test/fixtures/franc-all.generated.ts`) only in the evaluation's ablations, where it adds
 *   nothing on top of the n-gram model.
 *
 * The shipped tables are compiled at build time (`scripts/langid/build-tables.ts` →
 * `tables.generated.ts`): a new isolate decodes their bytes and scores by reading typed arrays.
 *
 * @module
 */

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
    Record<
      string,
      {
        readonly langs: readonly string[]
        readonly orders: readonly OrderTables[]
        /** Per language, its frequent (stop) words: lower case, sorted, space-separated. */
        readonly words: readonly string[]
      }
    >
  >
}

/**
 * Frequent words of a group as typed arrays: an open-addressing hash of the words (FNV-1a of
 * their UTF-16 units) → entry; each entry is a slice of `text` and a bit mask of the languages
 * (indices into `langs`, at most 32) whose list has it.
 */
export type CompiledLexicon = {
  /** Entry index + 1 per slot; 0 marks an empty slot. Length: a power of two. */
  readonly slots: Uint32Array
  /** Entry k is `text.slice(starts[k], starts[k + 1])`. */
  readonly starts: Uint32Array
  readonly text: string
  readonly masks: Uint32Array
}

/**
 * A script's languages with their log-probability rows, ready to score. Every part is a typed
 * array (or a string), so the build can serialise it (`scripts/langid/build-tables.ts`) and a
 * new isolate only wraps the stored bytes: nothing is computed per isolate.
 */
export type CompiledGroup = {
  readonly langs: readonly string[]
  readonly orders: readonly number[]
  /**
   * One row per kept gram, one byte per language (in `langs` order): the index of the gram's
   * log-probability among that language's `values` (its floor when it did not keep the gram).
   */
  readonly cells: Uint8Array
  /** Per language `j`, 256 log-probabilities: `values[j * 256 + cell]`. */
  readonly values: Float32Array
  /** Frequent word → the languages whose list has it. */
  readonly lexicon: CompiledLexicon
  /** The alphabet, symbol 1 first: every UTF-16 unit of a kept gram, in order of first use. */
  readonly alphabet: string
  /** UTF-16 code unit → symbol 1…255 of this script's alphabet (0: not in it). */
  readonly symbols: Uint8Array
  /**
   * Open-addressing hash of gram codes → row; 0 marks an empty slot. A gram's code is its
   * symbols in base 256, most significant first: symbols are ≥ 1, so grams of different lengths
   * never share a code, and four symbols fit in 32 bits.
   */
  readonly slots: Uint32Array
  /** Offset of the slot's row in `cells` (row index × number of languages). */
  readonly slotRows: Uint32Array
  /**
   * The sorted form (when `slots` is empty): every kept gram's code in increasing order, row `k`
   * of `cells` being `codes[k]`'s, found by binary search. A quarter of the hash's size; used by
   * the short-text model, which is large but reads few grams per text.
   */
  readonly codes: Uint32Array
}

/** Fibonacci hashing: the high bits of the product are the well-mixed ones. */
const slotOf = (code: number, shift: number): number => Math.imul(code, 0x9e3779b1) >>> shift

/** Character code of level 0 in `OrderTables.levels`. */
const LEVEL_BASE = 48
const ABSENT = 32

/** FNV-1a over UTF-16 code units of `text.slice(start, end)`. */
function wordHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** `alphabet` as a code unit → symbol map. */
export function symbolsOf(alphabet: string): Uint8Array {
  const symbols = new Uint8Array(65536)
  for (let i = 0; i < alphabet.length; i++) symbols[alphabet.charCodeAt(i)] = i + 1
  return symbols
}

/** Hashes the languages' word lists (space-separated) into a {@link CompiledLexicon}. */
function compileLexicon(lists: readonly string[]): CompiledLexicon {
  if (lists.length > 32) throw new Error('a lexicon holds at most 32 languages')
  const index = new Map<string, number>()
  const words: string[] = []
  const maskList: number[] = []
  lists.forEach((list, j) => {
    for (const w of list.split(' ')) {
      if (w === '') continue
      let k = index.get(w)
      if (k === undefined) {
        k = words.length
        index.set(w, k)
        words.push(w)
        maskList.push(0)
      }
      if ((maskList[k] as number) & (1 << j)) throw new Error(`${w} listed twice`)
      maskList[k] = ((maskList[k] as number) | (1 << j)) >>> 0
    }
  })
  const starts = new Uint32Array(words.length + 1)
  for (let k = 0; k < words.length; k++)
    starts[k + 1] = (starts[k] as number) + (words[k] as string).length
  const text = words.join('')
  let capacity = 1
  while (capacity < words.length * 2) capacity *= 2
  const slots = new Uint32Array(capacity)
  const shift = 32 - Math.log2(capacity)
  for (let k = 0; k < words.length; k++) {
    let slot = slotOf(wordHash(text, starts[k] as number, starts[k + 1] as number), shift)
    while (slots[slot] !== 0) slot = (slot + 1) & (capacity - 1)
    slots[slot] = k + 1
  }
  return { slots, starts, text, masks: Uint32Array.from(maskList) }
}

/** Bit mask of the languages whose frequent-word list has `word` (0: none). */
export function lexiconMask(lexicon: CompiledLexicon, word: string): number {
  const { slots, starts, text, masks } = lexicon
  const mask = slots.length - 1
  let slot = slotOf(wordHash(word, 0, word.length), 32 - Math.log2(slots.length))
  for (let entry = slots[slot] as number; entry !== 0; entry = slots[slot] as number) {
    const start = starts[entry - 1] as number
    const end = starts[entry] as number
    if (end - start === word.length && text.startsWith(word, start))
      return masks[entry - 1] as number
    slot = (slot + 1) & mask
  }
  return 0
}

/** Builds the lookup tables of one script group (build time, or an alternative model's tables in the evaluation). */
export function compileGroup(
  model: ModelData,
  script: string,
  options: { readonly sorted?: boolean } = {}
): CompiledGroup | undefined {
  const group = model.groups[script]
  if (!group) return undefined
  const { langs } = group
  const width = langs.length
  let rows = 0
  for (const [o, t] of group.orders.entries()) rows += t.grams.length / (model.orders[o] ?? 1)
  // The alphabet: every code unit of a kept gram, in order of first appearance (space included).
  let alphabet = ''
  const seen = new Set<string>()
  for (const t of group.orders) {
    for (const c of t.grams.split('')) {
      if (seen.has(c)) continue
      if (seen.size === 255) throw new Error(`${script}: more than 255 letters`)
      seen.add(c)
      alphabet += c
    }
  }
  const symbols = symbolsOf(alphabet)
  let capacity = 1
  while (capacity < rows * 2) capacity *= 2
  const slots = new Uint32Array(capacity)
  const slotRows = new Uint32Array(capacity)
  const shift = 32 - Math.log2(capacity)
  const cells = new Uint8Array(rows * width)
  // Each language's distinct log-probabilities (quantised, so few), numbered in order of use.
  const values = new Float32Array(width * 256)
  const cellOf = langs.map(() => new Map<number, number>())
  let row = 0
  for (const [o, t] of group.orders.entries()) {
    const n = model.orders[o] ?? 1
    for (let k = 0; k * n < t.grams.length; k++, row += width) {
      let code = 0
      for (let i = k * n; i < k * n + n; i++)
        code = code * 256 + (symbols[t.grams.charCodeAt(i)] as number)
      let slot = slotOf(code, shift)
      while (slots[slot] !== 0) slot = (slot + 1) & (capacity - 1)
      slots[slot] = code
      slotRows[slot] = row
      for (let j = 0; j < width; j++) {
        const level = t.levels[j]?.charCodeAt(k) ?? ABSENT
        const value = Math.fround(
          level === ABSENT
            ? (t.floor[j] ?? -20)
            : (t.top[j] ?? 0) - (level - LEVEL_BASE) * model.step
        )
        const known = cellOf[j] as Map<number, number>
        let cell = known.get(value)
        if (cell === undefined) {
          cell = known.size
          if (cell > 255) throw new Error(`${script}/${langs[j]}: more than 256 distinct weights`)
          known.set(value, cell)
          values[j * 256 + cell] = value
        }
        cells[row + j] = cell
      }
    }
  }
  const lexicon = compileLexicon(group.words)
  const base = { langs, orders: model.orders, values, lexicon, alphabet, symbols }
  if (!options.sorted) return { ...base, cells, slots, slotRows, codes: new Uint32Array(0) }
  const order = [...slots.keys()].filter((k) => slots[k] !== 0)
  order.sort((a, b) => (slots[a] as number) - (slots[b] as number))
  const sortedCells = new Uint8Array(cells.length)
  order.forEach((k, i) => {
    const from = slotRows[k] as number
    sortedCells.set(cells.subarray(from, from + width), i * width)
  })
  return {
    ...base,
    cells: sortedCells,
    slots: new Uint32Array(0),
    slotRows: new Uint32Array(0),
    codes: Uint32Array.from(order, (k) => slots[k] as number),
  }
}

/** Index of `code` in the sorted `codes`, or -1. */
function searchCode(codes: Uint32Array, code: number): number {
  let lo = 0
  let hi = codes.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const at = codes[mid] as number
    if (at === code) return mid
    if (at < code) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}

/** The group's log-probabilities as one Float32 row per kept gram (the model builder trains on it). */
export function tableOf(group: CompiledGroup): Float32Array {
  const width = group.langs.length
  const table = new Float32Array(group.cells.length)
  for (let i = 0; i < table.length; i++)
    table[i] = group.values[((i % width) << 8) | (group.cells[i] as number)] as number
  return table
}

/** Row offset of `gram` in the group's table, or undefined when no language kept it. */
export function rowOf(group: CompiledGroup, gram: string): number | undefined {
  let code = 0
  for (let i = 0; i < gram.length; i++) {
    const sym = group.symbols[gram.charCodeAt(i)] as number
    if (sym === 0) return undefined
    code = code * 256 + sym
  }
  if (group.slots.length === 0) {
    const k = searchCode(group.codes, code)
    return k < 0 ? undefined : k * group.langs.length
  }
  const mask = group.slots.length - 1
  let slot = slotOf(code, 32 - Math.log2(group.slots.length))
  while (group.slots[slot] !== 0) {
    if (group.slots[slot] === code) return group.slotRows[slot]
    slot = (slot + 1) & mask
  }
  return undefined
}

/**
 * Sum of log-probabilities of every gram of `words` (output of `modelWords`) under each language
 * of the group, in the group's language order. Also returns how many grams were scored.
 */
/** Grams between two early-stop checks. */
const CHECK_EVERY = 128

/** Best score minus second best among `columns`. */
function leadOf(scores: Float64Array, columns: readonly number[]): number {
  let first = Number.NEGATIVE_INFINITY
  let second = Number.NEGATIVE_INFINITY
  for (const j of columns) {
    const x = scores[j] as number
    if (x > first) {
      second = first
      first = x
    } else if (x > second) second = x
  }
  return first - second
}

export function ngramScores(
  group: CompiledGroup,
  words: string,
  stop?: { readonly columns: readonly number[]; readonly margin: number }
): { scores: Float64Array; grams: number } {
  const width = group.langs.length
  const scores = new Float64Array(width)
  const { cells, values, symbols, slots, slotRows, codes, orders } = group
  const sorted = slots.length === 0
  const mask = slots.length - 1
  const shift = 32 - Math.log2(slots.length)
  const maxOrder = Math.max(...orders)
  const wanted = new Uint8Array(maxOrder + 1)
  for (const n of orders) wanted[n] = 1
  // Symbols of the current padded word; grams are read off it by integer arithmetic, which
  // avoids a string and a string hash per gram (this loop is most of the detection time).
  const word = new Uint8Array(words.length + 2)
  let grams = 0
  let nextCheck = CHECK_EVERY
  let start = 0
  while (start < words.length) {
    let end = words.indexOf(' ', start)
    if (end < 0) end = words.length
    const space = symbols[32] as number
    let len = 0
    word[len++] = space
    for (let i = start; i < end; i++) word[len++] = symbols[words.charCodeAt(i)] as number
    word[len++] = space
    for (let i = 0; i < len; i++) {
      let code = 0
      for (let n = 1; n <= maxOrder && i + n <= len; n++) {
        const sym = word[i + n - 1] as number
        // A letter outside the alphabet: no kept gram contains it, nor any longer gram from here.
        if (sym === 0) break
        code = code * 256 + sym
        // A lone space (the padding) is not a gram.
        if (wanted[n] === 0 || (n === 1 && sym === space)) continue
        let row: number
        if (sorted) {
          const k = searchCode(codes, code)
          if (k < 0) continue
          row = k * width
        } else {
          let slot = slotOf(code, shift)
          let found = slots[slot] as number
          while (found !== 0 && found !== code) {
            slot = (slot + 1) & mask
            found = slots[slot] as number
          }
          // A gram no language kept says little, and other scripts' words (names, URLs) land
          // here: skipping them keeps a language with a higher floor from winning on noise.
          if (found === 0) continue
          row = slotRows[slot] as number
        }
        grams++
        for (let j = 0; j < width; j++)
          scores[j] =
            (scores[j] as number) + (values[(j << 8) | (cells[row + j] as number)] as number)
      }
    }
    start = end + 1
    // Long text: once the leader is far ahead, the rest cannot change the answer, only cost time.
    if (stop && grams >= nextCheck) {
      nextCheck = grams + CHECK_EVERY
      if (leadOf(scores, stop.columns) >= stop.margin) break
    }
  }
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
