/**
 * Running text of translated program messages, for the short-text model: the gettext catalogs
 * (`/usr/share/locale/<locale>/LC_MESSAGES/<domain>.mo`) of a fixed list of Debian packages
 * (`CATALOG_PACKAGES`; GPL/LGPL translations of free software). Messages are kept as often as
 * they occur. English is the catalogs' source text (the message ids of the German catalogs).
 * Printf slots, markup, mnemonics and escapes are dropped (`langpack-text.ts`'s `cleanValue`).
 *
 * @module
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { cleanValue } from './langpack-text'

/** Catalog domain → the Debian package that installs it. */
export const CATALOG_PACKAGES: Record<string, string> = {
  gtk30: 'libgtk-3-common',
  'gtk30-properties': 'libgtk-3-common',
  gtk20: 'libgtk2.0-common',
  glib20: 'libglib2.0-data',
  'Linux-PAM': 'libpam-runtime',
  coreutils: 'coreutils',
  bash: 'bash',
  apt: 'apt',
  libc: 'libc-l10n',
  dpkg: 'dpkg',
  systemd: 'systemd',
  'gettext-tools': 'gettext',
  grep: 'grep',
  tar: 'tar',
  findutils: 'findutils',
}

/** Catalog locales per model language; English reads the message ids of `de`. */
export const CATALOG_LOCALES: Record<string, string[]> = {
  en: ['de'],
  pt: ['pt', 'pt_BR'],
  nb: ['nb'],
}

const LOCALE_DIR = process.env.LOCALE_DIR ?? '/usr/share/locale'

/** The message ids and translations of a `.mo` file (GNU gettext's binary catalog). */
export function readCatalog(bytes: Uint8Array): Array<{ id: string; text: string }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const magic = view.getUint32(0, true)
  const little = magic === 0x950412de
  if (!little && view.getUint32(0, false) !== 0x950412de) throw new Error('not a .mo file')
  const u32 = (at: number) => view.getUint32(at, little)
  const count = u32(8)
  const ids = u32(12)
  const texts = u32(16)
  const decoder = new TextDecoder('utf-8')
  const string = (table: number, i: number) => {
    const length = u32(table + i * 8)
    const offset = u32(table + i * 8 + 4)
    return decoder.decode(bytes.subarray(offset, offset + length))
  }
  const out: Array<{ id: string; text: string }> = []
  for (let i = 0; i < count; i++) out.push({ id: string(ids, i), text: string(texts, i) })
  return out
}

/** One catalog's text: translations (or ids, for English), plural forms included. */
function catalogStrings(file: string, ids: boolean): string[] {
  const out: string[] = []
  for (const { id, text } of readCatalog(readFileSync(file))) {
    if (id === '') continue // the header entry
    const value = ids ? id : text
    // Context (`ctx\u0004id`) and plural forms (`one\0other`).
    const body = value.includes('\u0004') ? value.slice(value.indexOf('\u0004') + 1) : value
    for (const form of body.split('\0')) {
      const clean = cleanValue(form.replace(/_(?=\p{L})/gu, '').replace(/\\n/g, ' '))
        .replace(/\s+/g, ' ')
        .trim()
      if (clean !== '') out.push(clean)
    }
  }
  return out
}

/** The catalog text of `lang`, one message per line ('' if none of the catalogs exist for it). */
export function catalogText(lang: string): string {
  const locales = CATALOG_LOCALES[lang] ?? [lang]
  const parts: string[] = []
  for (const locale of locales) {
    for (const domain of Object.keys(CATALOG_PACKAGES)) {
      const file = path.join(LOCALE_DIR, locale, 'LC_MESSAGES', `${domain}.mo`)
      if (existsSync(file)) parts.push(catalogStrings(file, lang === 'en').join('\n'))
    }
  }
  return parts.join('\n')
}
