/**
 * Language codes of glossary columns: BCP 47, checked against ISO 639-1 (plus a few common
 * three-letter codes that have no two-letter form), canonicalized (`EN` → `en`, `zh-hans` →
 * `zh-Hans`, `iw` → `he`).
 *
 * @module
 */
import { primarySubtag } from '../text/language'

// ISO 639-1: every two-letter language code.
const ISO_639_1 = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy ' +
    'da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu ' +
    'hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb ' +
    'lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om ' +
    'or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ' +
    'ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
  ).split(' ')
)

// Three-letter codes newsrooms meet that have no two-letter equivalent (ISO 639-2/3).
const ISO_639_3_EXTRA = new Set(
  (
    'ace arz ary apc ast ban bho bug ceb chr ckb cmn crh doi dsb fil frp gsw hak haw hmn hsb ilo ' +
    'kab kok lad lij ltg mai mfe min mni nan nds nso pam pap sah sat sco szl tet tok tpi tzm vec ' +
    'war wuu yue zgh'
  ).split(' ')
)

/** Result of {@link canonicalLanguage}. */
export type LanguageCheck =
  | { readonly ok: true; readonly code: string }
  | { readonly ok: false; readonly message: string }

/**
 * Checks and canonicalizes a column's language code.
 *
 * @example
 * canonicalLanguage('ZH-hans') // { ok: true, code: 'zh-Hans' }
 * canonicalLanguage('kind')    // { ok: false, message: "'kind' is not a language code …" }
 */
export function canonicalLanguage(raw: string): LanguageCheck {
  const code = raw.trim()
  let canonical: string | undefined
  try {
    canonical = Intl.getCanonicalLocales(code)[0]
  } catch {
    canonical = undefined
  }
  if (canonical === undefined || code === '' || code.includes('_')) {
    return {
      ok: false,
      message: `'${code}' is not a language code: use a BCP 47 code such as en, es, pt-BR or zh-Hans`,
    }
  }
  const primary = primarySubtag(canonical)
  if (primary === 'und' || primary === 'mul' || primary === 'zxx' || primary === 'mis') {
    return { ok: false, message: `'${code}' does not name a specific language` }
  }
  if (!ISO_639_1.has(primary) && !ISO_639_3_EXTRA.has(primary)) {
    return {
      ok: false,
      message: `'${code}' is not a known language code: use a two-letter ISO 639-1 code such as en, es, ru, zh`,
    }
  }
  return { ok: true, code: canonical }
}

/**
 * Picks the glossary column for a text in `language`: the exact code first, then the first
 * column with the same primary language (`pt-BR` text → a `pt` column; `zh` text → a `zh-Hans`
 * column).
 *
 * @returns the column's code, or `undefined` when the glossary has no column for the language.
 */
export function resolveColumn(columns: readonly string[], language: string): string | undefined {
  let wanted = language
  try {
    wanted = Intl.getCanonicalLocales(language)[0] ?? language
  } catch {
    // not a valid tag: compare as given
  }
  const exact = columns.find((c) => c.toLowerCase() === wanted.toLowerCase())
  if (exact !== undefined) return exact
  const primary = primarySubtag(wanted)
  return columns.find((c) => primarySubtag(c) === primary)
}
