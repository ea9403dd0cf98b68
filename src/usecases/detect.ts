/**
 * Language detection of one text. Cheaper in CPU than a cache round trip, so never cached.
 *
 * @module
 */
import { languageByCode } from '../langid/codes'
import { type Detection, detectLanguage } from '../langid/detect'

export type DetectInput = {
  readonly text: string
  /** Restricts the candidates to these languages. */
  readonly hints?: readonly string[]
}

/** Detects the language of `input.text` (as NFC). */
export function detectText(input: DetectInput): Detection {
  const nfc = input.text.normalize('NFC')
  return detectLanguage(nfc, input.hints ? { hints: [...input.hints] } : {})
}

/** The caller named the language: no detection, full confidence. */
export function declaredLanguage(code: string): Detection {
  const known = languageByCode(code)
  return {
    language: code,
    iso639_3: known?.iso639_3 ?? 'und',
    script: known?.script ?? 'Zyyy',
    confidence: 1,
    reliable: true,
    alternatives: [],
  }
}
