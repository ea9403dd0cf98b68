/**
 * Language tags: the one way the code base reduces a BCP 47 tag to its language.
 *
 * @module
 */

/** The primary language subtag, lowercase: `pt-BR` → `pt`, `zh-Hant` → `zh`, `EN` → `en`. */
export function primarySubtag(tag: string): string {
  const dash = tag.indexOf('-')
  return (dash < 0 ? tag : tag.slice(0, dash)).toLowerCase()
}

/**
 * The primary subtag when it looks like a language (2 or 3 letters), else `und`: a safe key for
 * per-language caches fed by request input, and a locale `Intl` accepts.
 */
export function languageKey(tag: string): string {
  const primary = primarySubtag(tag)
  return LANGUAGE_SUBTAG.test(primary) ? primary : 'und'
}

const LANGUAGE_SUBTAG = /^[a-z]{2,3}$/
