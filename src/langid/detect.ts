/**
 * Language detection: script first, then, for scripts shared by several supported languages
 * (Latin, Cyrillic, Arabic), a character n-gram model (naive Bayes, refined discriminatively),
 * frequent-word lists and close-pair markers, restricted to that script's candidates. Confidence
 * is the calibrated probability that the answer is right, from the score margin over the
 * runner-up (franc's top score is always 1, so it says nothing on its own). See docs/langid.md.
 *
 * Pure: no I/O, no globals besides read-only tables (compiled at build time, decoded at load).
 *
 * @module
 */
import {
  FRANC_LANGUAGES,
  type FrancLanguage,
  LANGUAGES,
  type LanguageInfo,
  languageByCode,
} from './codes'
import { FRANC_PROFILES } from './franc.generated'
import {
  type CompiledFranc,
  type CompiledGroup,
  compileFranc,
  compileGroup,
  francDistances,
  lexiconMask,
  type ModelData,
  ngramScores,
} from './model'
import { markerBalance, PAIRS, type PairMarkers } from './pairs'
import { countScripts, type ScriptCounts } from './script'
import { STORED_SHORT_GROUPS } from './short-tables.generated'
import { decodeGroup } from './tables'
import { STORED_GROUPS } from './tables.generated'
import { modelWords } from './text'

/** What `detectLanguage` returns. Field names are the API contract. */
export type Detection = {
  /** BCP 47 code (ISO 639-1; `nb` for Norwegian Bokmål), or `und` when undecidable. */
  readonly language: string
  /** ISO 639-3 code (the macrolanguage for ar, fa, zh, ms), or `und`. */
  readonly iso639_3: string
  /** ISO 15924 script the decision was made on (`Zyyy` when there are no letters). */
  readonly script: string
  /**
   * Estimated probability (0…1) that `language` is right, calibrated on the dev evaluation set:
   * among answers with confidence ≈ 0.9, about 90 % were right. 0 for `und`.
   */
  readonly confidence: number
  /** `confidence >= RELIABLE_AT`; always `false` for `und`. */
  readonly reliable: boolean
  /** Runners-up (at most 3), best first; their confidences and the top's sum to at most 1. */
  readonly alternatives: ReadonlyArray<{ readonly language: string; readonly confidence: number }>
}

/** Options of {@link detectLanguage}. */
export type DetectOptions = {
  /** BCP 47 codes; restricts the candidates. Unknown codes are ignored; none valid = no limit. */
  readonly hints?: readonly string[]
}

/** Confidence at and above which a detection is flagged `reliable`. */
export const RELIABLE_AT = 0.75

/** Tunables of a detector; {@link createDetector} fills in the defaults. */
export type DetectorConfig = {
  /**
   * Another n-gram model (the evaluation's `--model`, tests), compiled on first use; by default
   * the shipped model's tables, compiled at build time.
   */
  readonly model?: ModelData
  /**
   * The short-text model (more grams per language, trained on the same data), used for texts of
   * fewer than `shortBelow` characters; by default the shipped one (`short-tables.generated.ts`).
   */
  readonly shortModel?: ModelData
  /** Texts shorter than this (UTF-16 units) are scored by the short-text model; 0 turns it off. */
  readonly shortBelow: number
  /** Use the n-gram model (off: franc's distance alone, as franc does; needs `franc`). */
  readonly ngram: boolean
  /** franc's trigram profiles (`FRANC_ALL_PROFILES`), for the franc-based scorer; off by default. */
  readonly franc?: Readonly<Record<string, string>>
  /**
   * Languages detected through franc (Catalan, Galician): the model's answer gives way to one of
   * them when franc puts the text at least this much closer to it (franc's distance, 0…1) than
   * to the model's answer. `Infinity` turns them off.
   */
  readonly francMargin: number
  /** Weight of franc's distance against the n-gram log-likelihood, in nats per gram. */
  readonly francWeight: number
  /**
   * Calibration of the score margin: points (ln(1 + margin), P(right)), increasing, interpolated
   * linearly and held flat outside. Fitted on the dev evaluation set by isotonic regression
   * (`npm run eval:langid -- --calibrate` prints them).
   */
  readonly calibration: ReadonlyArray<readonly [number, number]>
  /** Characters of the text that are read; the rest only costs time. */
  readonly sampleLength: number
  /** Receives the raw score margin of every ranked decision (for fitting `calibration`). */
  readonly onMargin?: (margin: number) => void
  /** Scales every close pair's marker weight (1: as in `pairs.ts`; 0 turns the markers off). */
  readonly markerWeight: number
  /** The close pairs and their markers (`pairs.ts`). */
  readonly pairs: readonly PairMarkers[]
  /** Nats per word of the text on a language's frequent-word list; 0 turns the lists off. */
  readonly wordWeight: number
}

