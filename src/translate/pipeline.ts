/**
 * Translation with the glossary enforced: mask, translate, check, retry, repair, restore, report.
 *
 * 1. Plan: the glossary matcher finds terms in the (NFC) source; each occurrence is either
 *    masked (invariable: names, organisations, `dnt`, `fixed`) or verified (inflecting: `inflect`
 *    and lowercase common nouns) — see `terms.ts`.
 * 2. Mask: every masked occurrence becomes its own placeholder (`placeholders.ts`).
 * 3. Segment: paragraphs (split further when too long) are sent to the engine in one call.
 * 4. Check: each placeholder must come back exactly once and not glued to a word; a segment
 *    where one did not is translated again without placeholders (its terms are then verified
 *    like inflecting ones and, where absent, reported missed).
 * 5. Repair inflecting terms where the engine's rendering of the source term can be located.
 * 6. Restore placeholders with the target terms.
 * 7. Report from the output text: count the target terms present, never assume them.
 *
 * A batch is all or nothing: any engine failure rejects the whole call, so no partial result can
 * reach a response or a cache.
 *
 * @module
 */
import { findTerms as findGlossaryTerms } from '../glossary/match'
import type { Glossary } from '../glossary/types'
import { primarySubtag } from '../text/language'
import { fromEngineHtml, toEngineHtml } from './engine-html'
import { ProviderError } from './errors'
import {
  allocatePlaceholders,
  checkPlaceholder,
  type PlaceholderSet,
  strayPlaceholders,
} from './placeholders'
import { type CallBudget, type CallPolicyOptions, callEngine, startBudget } from './policy'
import { joinSegments, segmentText } from './segments'
import { type PlannedTerm, planTerms, pluralize } from './terms'
import { capitalizeFirst, findAll, overlaps, type Span, searchKey, startsUpper } from './text'
import type {
  LanguagePair,
  MissedTerm,
  TermFinder,
  TermMethod,
  TermOutcome,
  Translation,
  TranslationProvider,
} from './types'

/** Everything one translation call needs besides the texts. */
export type TranslateOptions = CallPolicyOptions & {
  readonly provider: TranslationProvider
  /** Source language (BCP 47). Detect it before calling when the request said `auto`. */
  readonly source: string
  readonly target: string
  /** The glossary to enforce, or none. */
  readonly glossary?: Glossary | null
  /**
   * The glossary matcher. Defaults to the glossary module's `findTerms` (leftmost-longest, NFC,
   * apostrophe and whitespace folding, word boundaries); tests may inject another.
   */
  readonly findTerms?: TermFinder
  /**
   * Placeholders in the texts that stand for inline markup (see `markup.ts`). An engine that
   * takes HTML gets them as empty elements and the segments as HTML.
   */
  readonly tagCodes?: ReadonlySet<string>
}

/** The result of {@link translateTexts}: one translation per input, in input order. */
export type TranslationBatch = {
  readonly provider: string
  readonly translations: readonly Translation[]
}

/** One segment on its way through the engine. */
type Piece = {
  readonly masked: string
  readonly unmasked: string
  /** Planned terms in this segment, with their placeholder when masked. */
  readonly terms: ReadonlyArray<{ readonly term: PlannedTerm; readonly code?: string }>
  readonly codes: ReadonlySet<string>
  output: string
  retried: boolean
  lost: number
}

/** Where a planned term sits in the masked text. */
type Position = {
  readonly term: PlannedTerm
  readonly at: number
  readonly code?: string
  /** The source text the placeholder replaced (the term, with a possessive when absorbed). */
  readonly original?: string
}

