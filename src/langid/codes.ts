/**
 * Language code tables: BCP 47 at every boundary, ISO 639-3 (franc's codes) only inside `langid/`.
 *
 * @module
 */

/** A language Précis detects. */
export type LanguageInfo = {
  /** BCP 47 / ISO 639-1 code returned by the API. */
  readonly code: string
  /** ISO 639-3 code (the macrolanguage where one exists: `ara`, `fas`, `zho`, `msa`). */
  readonly iso639_3: string
  /** franc's code for the language (an individual language, e.g. `arb`, `pes`, `cmn`, `zlm`). */
  readonly franc: string
  /** ISO 15924 script. */
  readonly script: string
  /** English name, for documentation and error messages. */
  readonly name: string
}

/** The languages of the n-gram model and the script rules, in documentation order. */
export const LANGUAGES: readonly LanguageInfo[] = [
  { code: 'en', iso639_3: 'eng', franc: 'eng', script: 'Latn', name: 'English' },
  { code: 'es', iso639_3: 'spa', franc: 'spa', script: 'Latn', name: 'Spanish' },
  { code: 'fr', iso639_3: 'fra', franc: 'fra', script: 'Latn', name: 'French' },
  { code: 'de', iso639_3: 'deu', franc: 'deu', script: 'Latn', name: 'German' },
  { code: 'it', iso639_3: 'ita', franc: 'ita', script: 'Latn', name: 'Italian' },
  { code: 'pt', iso639_3: 'por', franc: 'por', script: 'Latn', name: 'Portuguese' },
  { code: 'nl', iso639_3: 'nld', franc: 'nld', script: 'Latn', name: 'Dutch' },
  { code: 'ru', iso639_3: 'rus', franc: 'rus', script: 'Cyrl', name: 'Russian' },
  { code: 'uk', iso639_3: 'ukr', franc: 'ukr', script: 'Cyrl', name: 'Ukrainian' },
  { code: 'pl', iso639_3: 'pol', franc: 'pol', script: 'Latn', name: 'Polish' },
  { code: 'cs', iso639_3: 'ces', franc: 'ces', script: 'Latn', name: 'Czech' },
  { code: 'tr', iso639_3: 'tur', franc: 'tur', script: 'Latn', name: 'Turkish' },
  { code: 'ar', iso639_3: 'ara', franc: 'arb', script: 'Arab', name: 'Arabic' },
  { code: 'fa', iso639_3: 'fas', franc: 'pes', script: 'Arab', name: 'Persian' },
  { code: 'he', iso639_3: 'heb', franc: 'heb', script: 'Hebr', name: 'Hebrew' },
  { code: 'hi', iso639_3: 'hin', franc: 'hin', script: 'Deva', name: 'Hindi' },
  { code: 'bn', iso639_3: 'ben', franc: 'ben', script: 'Beng', name: 'Bengali' },
  { code: 'ur', iso639_3: 'urd', franc: 'urd', script: 'Arab', name: 'Urdu' },
  { code: 'zh', iso639_3: 'zho', franc: 'cmn', script: 'Hani', name: 'Chinese' },
  { code: 'ja', iso639_3: 'jpn', franc: 'jpn', script: 'Jpan', name: 'Japanese' },
  { code: 'ko', iso639_3: 'kor', franc: 'kor', script: 'Kore', name: 'Korean' },
  { code: 'vi', iso639_3: 'vie', franc: 'vie', script: 'Latn', name: 'Vietnamese' },
  { code: 'th', iso639_3: 'tha', franc: 'tha', script: 'Thai', name: 'Thai' },
  { code: 'id', iso639_3: 'ind', franc: 'ind', script: 'Latn', name: 'Indonesian' },
  { code: 'ms', iso639_3: 'msa', franc: 'zlm', script: 'Latn', name: 'Malay' },
  { code: 'sv', iso639_3: 'swe', franc: 'swe', script: 'Latn', name: 'Swedish' },
  { code: 'da', iso639_3: 'dan', franc: 'dan', script: 'Latn', name: 'Danish' },
  { code: 'nb', iso639_3: 'nob', franc: 'nob', script: 'Latn', name: 'Norwegian Bokmål' },
  { code: 'fi', iso639_3: 'fin', franc: 'fin', script: 'Latn', name: 'Finnish' },
  { code: 'el', iso639_3: 'ell', franc: 'ell', script: 'Grek', name: 'Greek' },
  { code: 'ro', iso639_3: 'ron', franc: 'ron', script: 'Latn', name: 'Romanian' },
  { code: 'hu', iso639_3: 'hun', franc: 'hun', script: 'Latn', name: 'Hungarian' },
  { code: 'kk', iso639_3: 'kaz', franc: 'kaz', script: 'Cyrl', name: 'Kazakh' },
]

/** A language detected through franc's trigram profile rather than the n-gram model. */
export type FrancLanguage = LanguageInfo & {
  /**
   * The model languages its text is taken for (measured): franc compares the two only when the
   * model's answer is one of these.
   */
  readonly near: readonly string[]
}

/**
 * Languages outside the n-gram model, told apart from their neighbours by franc's profiles
 * (`franc.generated.ts`). Catalan and Galician matter because the translation engines take them
 * (Apertium: eng↔cat, spa↔glg), and the model alone reads them as Spanish, French or Portuguese.
 */
export const FRANC_LANGUAGES: readonly FrancLanguage[] = [
  {
    code: 'ca',
    iso639_3: 'cat',
    franc: 'cat',
    script: 'Latn',
    name: 'Catalan',
    near: ['es', 'fr', 'pt', 'it', 'ro', 'en'],
  },
  {
    code: 'gl',
    iso639_3: 'glg',
    franc: 'glg',
    script: 'Latn',
    name: 'Galician',
    near: ['es', 'pt', 'it', 'en'],
  },
]

/** Every language `detectLanguage` may return: the model's and franc's. */
export const DETECTABLE: readonly LanguageInfo[] = [...LANGUAGES, ...FRANC_LANGUAGES]

const byCode = new Map(DETECTABLE.map((l) => [l.code, l]))
const byFranc = new Map(DETECTABLE.map((l) => [l.franc, l]))

/** Looks a language up by its BCP 47 code (`pt-BR` finds `pt`, `no` finds `nb`). */
export function languageByCode(code: string): LanguageInfo | undefined {
  const lower = code.toLowerCase()
  const base = lower.split(/[-_]/)[0] ?? lower
  return byCode.get(lower) ?? byCode.get(base) ?? (base === 'no' ? byCode.get('nb') : undefined)
}

/** Looks a language up by franc's ISO 639-3 code. */
export function languageByFranc(code: string): LanguageInfo | undefined {
  return byFranc.get(code)
}

/** The BCP 47 codes of every language `detectLanguage` may return. */
export const SUPPORTED_CODES: readonly string[] = DETECTABLE.map((l) => l.code)
