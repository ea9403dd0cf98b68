/**
 * Translation of HTML and Markdown: the text is translated, everything else comes back byte for
 * byte.
 *
 * Each block of the document (`TextLayout`: a paragraph, a heading, a cell) is one segment. The
 * inline markup between two runs of text of a block (`<a href="…">`, `</em>`, `**`,
 * `](https://…)`) is replaced by a placeholder from the same family as glossary masking
 * (`placeholders.ts`: a capitalised nonce word, which engines keep in its slot as an unknown
 * name), so the engine translates the sentence whole and the markup comes back where the words it
 * wrapped went. The segments then go through the ordinary pipeline (`pipeline.ts`), so glossary
 * terms are masked, verified and reported exactly as for plain text.
 *
 * A segment whose placeholders did not all come back exactly once, in their order and not glued
 * to a word is translated again run by run (the text between two pieces of markup on its own):
 * less context, but the markup is then certain to stay where it was. So for any engine the
 * output has the input's tags, attributes and syntax in the input's order, and what the layout
 * leaves untouched (`translate="no"`, code) is byte-identical.
 *
 * @module
 */
import type { TextLayout, TextRun } from '../content/layout'
import { htmlLayout, markdownLayout } from '../content/layout'
import type { BatchItem, BatchOptions } from './batch'
import { translateItems } from './batch'
import { allocatePlaceholders, checkPlaceholder } from './placeholders'
import type { MissedTerm, TermOutcome, Translation } from './types'

/** Markup formats the translator reads. */
export type MarkupFormat = 'html' | 'markdown'

/** Reads a document's translatable runs. */
export function layoutOf(text: string, format: MarkupFormat): TextLayout {
  return format === 'html' ? htmlLayout(text) : markdownLayout(text)
}

/** Whitespace around a run of text (any Unicode space; the markup's own bytes are kept). */
const LEADING_SPACE = /^\s+/u
const TRAILING_SPACE = /\s+$/u

/** One run of a block as sent: its text with whitespace collapsed, and its source around it. */
type Piece = {
  readonly run: TextRun
  /** The run's text, whitespace collapsed and trimmed (what the engine sees). */
  readonly sent: string
  /** Literal whitespace at the run's source edges, kept as it was. */
  readonly lead: string
  readonly trail: string
  /** The run's source between that whitespace (used when the text comes back unchanged). */
  readonly body: string
}

/** One block as a segment: its pieces, the markup between them and the placeholders for it. */
type Segment = {
  readonly pieces: readonly Piece[]
  /** `gaps[k]`: the source between piece k and piece k + 1. */
  readonly gaps: readonly string[]
  /** `codes[k]` stands for `gaps[k]`. */
  readonly codes: readonly string[]
  /** What the engine is sent. */
  readonly text: string
}

/** A document read for translation. */
type Document = {
  readonly layout: TextLayout
  readonly segments: readonly Segment[]
}

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim()
}

const WORD_AT_END = /[\p{L}\p{M}\p{N}]$/u
const WORD_AT_START = /^[\p{L}\p{M}\p{N}]/u

function readPiece(source: string, run: TextRun): Piece {
  const raw = source.slice(run.from, run.to)
  const lead = LEADING_SPACE.exec(raw)?.[0] ?? ''
  const trail = lead.length === raw.length ? '' : (TRAILING_SPACE.exec(raw)?.[0] ?? '')
  return {
    run,
    sent: collapse(run.text),
    lead,
    trail,
    body: raw.slice(lead.length, raw.length - trail.length),
  }
}

/**
 * The segment text: pieces joined by their placeholders. A placeholder is set apart from a
 * neighbour by a space where the source had one or where the neighbour is a letter or digit (an
 * engine reads `ZqabChina` as one unknown word); next to punctuation it stays attached, as the
 * tag was (`Zqab’s`, `(Zqac`).
 */
