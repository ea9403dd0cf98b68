/**
 * Running text of Firefox's translated user interface, for the short-text model: the Fluent
 * (`.ftl`) and `.properties` string files of the Debian `firefox-esr-l10n-<locale>` langpacks
 * (MPL-2.0). Every string is kept as often as it occurs, so a language's common words and
 * endings weigh as much as they do in written text, which one count per word-list entry cannot
 * give. Only the translated values are read: message ids, comments (the licence header, English
 * notes to translators), placeables (`{ -brand-short-name }`, `{ $count }`), markup and printf
 * slots are dropped.
 *
 * Needs (Debian): `apt-get install firefox-esr-l10n-<locale>` for every locale in `LANGPACKS`.
 *
 * @module
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'

/** Langpack locales per model language (Debian package `firefox-esr-l10n-<locale, lower case>`). */
export const LANGPACKS: Record<string, string[]> = {
  en: ['en-GB'],
  es: ['es-ES'],
  fr: ['fr'],
  de: ['de'],
  it: ['it'],
  pt: ['pt-PT', 'pt-BR'],
  nl: ['nl'],
  pl: ['pl'],
  cs: ['cs'],
  tr: ['tr'],
  vi: ['vi'],
  id: ['id'],
  ms: ['ms'],
  sv: ['sv-SE'],
  da: ['da'],
  nb: ['nb-NO'],
  fi: ['fi'],
  ro: ['ro'],
  hu: ['hu'],
  ru: ['ru'],
  uk: ['uk'],
  kk: ['kk'],
  ar: ['ar'],
  fa: ['fa'],
  ur: ['ur'],
}

const EXTENSIONS = process.env.FIREFOX_LANGPACK_DIR ?? '/usr/lib/firefox-esr/browser/extensions'

/** A message, term, attribute or property line: `id = value`, `-term = value`, `.attr = value`. */
const ENTRY = /^[-.]?[A-Za-z0-9_][A-Za-z0-9_.-]*\s*=\s?(.*)$/
/** A Fluent variant: `[one] value`, `*[other] value`. */
const VARIANT = /^\*?\[[^\]]+\]\s*(.*)$/

/** The translated text of one string, without placeables, markup and printf slots. */
export function cleanValue(value: string): string {
  let s = value
  // Placeables nest (`{ $n -> [one] … }` is split over lines; inline ones can hold strings).
  for (let prev = ''; prev !== s; ) {
    prev = s
    s = s.replace(/\{[^{}]*\}/g, ' ')
  }
  return s
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
    .replace(/\\[nt]/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-zA-Z]+;|&#\d+;/g, ' ')
    .replace(/%(\d+\$)?[a-zA-Z]/g, ' ')
    .replace(/\b(?:https?|ftp):\/\/\S+/g, ' ')
    .replace(/[{}]/g, ' ')
}

/** The translated strings of Fluent or `.properties` source, one per line. */
export function stringsOf(source: string): string[] {
  const out: string[] = []
  for (const raw of source.split('\n')) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#') || line.startsWith('!') || line === '}') continue
    const entry = ENTRY.exec(line)
    const variant = entry ? undefined : VARIANT.exec(line)
    // Anything else is a continuation line of a multi-line Fluent value.
    const value = entry ? entry[1] : variant ? variant[1] : line
    if (value === undefined || value.trimEnd().endsWith('->')) continue
    const text = cleanValue(value).replace(/\s+/g, ' ').trim()
    if (text !== '') out.push(text)
  }
  return out
}

/** The langpack text of `lang` (all its locales), one string per line; '' if it has none. */
export function langpackText(lang: string): string {
  const parts: string[] = []
  for (const locale of LANGPACKS[lang] ?? []) {
    const xpi = path.join(EXTENSIONS, `langpack-${locale}@firefox-esr.mozilla.org.xpi`)
    if (!existsSync(xpi)) {
      throw new Error(`missing ${xpi}: apt-get install firefox-esr-l10n-${locale.toLowerCase()}`)
    }
    // Archive order is fixed by the package, so the text is deterministic.
    const source = execFileSync('unzip', ['-p', xpi, '*.ftl', '*.properties'], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    })
    parts.push(stringsOf(source).join('\n'))
  }
  return parts.join('\n')
}