/**
 * Printed by `npm run eval:langid -- --calibrate` on langid-dev.jsonl (40,683 ranked answers);
 * the last point is capped at 0.999: no answer is certain.
 */
const CALIBRATION: DetectorConfig['calibration'] = [
  [0.222, 0.414],
  [1.02, 0.4572],
  [1.402, 0.5428],
  [1.696, 0.626],
  [2.005, 0.7646],
  [2.287, 0.842],
  [2.545, 0.9298],
  [2.775, 0.964],
  [2.981, 0.9882],
  [3.17, 0.9912],
  [3.363, 0.9941],
  [3.562, 0.9953],
  [3.774, 0.9982],
  [4.306, 0.9982],
  [5.235, 0.999],
]

/**
 * The shipped model's tables, decoded from their build-time form when the module loads (isolate
 * startup, a few milliseconds), so that no request compiles them.
 */
const SHIPPED_GROUPS: Readonly<Record<string, CompiledGroup>> = Object.fromEntries(
  Object.entries(STORED_GROUPS).map(([script, stored]) => [script, decodeGroup(stored)])
)

/** The short-text model's tables, likewise (`short-tables.generated.ts`). */
const SHIPPED_SHORT_GROUPS: Readonly<Record<string, CompiledGroup>> = Object.fromEntries(
  Object.entries(STORED_SHORT_GROUPS).map(([script, stored]) => [script, decodeGroup(stored)])
)

/**
 * Below this many characters (headlines, search boxes, single words) the short-text model scores:
 * it keeps several times more grams per language, which is what one or two words need; longer
 * text has evidence to spare and keeps the compact model (docs/langid.md, "Short text").
 */
const SHORT_BELOW = 120

/** Fewest letters an alphabetic text needs for an answer ("ok", "a1" are `und`). */
const MIN_LETTERS = 3
/** A single Han, Kana or Hangul character is a syllable or a word, so it can be decided. */
const MIN_CJK_LETTERS = 1

/** A Han character or a Hangul/Kana syllable carries about as much as a few alphabet letters. */
const SYLLABLE_WEIGHT = 3
/**
 * Latin letters count for less when choosing the script: web and news text in other scripts is
 * full of Latin brand names, URLs and boilerplate ("Share to Twitter"), while Latin-script text
 * rarely carries long runs of another script. So another script wins with a quarter of Latin's
 * letters.
 */
const LATIN_WEIGHT = 0.25

/**
 * Reading stops once the leader is this many nats ahead: calibrated confidence is then ≈ 0.999,
 * and a 4,000-character article costs about as much as its first few hundred characters.
 */
const STOP_MARGIN = 200

/**
 * Score differences are summed over overlapping grams of four orders, so they overstate the
 * evidence; this damping puts runners-up's shares on a plausible scale.
 */
const ALTERNATIVE_SCALE = 0.25

/**
 * See `DetectorConfig.francMargin`. franc only competes when `hints` name one of its languages,
 * and then the nearer of the named candidates wins (measured: any margin trades more of the
 * franc language than it saves of the other; docs/langid.md).
 */
const FRANC_MARGIN = 0

const DEFAULTS: DetectorConfig = {
  ngram: true,
  francWeight: 0,
  francMargin: FRANC_MARGIN,
  calibration: CALIBRATION,
  sampleLength: 1024,
  shortBelow: SHORT_BELOW,
  markerWeight: 1,
  pairs: PAIRS,
  wordWeight: 8,
}