/** `'s` / `’s` ending a word. */
const POSSESSIVE = /^['’]s(?![\p{L}\p{N}])/u

/** One text, prepared. */
type Prepared = {
  readonly gaps: readonly string[]
  readonly pieces: Piece[]
  readonly placeholders: PlaceholderSet
  readonly allCodes: ReadonlySet<string>
}

/**
 * Translates a batch of texts with the glossary enforced.
 *
 * @throws ProviderError when the engine fails (after one retry for transient failures) or the
 *   deadline passes; the batch then has no result at all.
 * @example
 * const { translations } = await translateTexts(['Xi’an hosted the summit.'], {
 *   provider, source: 'en', target: 'es', glossary,
 * })
 * translations[0].terminology // { expected: 1, applied: 1, missed: [] }
 */
export async function translateTexts(
  texts: readonly string[],
  options: TranslateOptions
): Promise<TranslationBatch> {
  const { provider } = options
  const pair: LanguagePair = { source: options.source, target: options.target }
  const prepared = texts.map((text) => prepare(text.normalize('NFC'), options))
  const pieces = prepared.flatMap((p) => p.pieces)
  if (pieces.length > 0) {
    const budget = startBudget(options)
    const outputs = await translatePieces(
      provider,
      budget,
      pair,
      pieces.map((p) => p.masked),
      options.tagCodes
    )
    pieces.forEach((piece, i) => {
      piece.output = tidy(outputs[i] ?? '', piece.masked)
    })
    // Check placeholders; collect the segments that must go again without them.
    const damaged: Piece[] = []
    for (const text of prepared) {
      for (const piece of text.pieces) {
        piece.lost = damagedPlaceholders(piece, text)
        if (piece.lost > 0) damaged.push(piece)
      }
    }
    if (damaged.length > 0) {
      const again = await translatePieces(
        provider,
        budget,
        pair,
        damaged.map((p) => p.unmasked),
        options.tagCodes
      )
      damaged.forEach((piece, i) => {
        piece.output = tidy(again[i] ?? '', piece.unmasked)
        piece.retried = true
      })
    }
  }
  return {
    provider: provider.name,
    translations: prepared.map((text) => finish(text, options.target)),
  }
}

/** Translates one text; see {@link translateTexts}. */
export async function translateText(text: string, options: TranslateOptions): Promise<Translation> {
  const { translations } = await translateTexts([text], options)
  const [translation] = translations
  if (!translation) throw new Error('translateTexts returned no translation')
  return translation
}

async function translatePieces(
  provider: TranslationProvider,
  budget: CallBudget,
  pair: LanguagePair,
  segments: readonly string[],
  tagCodes: ReadonlySet<string> | undefined
): Promise<readonly string[]> {
  const html = provider.html === true && tagCodes !== undefined && tagCodes.size > 0
  const sent = html ? segments.map((s) => toEngineHtml(s, tagCodes)) : segments
  const answered = await callEngine(provider.name, budget, (signal) =>
    html
      ? provider.translate(sent, pair, signal, { html: true })
      : provider.translate(sent, pair, signal)
  )
  const outputs =
    html && Array.isArray(answered)
      ? answered.map((o) => (typeof o === 'string' ? fromEngineHtml(o, tagCodes) : o))
      : answered
  if (!Array.isArray(outputs) || outputs.length !== segments.length) {
    throw new ProviderError(
      'bad_response',
      provider.name,
      `Expected ${segments.length} translations, got ${Array.isArray(outputs) ? outputs.length : 'none'}.`
    )
  }
  for (const output of outputs) {
    if (typeof output !== 'string') {
      throw new ProviderError('bad_response', provider.name, 'A translation was not a string.')
    }
  }
  return outputs
}

function prepare(text: string, options: TranslateOptions): Prepared {
  const { glossary } = options
  const matches = glossary
    ? (options.findTerms ?? ((t, language) => findGlossaryTerms(glossary, t, language)))(
        text,
        options.source
      )
    : []
  const planned =
    glossary && matches.length > 0
      ? planTerms(text, matches, glossary, options.source, options.target)
      : []
  const maskedTerms = planned.filter((t) => t.strategy === 'mask')
  const placeholders = allocatePlaceholders(maskedTerms.length, [
    text,
    ...planned.flatMap((t) => [t.target, pluralize(t.target, options.target), ...t.forms]),
  ])

  // Build the masked text, remembering where each planned term now sits.
  let masked = ''
  let cursor = 0
  let next = 0
  const positions: Position[] = []
  const english = primarySubtag(options.source) === 'en'
  for (const term of planned) {
    masked += text.slice(cursor, term.match.start)
    let end = term.match.end
    if (term.strategy === 'mask') {
      // An English possessive after a placeholder ("Zqab's") is read as "has" by some engines
      // and glued to it (eng→cat "Zqabha"); the placeholder stands for "X's" instead.
      if (english && POSSESSIVE.test(text.slice(end, end + 3))) end += 2
      const code = placeholders.codes[next++] as string
      positions.push({ term, at: masked.length, code, original: text.slice(term.match.start, end) })
      masked += code
    } else {
      positions.push({ term, at: masked.length })
      masked += text.slice(term.match.start, end)
    }
    cursor = end
  }
  masked += text.slice(cursor)

  const maxChars = Math.max(200, options.provider.maxSegmentChars)
  const { segments, starts, gaps } = segmentText(masked, maxChars, options.source)
  const pieces: Piece[] = segments.map((segment, i) => {
    const start = starts[i] ?? 0
    const end = start + segment.length
    const inside = positions.filter((p) => p.at >= start && p.at < end)
    const terms = inside.map((p) =>
      p.code === undefined ? { term: p.term } : { term: p.term, code: p.code }
    )
    let unmasked = segment
    for (const p of inside) {
      if (p.code !== undefined) unmasked = unmasked.split(p.code).join(p.original ?? '')
    }
    return {
      masked: segment,
      unmasked,
      terms,
      codes: new Set(terms.flatMap((t) => (t.code === undefined ? [] : [t.code]))),
      output: '',
      retried: false,
      lost: 0,
    }
  })
  return { gaps, pieces, placeholders, allCodes: new Set(placeholders.codes) }
}

/** Number of this segment's placeholders that came back damaged (lost, duplicated, glued, stray). */
function damagedPlaceholders(piece: Piece, text: Prepared): number {
  if (text.placeholders.codes.length === 0) return 0
  let lost = 0
  for (const code of piece.codes) {
    if (!checkPlaceholder(piece.output, code).ok) lost++
  }
  lost += strayPlaceholders(piece.output, text.placeholders, text.allCodes, piece.codes).length
  return lost
}

/**
 * Engine artefacts that are safe to undo: outer whitespace (segments are trimmed) and runs of
 * spaces the source segment did not have (Apertium leaves two spaces where it dropped a word,
 * e.g. an English possessive after a placeholder).
 */
function tidy(output: string, source: string): string {
  const trimmed = output.trim()
  return source.includes('  ') ? trimmed : trimmed.replace(/ {2,}/g, ' ')
}

/** Assembles one text: repair, restore, count. */
function finish(text: Prepared, targetLanguage: string): Translation {
  const outputs: string[] = []
  const outcomes: TermOutcome[] = []
  let placeholdersLost = 0
  let retried = 0
  for (const piece of text.pieces) {
    placeholdersLost += piece.lost
    if (piece.retried) retried++
    if (piece.terms.length === 0) {
      outputs.push(piece.output)
      continue
    }
    const groups = groupTerms(piece, targetLanguage)
    let output = piece.output
    for (const group of groups) {
      if (group.restored) continue
      const result = repair(output, group, targetLanguage)
      output = result.text
      group.postedits = result.replaced
    }
    if (!piece.retried) output = restore(output, piece)
    outcomes.push(...report(output, groups))
    outputs.push(output)
  }
  const joined = joinSegments(text.gaps, outputs)
  if (text.placeholders.codes.length > 0) {
    const leaked = strayPlaceholders(joined, text.placeholders, text.allCodes, new Set())
    if (leaked.length > 0) throw new Error(`placeholder ${leaked[0]} leaked into the output`)
  }
  outcomes.sort((a, b) => a.start - b.start)
  const missed: MissedTerm[] = outcomes
    .filter((o) => o.method === 'missed')
    .map((o) => ({ source: o.source, target: o.target }))
  return {
    text: joined,
    terminology: {
      expected: outcomes.length,
      applied: outcomes.length - missed.length,
      missed,
    },
    terms: outcomes,
    stats: {
      segments: text.pieces.length,
      segmentsRetried: retried,
      placeholders: text.placeholders.codes.length,
      placeholdersLost,
    },
  }
}

/** Occurrences that share what the output must contain are counted together. */
type TermGroup = {
  readonly items: PlannedTerm[]
  /** Forms that count as the target term in the output (search keys are built from these). */
  readonly forms: readonly string[]
  readonly caseSensitive: boolean
  /** Masked in a segment that was not retried: the placeholder put the term there. */
  readonly restored: boolean
  readonly target: string
  postedits: number
}

function groupTerms(piece: Piece, language: string): TermGroup[] {
  const groups = new Map<string, TermGroup>()
  for (const { term } of piece.terms) {
    const restored = term.strategy === 'mask' && !piece.retried
    const forms =
      term.strategy === 'verify'
        ? inflectedForms(term.target, language, term.forms)
        : unique([term.target, ...term.forms])
    const key = `${term.caseSensitive ? 'c' : 'i'}\u0000${forms.join('\u0000')}\u0000${restored}`
    let group = groups.get(key)
    if (!group) {
      group = {
        items: [],
        forms,
        caseSensitive: term.caseSensitive,
        restored,
        target: term.target,
        postedits: 0,
      }
      groups.set(key, group)
    }
    group.items.push(term)
  }
  return [...groups.values()]
}

/**
 * What counts as the target term of an inflecting entry: the term, the inflected forms the
 * glossary lists (`~yuanes`), its regular plural, and — for a glossary whose preferred term is
 * the plural (`yuanes`) — the singular obtained by removing the ending.
 */
function inflectedForms(term: string, language: string, listed: readonly string[]): string[] {
  const forms = new Set([term, ...listed, pluralize(term, language)])
  if (!/\s/u.test(term)) {
    if (/es$/i.test(term) && term.length > 4) forms.add(term.slice(0, -2))
    else if (/s$/i.test(term) && term.length > 3) forms.add(term.slice(0, -1))
  }
  return [...forms]
}

/**
 * Replaces the engine's pass-through rendering of source terms with the target form the
 * occurrence needs (plural after a plural source). Only when unambiguous: the renderings found
 * must not outnumber the occurrences still missing, so a source word that is also an ordinary
 * target-language word elsewhere in the segment is left alone.
 */
function repair(
  output: string,
  group: TermGroup,
  language: string
): { text: string; replaced: number } {
  const wanted = group.items.map((item) =>
    item.plural && item.strategy === 'verify' ? pluralize(group.target, language) : group.target
  )
  const keyCaseless = searchKey(output, true)
  const key = group.caseSensitive ? searchKey(output, false) : keyCaseless
  const present: Span[] = []
  const missing: string[] = []
  const remaining = new Map<string, number>()
  for (const form of new Set(wanted)) {
    const spans = findAll(key, searchKey(form, !group.caseSensitive))
    present.push(...spans)
    remaining.set(form, spans.length)
  }
  for (const form of wanted) {
    const left = remaining.get(form) ?? 0
    if (left > 0) remaining.set(form, left - 1)
    else missing.push(form)
  }
  if (missing.length === 0) return { text: output, replaced: 0 }

  const sources = [...new Set(group.items.flatMap((item) => item.sourceForms))].sort(
    (a, b) => b.length - a.length
  )
  const renderings: Span[] = []
  for (const form of sources) {
    for (const span of findAll(keyCaseless, searchKey(form, true))) {
      if (present.some((p) => overlaps(p, span))) continue
      if (renderings.some((r) => overlaps(r, span))) continue
      renderings.push(span)
    }
  }
  if (renderings.length === 0 || renderings.length > missing.length) {
    return { text: output, replaced: 0 }
  }
  renderings.sort((a, b) => a.start - b.start)
  let text = output
  for (let i = renderings.length - 1; i >= 0; i--) {
    const span = renderings[i] as Span
    const form = missing[i] ?? group.target
    const original = output.slice(span.start, span.end)
    const replacement = startsUpper(original) && !startsUpper(form) ? capitalizeFirst(form) : form
    text = text.slice(0, span.start) + replacement + text.slice(span.end)
  }
  return { text, replaced: renderings.length }
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)]
}

