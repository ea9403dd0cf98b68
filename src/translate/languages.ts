/**
 * Language codes and pair support for the providers.
 *
 * The API speaks BCP 47. Apertium speaks ISO 639-3 with `_`-separated variants (`cat_valencia`,
 * `por_BR`, `eng_US`); m2m100 takes ISO 639-1 codes. The tables below cover the languages those
 * engines ship; unknown codes pass through unchanged (a three-letter ISO 639-3 code is also a
 * valid BCP 47 primary subtag).
 *
 * @module
 */
import { primarySubtag } from '../text/language'
import type { LanguagePair, LanguageSupport } from './types'

/** ISO 639-3 → ISO 639-1 for the languages Apertium pairs use. */
const ISO3_TO_1: Readonly<Record<string, string>> = {
  afr: 'af',
  arg: 'an',
  bel: 'be',
  bre: 'br',
  bul: 'bg',
  cat: 'ca',
  ces: 'cs',
  cym: 'cy',
  dan: 'da',
  deu: 'de',
  ell: 'el',
  eng: 'en',
  epo: 'eo',
  eus: 'eu',
  fin: 'fi',
  fra: 'fr',
  gle: 'ga',
  glg: 'gl',
  hbs: 'sh',
  hin: 'hi',
  hrv: 'hr',
  isl: 'is',
  ind: 'id',
  ita: 'it',
  kaz: 'kk',
  mkd: 'mk',
  mlt: 'mt',
  nld: 'nl',
  nno: 'nn',
  nob: 'nb',
  nor: 'no',
  oci: 'oc',
  pol: 'pl',
  por: 'pt',
  ron: 'ro',
  rus: 'ru',
  slv: 'sl',
  spa: 'es',
  srd: 'sc',
  srp: 'sr',
  swe: 'sv',
  tat: 'tt',
  tur: 'tr',
  ukr: 'uk',
  urd: 'ur',
  zlm: 'ms',
}

const ISO1_TO_3: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(ISO3_TO_1).map(([three, one]) => [one, three])
)

/**
 * Converts an Apertium code to BCP 47: `eng` → `en`, `cat_valencia` → `ca-valencia`,
 * `por_BR` → `pt-BR`. Subtags that are not valid BCP 47 variants go to a private-use tail
 * (`cat_valencia_uni` → `ca-valencia-x-uni`), so the result is always a well-formed tag.
 */
export function apertiumToBcp47(code: string): string {
  const [base = code, ...rest] = code.split('_')
  const language = ISO3_TO_1[base.toLowerCase()] ?? base.toLowerCase()
  const region: string[] = []
  const variants: string[] = []
  const privateUse: string[] = []
  for (const part of rest) {
    if (/^[A-Z]{2}$/.test(part)) region.push(part)
    else if (/^(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3})$/i.test(part)) variants.push(part.toLowerCase())
    else privateUse.push(part.toLowerCase())
  }
  const tail = privateUse.length > 0 ? ['x', ...privateUse] : []
  return [language, ...region, ...variants, ...tail].join('-')
}

/** Converts BCP 47 to an Apertium code (the inverse of {@link apertiumToBcp47}). */
export function bcp47ToApertium(tag: string): string {
  const [base = tag, ...rest] = tag.split('-').filter((part) => part !== 'x')
  const language = ISO1_TO_3[base.toLowerCase()] ?? base.toLowerCase()
  const suffix = rest.map((part) => (/^[A-Za-z]{2}$/.test(part) ? part.toUpperCase() : part))
  return [language, ...suffix].join('_')
}

/**
 * The 100 languages of M2M-100 (ISO 639-1, as listed on the model card), which Workers AI's
 * `@cf/meta/m2m100-1.2b` serves. Cloudflare's model page documents a subset (en, zh, fr, es, ar,
 * ru, de, ja, pt, hi) by name.
 */
export const M2M100_LANGUAGES: readonly string[] = [
  'af',
  'am',
  'ar',
  'ast',
  'az',
  'ba',
  'be',
  'bg',
  'bn',
  'br',
  'bs',
  'ca',
  'ceb',
  'cs',
  'cy',
  'da',
  'de',
  'el',
  'en',
  'es',
  'et',
  'fa',
  'ff',
  'fi',
  'fr',
  'fy',
  'ga',
  'gd',
  'gl',
  'gu',
  'ha',
  'he',
  'hi',
  'hr',
  'ht',
  'hu',
  'hy',
  'id',
  'ig',
  'ilo',
  'is',
  'it',
  'ja',
  'jv',
  'ka',
  'kk',
  'km',
  'kn',
  'ko',
  'lb',
  'lg',
  'ln',
  'lo',
  'lt',
  'lv',
  'mg',
  'mk',
  'ml',
  'mn',
  'mr',
  'ms',
  'my',
  'ne',
  'nl',
  'no',
  'ns',
  'oc',
  'or',
  'pa',
  'pl',
  'ps',
  'pt',
  'ro',
  'ru',
  'sd',
  'si',
  'sk',
  'sl',
  'so',
  'sq',
  'sr',
  'ss',
  'su',
  'sv',
  'sw',
  'ta',
  'th',
  'tl',
  'tn',
  'tr',
  'uk',
  'ur',
  'uz',
  'vi',
  'wo',
  'xh',
  'yi',
  'yo',
  'zh',
  'zu',
]

/** `true` when `support` covers `source → target` (exact tag, else primary subtags). */
export function supportsPair(support: LanguageSupport, pair: LanguagePair): boolean {
  return resolvePair(support, pair) !== undefined
}

/**
 * The supported pair that serves a request: the exact tags when listed, otherwise the pair of
 * primary subtags (`pt-BR` → `pt`). `undefined` when the engine cannot do it.
 */
export function resolvePair(
  support: LanguageSupport,
  pair: LanguagePair
): LanguagePair | undefined {
  const candidates: LanguagePair[] = [
    pair,
    { source: primarySubtag(pair.source), target: pair.target },
    { source: pair.source, target: primarySubtag(pair.target) },
    { source: primarySubtag(pair.source), target: primarySubtag(pair.target) },
  ]
  for (const candidate of candidates) {
    if (support.pairs) {
      if (support.pairs.some((p) => p.source === candidate.source && p.target === candidate.target))
        return candidate
    } else if (
      candidate.source !== candidate.target &&
      support.sources.includes(candidate.source) &&
      support.targets.includes(candidate.target)
    ) {
      return candidate
    }
  }
  return undefined
}

/** The targets `support` offers from `source` (exact tag or its primary subtag), sorted. */
export function targetsFor(support: LanguageSupport, source: string): string[] {
  const sources = new Set([source, primarySubtag(source)])
  const targets = support.pairs
    ? support.pairs.filter((p) => sources.has(p.source)).map((p) => p.target)
    : support.sources.some((s) => sources.has(s))
      ? support.targets.filter((t) => !sources.has(t))
      : []
  return [...new Set(targets)].sort()
}

/** Builds a {@link LanguageSupport} from a list of directed pairs. */
export function supportFromPairs(pairs: readonly LanguagePair[]): LanguageSupport {
  return {
    sources: [...new Set(pairs.map((p) => p.source))].sort(),
    targets: [...new Set(pairs.map((p) => p.target))].sort(),
    pairs: [...pairs].sort(
      (a, b) => a.source.localeCompare(b.source) || a.target.localeCompare(b.target)
    ),
  }
}
