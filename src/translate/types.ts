/**
 * Types shared by the translation pipeline, the providers and the HTTP layer.
 *
 * Every language code here is BCP 47 (`en`, `es`, `ca-valencia`, `pt-BR`); providers convert to
 * their engine's codes themselves.
 *
 * @module
 */
import type { TermMatch } from '../glossary/types'

/** A directed language pair, BCP 47 codes. */
export type LanguagePair = {
  readonly source: string
  readonly target: string
}

/**
 * What an engine translates. With `pairs`, exactly those directed pairs; without, every source in
 * `sources` into every target in `targets` except into itself (a many-to-many model).
 */
export type LanguageSupport = {
  readonly sources: readonly string[]
  readonly targets: readonly string[]
  readonly pairs?: readonly LanguagePair[]
}

/**
 * A translation engine behind one small interface. Implementations live in `providers/`; they
 * do transport and code mapping only — masking, verification and reporting are the pipeline's.
 */
export interface TranslationProvider {
  /** Stable name used in config, requests, cache keys and errors. */
  readonly name: string
  /** The longest segment (UTF-16 units) worth sending in one piece; longer ones are split. */
  readonly maxSegmentChars: number
  /**
   * Whether the engine can be sent HTML segments (`translate(…, { html: true })`): it then
   * translates the text between tags and keeps the tags, placing them beside the words they
   * belonged to (DeepL's `tag_handling=html`).
   */
  readonly html?: boolean
  /**
   * Translates plain-text segments (HTML segments when `options.html` is set, only for an engine
   * with `html`). Resolves to exactly one output per segment, in order, or rejects with a
   * `ProviderError`. Must not resolve partially.
   */
  translate(
    segments: readonly string[],
    pair: LanguagePair,
    signal: AbortSignal,
    options?: { readonly html?: boolean }
  ): Promise<readonly string[]>
  /** The pairs the engine offers. */
  languages(signal: AbortSignal): Promise<LanguageSupport>
}

/**
 * Finds glossary terms in a text of one language: the glossary matcher, injected so the pipeline
 * does not depend on how matching is implemented. Matches must not overlap.
 */
export type TermFinder = (text: string, language: string) => readonly TermMatch[]

/** A glossary occurrence whose target term is not in the output. */
export type MissedTerm = {
  /** The term as found in the source text. */
  readonly source: string
  /** The target term the glossary asks for. */
  readonly target: string
}

/**
 * The terminology report of one translation. `expected` counts glossary occurrences in the
 * source that have a target term; `applied` those whose target term is in the output (checked on
 * the output text, never assumed); `missed` lists the others, one item per occurrence, so
 * `expected === applied + missed.length`.
 */
export type TerminologyReport = {
  readonly expected: number
  readonly applied: number
  readonly missed: readonly MissedTerm[]
}

/**
 * How one occurrence ended up in the output: `mask` (protected and restored), `engine` (the
 * engine produced the target term), `postedit` (the engine's rendering was replaced), `missed`.
 */
export type TermMethod = 'mask' | 'engine' | 'postedit' | 'missed'

/** Per-occurrence detail behind the report (for debugging and the evaluation script). */
export type TermOutcome = {
  readonly concept: string
  /**
   * Source occurrence, half-open UTF-16 range of the NFC source text; for HTML and Markdown
   * input, the source range of the block (paragraph, heading, cell) that holds it.
   */
  readonly start: number
  readonly end: number
  readonly source: string
  readonly target: string
  /** Whether the term was protected by a placeholder (invariable) or translated (inflecting). */
  readonly strategy: 'mask' | 'verify'
  readonly method: TermMethod
}

/** Counters for one translation. */
export type TranslationStats = {
  readonly segments: number
  /** Segments translated a second time without placeholders. */
  readonly segmentsRetried: number
  readonly placeholders: number
  /** Placeholders that came back missing, duplicated or glued to a word. */
  readonly placeholdersLost: number
}

/** One translated text. */
export type Translation = {
  readonly text: string
  readonly terminology: TerminologyReport
  readonly terms: readonly TermOutcome[]
  readonly stats: TranslationStats
}