/** Puts the target terms where the placeholders came back (each checked to be there once). */
function restore(output: string, piece: Piece): string {
  const spans: Array<{ start: number; end: number; term: string }> = []
  for (const { term, code } of piece.terms) {
    if (code === undefined) continue
    const check = checkPlaceholder(output, code)
    if (!check.ok) throw new Error(`placeholder ${code} vanished after it was checked`)
    spans.push({ start: check.start, end: check.end, term: term.target })
  }
  spans.sort((a, b) => b.start - a.start)
  let text = output
  for (const span of spans) text = text.slice(0, span.start) + span.term + text.slice(span.end)
  return text
}

/**
 * Counts, on the final segment text, the target terms of every group — longest terms first, each
 * stretch of text counted once, so "Centro Carnegie Rusia-Eurasia" is not also counted as a
 * "Carnegie" of another entry — and turns the counts into per-occurrence outcomes.
 */
function report(output: string, groups: readonly TermGroup[]): TermOutcome[] {
  const keySensitive = groups.some((g) => g.caseSensitive) ? searchKey(output, false) : ''
  const keyCaseless = groups.some((g) => !g.caseSensitive) ? searchKey(output, true) : ''
  const candidates: Array<{ span: Span; group: number }> = []
  groups.forEach((group, index) => {
    const key = group.caseSensitive ? keySensitive : keyCaseless
    for (const form of group.forms) {
      for (const span of findAll(key, searchKey(form, !group.caseSensitive))) {
        candidates.push({ span, group: index })
      }
    }
  })
  candidates.sort(
    (a, b) => b.span.end - b.span.start - (a.span.end - a.span.start) || a.span.start - b.span.start
  )
  const claimed: Span[] = []
  const found = new Array<number>(groups.length).fill(0)
  for (const candidate of candidates) {
    if (claimed.some((c) => overlaps(c, candidate.span))) continue
    claimed.push(candidate.span)
    found[candidate.group] = (found[candidate.group] ?? 0) + 1
  }

  const outcomes: TermOutcome[] = []
  groups.forEach((group, index) => {
    const applied = Math.min(group.items.length, found[index] ?? 0)
    const postedited = Math.min(group.postedits, applied)
    group.items.forEach((item, i) => {
      let method: TermMethod = 'missed'
      if (i < applied) {
        if (group.restored) method = 'mask'
        else method = i >= applied - postedited ? 'postedit' : 'engine'
      }
      outcomes.push({
        concept: item.match.concept,
        start: item.match.start,
        end: item.match.end,
        source: item.match.found,
        target: item.target,
        strategy: item.strategy,
        method,
      })
    })
  })
  return outcomes
}
