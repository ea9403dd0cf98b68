/**
 * Language detection: script first, then franc restricted to the languages of that script.
 *
 * franc's top score is always 1, so `confidence` comes from the margin between the best and the
 * second-best candidate, not from the raw score.
 *
 * @module
 */
import { francAll } from 'franc'
import { LANGUAGES, type LanguageInfo, languageByCode, languageByFranc } from './codes'

/** What `detectLanguage` returns. Field names are the API contract. */
export type Detection = {
  /** BCP 47 code, or `und` when the text is too short or undecidable. */
  readonly language: string
  /** ISO 639-3 code, or `und`. */
  readonly iso639_3: string
  /** ISO 15924 script of the text (`Zyyy` when no letters). */
  readonly script: string
  /** 0…1, from the margin over the runner-up. */
  readonly confidence: number
  /** `false` below the reliability threshold or for `und`. */
  readonly reliable: boolean
  /** Runners-up, best first. */
  readonly alternatives: ReadonlyArray<{ readonly language: string; readonly confidence: number }>
}

export type DetectOptions = {
  /** BCP 47 codes; restricts the candidates. Unknown codes are ignored. */
  readonly hints?: readonly string[]
}

/** Below this many letters, no decision is made. */
const MIN_LETTERS = 3
/** Confidence under which a detection is flagged `reliable: false`. */
const RELIABLE_AT = 0.5
/** franc reads at most this many characters; more only costs time. */
const SAMPLE_LENGTH = 2048

type ScriptName =
  | 'Latn'
  | 'Cyrl'
  | 'Arab'
  | 'Hebr'
  | 'Grek'
  | 'Deva'
  | 'Beng'
  | 'Thai'
  | 'Hang'
  | 'Kana'
  | 'Hani'

const SCRIPT_TESTS: ReadonlyArray<readonly [ScriptName, RegExp]> = [
  ['Latn', /\p{Script=Latin}/u],
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Arab', /\p{Script=Arabic}/u],
  ['Hebr', /\p{Script=Hebrew}/u],
  ['Grek', /\p{Script=Greek}/u],
  ['Deva', /\p{Script=Devanagari}/u],
  ['Beng', /\p{Script=Bengali}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Hang', /\p{Script=Hangul}/u],
  ['Kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hani', /\p{Script=Han}/u],
]

/** Counts letters per script over the sample. */
function countScripts(sample: string): Map<ScriptName, number> {
  const counts = new Map<ScriptName, number>()
  for (const ch of sample) {
    if (!/\p{L}/u.test(ch)) continue
    for (const [name, test] of SCRIPT_TESTS) {
      if (test.test(ch)) {
        counts.set(name, (counts.get(name) ?? 0) + 1)
        break
      }
    }
  }
  return counts
}

const UNDETERMINED: Detection = {
  language: 'und',
  iso639_3: 'und',
  script: 'Zyyy',
  confidence: 0,
  reliable: false,
  alternatives: [],
}

/** Maps a franc distance margin to a confidence in [0, 1]. */
function marginToConfidence(margin: number): number {
  return Math.max(0, Math.min(1, 1 - Math.exp(-margin * 25)))
}

function result(
  language: LanguageInfo,
  script: string,
  confidence: number,
  alternatives: Detection['alternatives']
): Detection {
  const rounded = Math.round(confidence * 1000) / 1000
  return {
    language: language.code,
    iso639_3: language.iso639_3,
    script,
    confidence: rounded,
    reliable: rounded >= RELIABLE_AT,
    alternatives,
  }
}

/**
 * Detects the language of `text`.
 *
 * @returns a detection; `language: 'und'` for empty, numeric or too-short text, or when no
 *   candidate (after `hints`) fits the text's script.
 *
 * @example
 * detectLanguage('Le sommet s’est tenu à Xi’an, l’ancienne capitale de la Chine.').language // 'fr'
 */
export function detectLanguage(text: string, options: DetectOptions = {}): Detection {
  const sample = text.slice(0, SAMPLE_LENGTH)
  const counts = countScripts(sample)
  let letters = 0
  for (const n of counts.values()) letters += n
  if (letters < MIN_LETTERS) return UNDETERMINED

  const hinted = (options.hints ?? [])
    .map((code) => languageByCode(code))
    .filter((l): l is LanguageInfo => l !== undefined)
  const candidates = hinted.length > 0 ? hinted : LANGUAGES

  const kana = counts.get('Kana') ?? 0
  const han = counts.get('Hani') ?? 0
  const hangul = counts.get('Hang') ?? 0
  // Japanese mixes Kana and Han; Korean may contain Han (hanja). Decide by script mix first.
  const scriptOf = (l: LanguageInfo): number => {
    switch (l.script) {
      case 'Jpan':
        return kana > 0 ? kana + han : 0
      case 'Kore':
        return hangul
      case 'Hani':
        return kana === 0 && hangul === 0 ? han : 0
      default:
        return counts.get(l.script as ScriptName) ?? 0
    }
  }
  let bestScript = ''
  let bestCount = 0
  for (const l of candidates) {
    const n = scriptOf(l)
    if (n > bestCount) {
      bestCount = n
      bestScript = l.script
    }
  }
  if (bestCount === 0) return UNDETERMINED
  const sameScript = candidates.filter((l) => l.script === bestScript)
  if (sameScript.length === 1) {
    const only = sameScript[0] as LanguageInfo
    return result(only, bestScript, Math.min(1, bestCount / 10), [])
  }
  const ranked = francAll(sample, { only: sameScript.map((l) => l.franc), minLength: 1 })
  const top = ranked[0]
  const topLanguage = top ? languageByFranc(top[0]) : undefined
  if (!top || !topLanguage) return UNDETERMINED
  const second = ranked[1]?.[1] ?? 0
  const confidence = marginToConfidence(1 - second)
  const alternatives = ranked.slice(1, 4).flatMap(([code, score]) => {
    const l = languageByFranc(code)
    return l
      ? [{ language: l.code, confidence: Math.round(score * (1 - confidence) * 1000) / 1000 }]
      : []
  })
  return result(topLanguage, bestScript, confidence, alternatives)
}