function buildSegment(source: string, runs: readonly TextRun[], codes: readonly string[]): Segment {
  const pieces = runs.map((run) => readPiece(source, run))
  const gaps: string[] = []
  for (let k = 0; k + 1 < runs.length; k++) {
    gaps.push(source.slice((runs[k] as TextRun).to, (runs[k + 1] as TextRun).from))
  }
  let text = pieces[0]?.sent ?? ''
  for (let k = 0; k < gaps.length; k++) {
    const before = pieces[k] as Piece
    const after = pieces[k + 1] as Piece
    const spaceBefore =
      text.length > 0 &&
      (before.trail.length > 0 || /\s$/u.test(before.run.text) || WORD_AT_END.test(text))
    const spaceAfter =
      after.sent.length > 0 &&
      (after.lead.length > 0 || /^\s/u.test(after.run.text) || WORD_AT_START.test(after.sent))
    text += `${spaceBefore ? ' ' : ''}${codes[k] as string}${spaceAfter ? ' ' : ''}${after.sent}`
  }
  return { pieces, gaps, codes: codes.slice(0, gaps.length), text: collapse(text) }
}

function readDocument(text: string, format: MarkupFormat, avoid: readonly string[]): Document {
  const layout = layoutOf(text, format)
  const count = layout.blocks.reduce((sum, runs) => sum + runs.length - 1, 0)
  const { codes } = allocatePlaceholders(count, [text, ...avoid])
  let next = 0
  const segments = layout.blocks.map((runs) => {
    const own = codes.slice(next, next + runs.length - 1)
    next += runs.length - 1
    return buildSegment(text, runs, own)
  })
  return { layout, segments }
}

/**
 * The translated text of each piece, read from the engine's output for the whole segment, or
 * `undefined` when a placeholder is missing, repeated, glued to a word or out of order.
 */
function splitAtCodes(
  output: string,
  codes: readonly string[],
  sent: string
): string[] | undefined {
  const parts: string[] = []
  let cursor = 0
  for (const code of codes) {
    const found = checkPlaceholder(output, code)
    if (!found.ok || found.start < cursor) return undefined
    // The check takes an engine mark (`*`, `#`, `@`) right before a placeholder as the engine's;
    // one the source had there (`\*<b>`) is text and stays.
    let start = found.start
    const marked = found.end - start > code.length
    if (marked && sent.charAt(sent.indexOf(code) - 1) === output.charAt(start)) start++
    parts.push(output.slice(cursor, start))
    cursor = found.end
  }
  parts.push(output.slice(cursor))
  return parts
}

/**
 * The whitespace to write between a piece and the markup next to it. The source's own is kept;
 * where the source had none and the text touched the markup with a letter (`<b>W</b>ord`), none;
 * where it touched it with punctuation the engine may have dropped (`</a>’s point` → `</a> punto`),
 * one space if the engine wrote one.
 */
function edgeSpace(original: string, touchesWithWord: boolean, engineSpaced: boolean): string {
  if (original.length > 0) return original
  return !touchesWithWord && engineSpaced ? ' ' : ''
}

/**
 * A piece written back from the engine's raw text for it: unchanged text keeps its source bytes;
 * new text is escaped. `inner`: which edges touch markup of the segment (the outer edges keep the
 * source's whitespace as it is).
 */
function writePiece(
  piece: Piece,
  raw: string,
  write: (text: string) => string,
  inner: { readonly start: boolean; readonly end: boolean }
): string {
  const text = collapse(raw)
  if (text === piece.sent.normalize('NFC') || text === piece.sent)
    return piece.lead + piece.body + piece.trail
  if (text.length === 0) return piece.lead + piece.trail
  const lead = inner.start
    ? edgeSpace(piece.lead, WORD_AT_START.test(piece.sent), /^\s/u.test(raw))
    : piece.lead
  const trail = inner.end
    ? edgeSpace(piece.trail, WORD_AT_END.test(piece.sent), /\s$/u.test(raw))
    : piece.trail
  return lead + write(text) + trail
}

function rebuild(segment: Segment, texts: readonly string[], write: (t: string) => string): string {
  let out = ''
  const last = segment.pieces.length - 1
  segment.pieces.forEach((piece, k) => {
    out += writePiece(piece, texts[k] ?? '', write, { start: k > 0, end: k < last })
    if (k < segment.gaps.length) out += segment.gaps[k]
  })
  return out
}

