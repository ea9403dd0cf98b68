/**
 * A deterministic engine for tests and benchmarks: the pipeline's twin of a real provider.
 *
 * By default it behaves like a tiny rule-based engine: it translates the words it knows from a
 * dictionary, word by word, and passes every other word through unchanged — which is what
 * Apertium does with names it does not know ("yuan" stays "yuan"), so masking, restoring and
 * repair can be tested without a server. Hooks reproduce every failure mode: a custom rendering
 * per segment (to lose, duplicate or glue placeholders), a thrown `ProviderError` per call
 * (down, rate limited, unsupported pair), or a call that never answers (slow).
 *
 * @module
 */
import { ProviderError } from '../../src/translate/errors'
import { resolvePair, targetsFor } from '../../src/translate/languages'
import type { LanguagePair, LanguageSupport, TranslationProvider } from '../../src/translate/types'

/** One call the fake received (for assertions on what the pipeline sent). */
export type FakeCall = {
  readonly segments: readonly string[]
  readonly pair: LanguagePair
  /** 1 for the first call, 2 for the next… */
  readonly index: number
}

/** Options for {@link createFakeProvider}. */
export type FakeProviderOptions = {
  readonly name?: string
  /** Pairs the fake offers (default: en↔es, en↔ca). */
  readonly support?: LanguageSupport
  /** Lowercase source word → target word (default: a small English → Spanish news vocabulary). */
  readonly dictionary?: Readonly<Record<string, string>>
  /** Renders one segment; defaults to the dictionary word-by-word rendering. */
  readonly render?: (segment: string, pair: LanguagePair, call: FakeCall) => string
  /** Return an error to make this call fail with it. */
  readonly fail?: (call: FakeCall) => ProviderError | undefined
  /** Never answer (until the signal aborts): an engine that hangs. */
  readonly hang?: (call: FakeCall) => boolean
  /** Segment length limit reported to the pipeline. */
  readonly maxSegmentChars?: number
}

/** A fake provider plus the calls it received. */
export type FakeProvider = TranslationProvider & { readonly calls: FakeCall[] }

/** A small English → Spanish vocabulary, enough for readable test sentences. */
export const FAKE_EN_ES: Readonly<Record<string, string>> = {
  the: 'el',
  a: 'un',
  of: 'de',
  in: 'en',
  at: 'en',
  and: 'y',
  was: 'fue',
  is: 'es',
  held: 'celebrada',
  first: 'primera',
  summit: 'cumbre',
  ancient: 'antigua',
  capital: 'capital',
  china: 'China',
  researcher: 'investigador',
  told: 'dijo a',
  said: 'dijo',
  financial: 'financiero',
  times: 'tiempos',
  center: 'centro',
  russia: 'Rusia',
  billion: 'mil millones',
  for: 'para',
  support: 'apoyo',
  announced: 'anunció',
  he: 'él',
  also: 'también',
  allocation: 'asignación',
  report: 'informe',
  new: 'nuevo',
  published: 'publicó',
  hosted: 'acogió',
  meeting: 'reunión',
}

const DEFAULT_SUPPORT: LanguageSupport = {
  sources: ['ca', 'en', 'es'],
  targets: ['ca', 'en', 'es'],
  pairs: [
    { source: 'en', target: 'es' },
    { source: 'es', target: 'en' },
    { source: 'en', target: 'ca' },
    { source: 'ca', target: 'en' },
  ],
}

/** Word-by-word dictionary rendering; unknown words (and all placeholders) pass through. */
export function renderWithDictionary(
  segment: string,
  dictionary: Readonly<Record<string, string>>
): string {
  return segment.replace(/[\p{L}\p{M}\p{N}]+/gu, (word) => {
    const known = dictionary[word.toLowerCase()]
    if (known === undefined) return word
    return word[0] !== word[0]?.toLowerCase() && known[0] === known[0]?.toLowerCase()
      ? known.charAt(0).toUpperCase() + known.slice(1)
      : known
  })
}

/** Creates a deterministic fake engine. */
export function createFakeProvider(options: FakeProviderOptions = {}): FakeProvider {
  const name = options.name ?? 'fake'
  const support = options.support ?? DEFAULT_SUPPORT
  const dictionary = options.dictionary ?? FAKE_EN_ES
  const calls: FakeCall[] = []
  return {
    name,
    calls,
    maxSegmentChars: options.maxSegmentChars ?? 2000,
    async translate(segments, pair, signal) {
      const call: FakeCall = { segments: [...segments], pair, index: calls.length + 1 }
      calls.push(call)
      if (!resolvePair(support, pair)) {
        throw new ProviderError(
          'unsupported_pair',
          name,
          `The fake engine does not translate ${pair.source} → ${pair.target}.`,
          { supportedTargets: targetsFor(support, pair.source) }
        )
      }
      const failure = options.fail?.(call)
      if (failure) throw failure
      if (options.hang?.(call)) {
        await new Promise<never>((_, reject) => {
          if (signal.aborted) reject(signal.reason)
          signal.addEventListener('abort', () => reject(signal.reason), { once: true })
        })
      }
      return segments.map((segment) =>
        options.render
          ? options.render(segment, pair, call)
          : renderWithDictionary(segment, dictionary)
      )
    },
    async languages() {
      return support
    },
  }
}
