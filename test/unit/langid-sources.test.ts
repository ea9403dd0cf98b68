import { fc, test as property } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { readCatalog } from '../../scripts/langid/catalog-text'
import { cleanValue, stringsOf } from '../../scripts/langid/langpack-text'

/** A little-endian GNU `.mo` file holding `entries` (what `msgfmt` writes, without a hash table). */
function moFile(entries: ReadonlyArray<{ id: string; text: string }>): Uint8Array {
  const encoder = new TextEncoder()
  const ids = entries.map((e) => encoder.encode(e.id))
  const texts = entries.map((e) => encoder.encode(e.text))
  const n = entries.length
  const headerSize = 28
  const idTable = headerSize
  const textTable = idTable + n * 8
  let offset = textTable + n * 8
  const size = offset + [...ids, ...texts].reduce((s, b) => s + b.length + 1, 0)
  const bytes = new Uint8Array(size)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, 0x950412de, true)
  view.setUint32(4, 0, true)
  view.setUint32(8, n, true)
  view.setUint32(12, idTable, true)
  view.setUint32(16, textTable, true)
  const put = (table: number, i: number, b: Uint8Array) => {
    view.setUint32(table + i * 8, b.length, true)
    view.setUint32(table + i * 8 + 4, offset, true)
    bytes.set(b, offset)
    offset += b.length + 1
  }
  for (const [i, b] of ids.entries()) put(idTable, i, b)
  for (const [i, b] of texts.entries()) put(textTable, i, b)
  return bytes
}

describe('langpack strings', () => {
  it('keeps translated values and drops ids, comments, placeables and selectors', () => {
    const source = [
      '# This Source Code Form is subject to the terms of the Mozilla Public',
      'browser-title = { -brand-full-name } – Privater Modus',
      'urlbar-button =',
      '    .tooltiptext = Seiteninformationen <b>anzeigen</b>',
      'tabs-count =',
      '    { $count ->',
      '        [one] Ein Tab',
      '       *[other] { $count } Tabs',
      '    }',
      'contrast.ratio = Kontrast: %S und %1$S',
      'multi = Erste Zeile',
      '    zweite Zeile',
    ].join('\n')
    expect(stringsOf(source)).toEqual([
      '– Privater Modus',
      'Seiteninformationen anzeigen',
      'Ein Tab',
      'Tabs',
      'Kontrast: und',
      'Erste Zeile',
      'zweite Zeile',
    ])
  })

  it('removes nested placeables, entities and URLs', () => {
    const words = (s: string) => s.split(/\s+/).filter(Boolean)
    expect(words(cleanValue('Öffnen { $a -> { "x" } } &amp; https://example.org/x mehr'))).toEqual([
      'Öffnen',
      'mehr',
    ])
    expect(cleanValue('caf\\u00e9')).toBe('café')
  })
})

describe('gettext catalog reader', () => {
  property.prop([
    fc.array(fc.record({ id: fc.string({ minLength: 1 }), text: fc.string() }), {
      maxLength: 20,
    }),
  ])('reads back every message it is given', (entries) => {
    const clean = entries.map((e) => ({
      id: e.id.replaceAll('\0', ''),
      text: e.text.replaceAll('\0', ''),
    }))
    expect(readCatalog(moFile(clean))).toEqual(clean)
  })

  it('refuses a file that is not a catalog', () => {
    expect(() => readCatalog(new Uint8Array(28))).toThrow(/not a \.mo file/)
  })
})