const UNDETERMINED: Detection = {
  language: 'und',
  iso639_3: 'und',
  script: 'Zyyy',
  confidence: 0,
  reliable: false,
  alternatives: [],
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000

/**
 * Confidence of franc's choice, from its lead (distance to the nearest other candidate minus
 * distance to the chosen one): points (lead, share right) measured with hints ca+es, ca+fr,
 * gl+pt and gl+es on Catalan, Galician, Spanish, French and Portuguese sentences of Debian's
 * message catalogs (docs/langid.md), interpolated and held flat outside.
 */
const FRANC_CALIBRATION: ReadonlyArray<readonly [number, number]> = [
  [0.005, 0.553],
  [0.015, 0.682],
  [0.025, 0.783],
  [0.04, 0.875],
  [0.065, 0.956],
  [0.1, 0.99],
]

function francConfidence(lead: number): number {
  let prev = FRANC_CALIBRATION[0] as readonly [number, number]
  if (lead <= prev[0]) return prev[1]
  for (const point of FRANC_CALIBRATION.slice(1)) {
    if (lead <= point[0])
      return prev[1] + ((point[1] - prev[1]) * (lead - prev[0])) / (point[0] - prev[0])
    prev = point
  }
  return prev[1]
}

/** Letters that count for a language written in `script` (Japanese = Kana + Han, etc.). */
function lettersFor(script: string, { counts }: ScriptCounts): number {
  return weightedLetters(script, counts) * (script === 'Latn' ? LATIN_WEIGHT : 1)
}

function weightedLetters(script: string, counts: ScriptCounts['counts']): number {
  switch (script) {
    case 'Jpan':
      // Chinese never uses Kana; a trace of it in Han text (a katakana name) is still Japanese.
      return counts.Kana > 0 ? (counts.Kana + counts.Hani) * SYLLABLE_WEIGHT : 0
    case 'Kore':
      // Korean text may carry Hanja; Hangul decides.
      return counts.Hang > 0 ? (counts.Hang + counts.Hani) * SYLLABLE_WEIGHT : 0
    case 'Hani':
      return counts.Kana === 0 && counts.Hang === 0 ? counts.Hani * SYLLABLE_WEIGHT : 0
    default:
      return counts[script as keyof ScriptCounts['counts']] ?? 0
  }
}

/**
 * Creates a detector with its own configuration (the evaluation uses this for ablations).
 * Tables compile on the first call that needs them.
 */
export function createDetector(
  config: Partial<DetectorConfig> = {}
): (text: string, options?: DetectOptions) => Detection {
  const cfg: DetectorConfig = { ...DEFAULTS, ...config }
  const groups = new Map<string, CompiledGroup | undefined>(
    cfg.model ? [] : Object.entries(SHIPPED_GROUPS)
  )
  const shortGroups = new Map<string, CompiledGroup | undefined>(
    cfg.shortModel ? [] : Object.entries(SHIPPED_SHORT_GROUPS)
  )
  let franc: CompiledFranc | undefined
  let francExtras: CompiledFranc | undefined
  const group = (script: string) => {
    if (!groups.has(script))
      groups.set(script, cfg.model ? compileGroup(cfg.model, script) : undefined)
    return groups.get(script)
  }
  const shortGroup = (script: string) => {
    if (!shortGroups.has(script))
      shortGroups.set(
        script,
        cfg.shortModel ? compileGroup(cfg.shortModel, script, { sorted: true }) : undefined
      )
    return shortGroups.get(script)
  }

  const confidenceOf = (margin: number): number => {
    const knots = cfg.calibration
    const t = Math.log1p(margin)
    const first = knots[0]
    if (!first) return 0.5
    if (t <= first[0]) return first[1]
    for (let i = 1; i < knots.length; i++) {
      const [t1, p1] = knots[i] as readonly [number, number]
      if (t <= t1) {
        const [t0, p0] = knots[i - 1] as readonly [number, number]
        return p0 + ((p1 - p0) * (t - t0)) / (t1 - t0)
      }
    }
    return (knots.at(-1) as readonly [number, number])[1]
  }

  const result = (
    language: LanguageInfo,
    script: string,
    confidence: number,
    alternatives: Detection['alternatives']
  ): Detection => {
    const c = round3(confidence)
    return {
      language: language.code,
      iso639_3: language.iso639_3,
      script,
      confidence: c,
      reliable: c >= RELIABLE_AT,
      alternatives,
    }
  }

  /** Ranks same-script model `candidates` (≥ 2) statistically. */
  const rankModel = (
    sample: string,
    script: string,
    candidates: readonly LanguageInfo[]
  ): Detection => {
    const g = (sample.length < cfg.shortBelow ? shortGroup(script) : undefined) ?? group(script)
    const codes = candidates.map((l) => l.code)
    const scores = new Float64Array(codes.length)
    let grams = 0
    const words = modelWords(sample)
    if (cfg.ngram && g) {
      const columns = codes.map((c) => g.langs.indexOf(c)).filter((j) => j >= 0)
      const ng = ngramScores(g, words, { columns, margin: STOP_MARGIN })
      grams = ng.grams
      codes.forEach((c, i) => {
        const j = g.langs.indexOf(c)
        scores[i] = j >= 0 ? (ng.scores[j] as number) : Number.NEGATIVE_INFINITY
      })
    }
    if (cfg.wordWeight > 0 && g) {
      // Character statistics miss whole-word evidence: "values entire" reads French by its
      // grams, but both words are on the English list only.
      const column = new Int32Array(g.langs.length).fill(-1)
      codes.forEach((c, i) => {
        const j = g.langs.indexOf(c)
        if (j >= 0) column[j] = i
      })
      for (const w of words.split(' ')) {
        const on = lexiconMask(g.lexicon, w)
        if (on === 0) continue
        for (let j = 0; j < column.length; j++) {
          const i = column[j] as number
          if (i >= 0 && (on >>> j) & 1) scores[i] = (scores[i] as number) + cfg.wordWeight
        }
      }
    }
    if (cfg.markerWeight > 0 || cfg.pairs.some((p) => p.modelShare !== 1)) {
      let best = 0
      for (let i = 1; i < scores.length; i++)
        if ((scores[i] as number) > (scores[best] as number)) best = i
      for (const pair of cfg.pairs) {
        const ia = codes.indexOf(pair.a)
        const ib = codes.indexOf(pair.b)
        // Markers only arbitrate inside the pair: skip them unless one side leads.
        if (ia < 0 || ib < 0 || (best !== ia && best !== ib)) continue
        const sa = scores[ia] as number
        const sb = scores[ib] as number
        // Both sides keep the pair's mean score, so third languages are not affected; the model's
        // difference between the two shrinks to its share, and the markers move the rest.
        const mid = (sa + sb) / 2
        const half = ((sb - sa) / 2) * pair.modelShare
        const moved = (cfg.markerWeight * pair.weight * markerBalance(pair, words)) / 2
        scores[ib] = mid + half + moved
        scores[ia] = mid - half - moved
      }
    }
    const useFranc = cfg.franc !== undefined && (cfg.francWeight > 0 || !cfg.ngram)
    // No gram of the text is known to any candidate (and no franc): nothing to decide on.
    if (grams === 0 && !useFranc) return UNDETERMINED
    if (cfg.franc && useFranc) {
      franc ??= compileFranc(cfg.franc)
      const d = francDistances(franc, sample, codes)
      // Without the n-gram model, franc's distance is the whole score; scale it per trigram.
      const weight = cfg.ngram ? cfg.francWeight * grams : 1000
      codes.forEach((_, i) => {
        scores[i] = (scores[i] as number) - weight * (d[i] as number)
      })
    }
    const order = codes
      .map((_, i) => i)
      .sort((x, y) => (scores[y] as number) - (scores[x] as number))
    const best = order[0] as number
    const top = scores[best] as number
    if (!Number.isFinite(top)) return UNDETERMINED
    const second =
      order.length > 1 ? (scores[order[1] as number] as number) : Number.NEGATIVE_INFINITY
    const margin = Number.isFinite(second) ? top - second : Number.POSITIVE_INFINITY
    cfg.onMargin?.(margin)
    const confidence = confidenceOf(margin)
    // Runners-up share what the top leaves, in proportion to their damped likelihoods.
    const weights = order
      .slice(1, 4)
      .map((i) => Math.exp(ALTERNATIVE_SCALE * ((scores[i] as number) - top)))
    const total = weights.reduce((s, w) => s + w, 0)
    const alternatives = order.slice(1, 4).flatMap((i, k) => {
      // Capped at the top's confidence: a near-tie is reported as a tie, never as a better runner-up.
      const share =
        total > 0 ? Math.min(confidence, ((weights[k] as number) / total) * (1 - confidence)) : 0
      return share >= 0.001 ? [{ language: codes[i] as string, confidence: round3(share) }] : []
    })
    return result(candidates[best] as LanguageInfo, script, confidence, alternatives)
  }

  /**
   * Ranks same-script `candidates` (≥ 2): the model's languages by the model; then a language
   * detected through franc takes over when franc finds the text clearly closer to it than to the
   * model's answer (or when no model language is a candidate).
   */
  const rank = (sample: string, script: string, candidates: readonly LanguageInfo[]): Detection => {
    const extras = candidates.filter((l): l is FrancLanguage =>
      FRANC_LANGUAGES.includes(l as FrancLanguage)
    )
    const modelled =
      extras.length === 0
        ? candidates
        : candidates.filter((l) => !extras.includes(l as FrancLanguage))
    const model =
      modelled.length >= 2
        ? rankModel(sample, script, modelled)
        : modelled.length === 1
          ? result(modelled[0] as LanguageInfo, script, 0.99, [])
          : UNDETERMINED
    if (extras.length === 0 || !Number.isFinite(cfg.francMargin)) return model
    const top = model.language
    const rivals = top === 'und' ? extras : extras.filter((l) => l.near.includes(top))
    if (rivals.length === 0) return model
    francExtras ??= compileFranc(FRANC_PROFILES)
    const codes = top === 'und' ? rivals.map((l) => l.code) : [top, ...rivals.map((l) => l.code)]
    const d = francDistances(francExtras, sample, codes)
    // The closest of the franc languages, and its lead over the model's answer (or the runner-up).
    const first = top === 'und' ? 0 : 1
    let best = first
    for (let i = first + 1; i < codes.length; i++)
      if ((d[i] as number) < (d[best] as number)) best = i
    let rival = Number.POSITIVE_INFINITY
    for (let i = 0; i < codes.length; i++) if (i !== best) rival = Math.min(rival, d[i] as number)
    const lead = rival - (d[best] as number)
    if (top !== 'und' && !(lead >= cfg.francMargin)) {
      // The model's answer stays; franc's doubt caps its confidence.
      const capped = Math.min(
        model.confidence,
        francConfidence((d[best] as number) - (d[0] as number))
      )
      return result(languageByCode(top) as LanguageInfo, script, capped, [
        { language: codes[best] as string, confidence: round3(Math.min(capped, 1 - capped)) },
      ])
    }
    const language = rivals[best - first] as FrancLanguage
    const confidence = Number.isFinite(lead) ? francConfidence(lead) : 0.99
    const alternatives =
      top === 'und'
        ? []
        : [{ language: top, confidence: round3(Math.min(confidence, 1 - confidence)) }]
    return result(language, script, confidence, alternatives)
  }

  return (text, options = {}) => {
    if (typeof text !== 'string' || text.length === 0) return UNDETERMINED
    const sample = text.slice(0, cfg.sampleLength)
    const counts = countScripts(sample)
    if (counts.letters === 0) return UNDETERMINED

    const hinted = (options.hints ?? []).flatMap((code) => {
      const l = typeof code === 'string' ? languageByCode(code) : undefined
      return l ? [l] : []
    })
    const candidates = hinted.length > 0 ? hinted : LANGUAGES

    // The script with the most letters among the candidates' scripts decides who competes.
    let script = ''
    let letters = 0
    for (const l of candidates) {
      const n = lettersFor(l.script, counts)
      if (n > letters) {
        letters = n
        script = l.script
      }
    }
    const cjk = script === 'Hani' || script === 'Jpan' || script === 'Kore'
    const raw =
      script === 'Latn' ? letters / LATIN_WEIGHT : cjk ? letters / SYLLABLE_WEIGHT : letters
    if (raw < (cjk ? MIN_CJK_LETTERS : MIN_LETTERS)) return UNDETERMINED
    const rivals = candidates.filter((l) => l.script === script)
    if (rivals.length === 1) {
      // The script alone decides; short CJK input (one character) may still be the other CJK
      // language, so confidence grows with length.
      const only = rivals[0] as LanguageInfo
      return result(only, script, cjk ? Math.min(0.99, 0.75 + 0.06 * raw) : 0.99, [])
    }
    return rank(sample, script, rivals)
  }
}

const defaultDetector = createDetector()

/**
 * Detects the language of `text` among the supported languages (or only `hints`).
 *
 * @returns a {@link Detection}; `language: 'und'` for empty, numeric or too-short text (fewer
 *   than 3 letters; 1 for Chinese, Japanese and Korean), or when no candidate (after `hints`) is
 *   written in the text's script. Never throws.
 *
 * @example
 * detectLanguage('Le sommet s’est tenu à Xi’an, l’ancienne capitale de la Chine.').language // 'fr'
 * detectLanguage('Hej, hvordan har du det?', { hints: ['da', 'nb'] }).language // 'da'
 */
export function detectLanguage(text: string, options: DetectOptions = {}): Detection {
  return defaultDetector(text, options)
}
