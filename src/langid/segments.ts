/**
 * Per-paragraph languages for mixed-language text (an English article quoting a French
 * statement, a bilingual press release).
 *
 * @module
 */
import { type DetectOptions, detectLanguage, RELIABLE_AT } from './detect'

/** One run of paragraphs in the same language. */
export type LanguageSegment = {
  /** UTF-16 offset of the segment's first character in the input. */
  readonly start: number
  /** UTF-16 offset just past its last character: `text.slice(start, end)` is the segment. */
  readonly end: number
  /** BCP 47 code, as in `detectLanguage` (`und` only when the whole text is undecidable). */
  readonly language: string
  /** Calibrated confidence of the segment's detection (on the merged segment). */
  readonly confidence: number
  readonly reliable: boolean
}

/** Paragraphs are separated by line breaks; the separators belong to no segment. */
const PARAGRAPH = /[^\r\n]+/g

/**
 * Splits `text` into paragraphs (line breaks), detects each, and merges neighbours in the same
 * language. Paragraphs that are undecidable on their own (a dateline, "—", a number) join the
 * segment before them (or after, at the start), so every segment has a language when any part of
 * the text has one.
 *
 * Invariants: segments are in input order, do not overlap, start and end on non-whitespace, and
 * together cover every paragraph of the text. Pure and deterministic.
 *
 * @example
 * detectSegments('The minister said:\n« Nous ne céderons pas. »')
 * // → [{ start: 0, end: 18, language: 'en', … }, { start: 19, end: 43, language: 'fr', … }]
 */
export function detectSegments(text: string, options: DetectOptions = {}): LanguageSegment[] {
  const spans: Array<{ start: number; end: number; language: string }> = []
  for (const m of text.matchAll(PARAGRAPH)) {
    const raw = m[0]
    const lead = raw.length - raw.trimStart().length
    const body = raw.trim()
    if (body === '') continue
    const start = (m.index ?? 0) + lead
    spans.push({
      start,
      end: start + body.length,
      language: detectLanguage(body, options).language,
    })
  }
  // Undecidable paragraphs take their neighbour's language.
  let previous = 'und'
  for (const s of spans) {
    if (s.language === 'und') s.language = previous
    else previous = s.language
  }
  const first = spans.find((s) => s.language !== 'und')?.language ?? 'und'
  for (const s of spans) {
    if (s.language !== 'und') break
    s.language = first
  }
  const merged: Array<{ start: number; end: number; language: string }> = []
  for (const s of spans) {
    const last = merged.at(-1)
    if (last && last.language === s.language) last.end = s.end
    else merged.push({ ...s })
  }
  return merged.map((s) => {
    const d = detectLanguage(text.slice(s.start, s.end), options)
    // The merged run can read differently from its parts (short paragraphs); the parts decided
    // the language, the whole gives its probability (as a runner-up when it disagrees).
    const confidence =
      d.language === s.language
        ? d.confidence
        : (d.alternatives.find((a) => a.language === s.language)?.confidence ?? 0)
    return {
      start: s.start,
      end: s.end,
      language: s.language,
      confidence,
      reliable: confidence >= RELIABLE_AT,
    }
  })
}
