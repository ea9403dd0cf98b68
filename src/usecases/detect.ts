/**
 * Language detection of one text. Cheaper in CPU than a cache round trip, so never cached.
 *
 * @module
 */

import type { ContentFormat } from '../content/index'
import { languageByCode } from '../langid/codes'
import { type Detection, detectLanguage } from '../langid/detect'
import { readSubmitted } from './content'

export type DetectInput = {
  readonly text: string
  /** How `text` is written (default `text`): markup is read down to its text first. */
  readonly format?: ContentFormat
  /** Restricts the candidates to these languages. */
  readonly hints?: readonly string[]
}

/** Detects the language of `input.text` (as NFC); 422 `no_text` for markup without text. */
export function detectText(input: DetectInput): Detection {
  const content = readSubmitted(input.text, input.format ?? 'text')
  const nfc = content.text.normalize('NFC')
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