/** Sums the reports of the translations a document was assembled from. */
function combine(
  text: string,
  parts: ReadonlyArray<{ translation: Translation; from: number; to: number }>,
  retried: number
): Translation {
  const missed: MissedTerm[] = []
  const terms: TermOutcome[] = []
  let expected = 0
  let applied = 0
  const stats = { segments: 0, segmentsRetried: retried, placeholders: 0, placeholdersLost: 0 }
  for (const { translation, from, to } of parts) {
    expected += translation.terminology.expected
    applied += translation.terminology.applied
    missed.push(...translation.terminology.missed)
    for (const term of translation.terms) terms.push({ ...term, start: from, end: to })
    stats.segments += translation.stats.segments
    stats.segmentsRetried += translation.stats.segmentsRetried
    stats.placeholders += translation.stats.placeholders
    stats.placeholdersLost += translation.stats.placeholdersLost
  }
  return { text, terminology: { expected, applied, missed }, terms, stats }
}

/** Every term of the glossary: placeholders for markup must not collide with any of them. */
function glossaryTerms(options: BatchOptions): string[] {
  const entries = options.glossary?.entries ?? []
  return entries.flatMap((entry) => Object.values(entry.terms).flat())
}

/**
 * Translates HTML or Markdown documents, keeping their markup; see the module comment. All or
 * nothing, like `translateItems`.
 *
 * @example
 * const [t] = await translateMarkupItems(
 *   [{ text: '<p>The <a href="/s">summit</a> was held.</p>', source: 'en' }], 'html',
 *   { provider, target: 'es' },
 * )
 * t.text // '<p>La <a href="/s">cumbre</a> fue celebrada.</p>' (with a word-by-word engine)
 */
export async function translateMarkupItems(
  items: readonly BatchItem[],
  format: MarkupFormat,
  options: BatchOptions
): Promise<Translation[]> {
  const avoid = glossaryTerms(options)
  const documents = items.map((item) => readDocument(item.text, format, avoid))
  const tagCodes = new Set(documents.flatMap((d) => d.segments.flatMap((s) => s.codes)))
  const flat = documents.flatMap((doc, d) =>
    doc.segments.map((segment) => ({ text: segment.text, source: (items[d] as BatchItem).source }))
  )
  const first = await translateItems(flat, { ...options, tagCodes })

  // Segments whose markup placeholders did not survive go again, run by run.
  type Outcome = { texts: string[]; parts: Translation[] } | { runs: number }
  const outcomes: Outcome[] = []
  const retry: BatchItem[] = []
  let at = 0
  documents.forEach((doc, d) => {
    for (const segment of doc.segments) {
      const translation = first[at++] as Translation
      const texts = splitAtCodes(translation.text, segment.codes, segment.text)
      if (texts !== undefined) {
        outcomes.push({ texts, parts: [translation] })
        continue
      }
      outcomes.push({ runs: retry.length })
      for (const piece of segment.pieces) {
        retry.push({ text: piece.sent, source: (items[d] as BatchItem).source })
      }
    }
  })
  const blank = retry.map((r) => r.text.length === 0 || !/[\p{L}\p{N}]/u.test(r.text))
  const toSend = retry.filter((_, i) => !blank[i])
  const again = toSend.length > 0 ? await translateItems(toSend, options) : []
  const retried: Array<Translation | undefined> = []
  let sentIndex = 0
  retry.forEach((_, i) => {
    retried.push(blank[i] ? undefined : again[sentIndex++])
  })

  // Assemble each document from its source, replacing the runs of every block.
  let index = 0
  return documents.map((doc) => {
    const { source } = doc.layout
    let out = ''
    let cursor = 0
    let fallbacks = 0
    const parts: Array<{ translation: Translation; from: number; to: number }> = []
    doc.segments.forEach((segment) => {
      const outcome = outcomes[index++] as Outcome
      const from = (segment.pieces[0] as Piece).run.from
      const to = (segment.pieces[segment.pieces.length - 1] as Piece).run.to
      let texts: string[]
      if ('texts' in outcome) {
        texts = outcome.texts
        for (const translation of outcome.parts) parts.push({ translation, from, to })
      } else {
        fallbacks++
        texts = segment.pieces.map((piece, k) => {
          const translation = retried[outcome.runs + k]
          if (translation === undefined) return piece.sent
          parts.push({ translation, from, to })
          return translation.text
        })
      }
      out += source.slice(cursor, from) + rebuild(segment, texts, doc.layout.escape)
      cursor = to
    })
    out += source.slice(cursor)
    return combine(out, parts, fallbacks)
  })
}
