import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { BUNDLED_GLOSSARIES } from './bundled.generated'
import { exportGlossary, importGlossary } from './io'
import { checkTbxBasic } from './tbx-basic-check'
import type { Glossary } from './types'
import { buildGlossary } from './validate'

function tsv(text: string): Glossary {
  const result = importGlossary('test', text, 'tsv')
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.glossary
}

// Every role and flag, XML-special characters, a dnt row with only forbidden terms.
const tricky = tsv(
  [
    'id\ten\tes\tru\tflags\tnote',
    "xi-an\tXi'an|Xian\tXi'an|!Xi'un\tСиань\tfixed\tCity <old> & \"capital\"",
    '\tAT&T|AC\\|DC\t\t\t\t',
    '\tyuan\tyuan|~yuanes\tюань|~юаня\tinflect\t',
    'ft\tFinancial Times\t!Tiempo Financiero\t\tdnt\tNewspaper',
    '\tUS\tEE. UU.\t\tcase\t',
  ].join('\n')
)

// A small document in the shape of the dialect's own valid sample, using most categories.
const valid = `<?xml version="1.0" encoding="utf-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed:3.0">
  <tbxHeader><fileDesc><sourceDesc><p>sample</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <transacGrp><transac type="transactionType">origination</transac><date>2026-01-01</date></transacGrp>
      <descrip type="subjectField">Politics</descrip>
      <note>A note</note>
      <langSec xml:lang="en">
        <descripGrp><descrip type="definition">Capital</descrip><admin type="source">x</admin></descripGrp>
        <termSec>
          <term>Astana</term>
          <termNote type="partOfSpeech">noun</termNote>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          <descrip type="context">Astana is the capital.</descrip>
          <admin type="customerSubset">news</admin>
        </termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>`

describe('checkTbxBasic (the checker itself)', () => {
  it('accepts a valid TBX-Basic document', () => {
    expect(checkTbxBasic(valid)).toEqual([])
  })

  it.each([
    [
      'a private data category',
      '<admin type="customerSubset">news</admin>',
      '<admin type="x-precis-flags">dnt</admin>',
      /not a TBX-Basic data category/,
    ],
    [
      'a private termNote',
      '<termNote type="partOfSpeech">noun</termNote>',
      '<termNote type="x-precis-role">form</termNote>',
      /not a TBX-Basic data category/,
    ],
    [
      'a bad administrative status',
      'preferredTerm-admn-sts',
      'forbidden',
      /not a permitted value of administrativeStatus/,
    ],
    [
      'a definition at the termSec level',
      '<descrip type="context">',
      '<descrip type="definition">',
      /only at the conceptEntry or langSec level/,
    ],
    [
      'a subject field at the langSec level',
      '<descripGrp><descrip type="definition">Capital</descrip>',
      '<descripGrp><descrip type="subjectField">Capital</descrip>',
      /only at the conceptEntry level/,
    ],
    [
      'a termNote at the langSec level',
      '<termSec>\n',
      '<termNote type="termType">variant</termNote><termSec>\n',
      /only at the termSec level|not allowed/,
    ],
    ['a missing xml:lang', '<langSec xml:lang="en">', '<langSec>', /xml:lang is required/],
    ['another dialect name', 'type="TBX-Basic"', 'type="TBX-Precis"', /type must be "TBX-Basic"/],
    ['the DCT style', 'style="dca"', 'style="dct"', /style must be "dca"/],
    [
      'a foreign namespace',
      '<note>A note</note>',
      '<x:flags xmlns:x="urn:x">a</x:flags>',
      /other namespaces|not a TBX-Basic element/,
    ],
    [
      'terms before notes',
      '<term>Astana</term>',
      '<termNote type="termType">variant</termNote><term>Astana</term>',
      /needs a <term>|not allowed/,
    ],
    [
      'a langSec-less concept',
      /<langSec xml:lang="en">[\s\S]*<\/langSec>/,
      '',
      /needs at least one <langSec>/,
    ],
    ['a duplicate id', '<termSec>', '<termSec id="c1">', /used twice/],
  ] as const)('rejects %s', (_name, from, to, message) => {
    const broken = valid.replace(from, to)
    expect(broken).not.toBe(valid)
    const violations = checkTbxBasic(broken)
    expect(violations.length).toBeGreaterThan(0)
    expect(violations.map((v) => v.message).join('\n')).toMatch(message)
  })
})

describe('TBX-Basic export', () => {
  it('meets the TBX-Basic constraints for every bundled glossary and every role and flag', () => {
    for (const glossary of [tricky, ...BUNDLED_GLOSSARIES]) {
      expect(checkTbxBasic(exportGlossary(glossary, 'tbx')), glossary.id).toEqual([])
    }
  })

  it('maps roles onto administrativeStatus and writes no private category', () => {
    const tbx = exportGlossary(tricky, 'tbx')
    expect(tbx).not.toContain('x-precis')
    expect(tbx).toContain(
      '<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>'
    )
    expect(tbx).toContain('<termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>')
    expect(tbx).not.toContain('yuanes')
  })

  it('labels the lossless private dialect TBX-Precis, not TBX-Basic', () => {
    const tbx = exportGlossary(tricky, 'tbx-precis')
    expect(tbx).toContain('<tbx type="TBX-Precis"')
    expect(tbx).toContain('<admin type="x-precis-flags">dnt</admin>')
    expect(checkTbxBasic(tbx).map((v) => v.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/type must be "TBX-Basic"/)])
    )
  })

  it('writes TBX v2 martif that reads back', () => {
    const tbx = exportGlossary(tricky, 'tbx-v2')
    expect(tbx).toMatch(/<martif type="TBX-Basic" xml:lang="en">/)
    expect(tbx).toContain('<tig>')
    expect(tbx).not.toContain('x-precis')
    expect(importGlossary('t', tbx, 'tbx').ok).toBe(true)
  })

  const term = fc.stringMatching(/^[A-Za-z<>&"' ]{1,12}$/).filter((t) => /[A-Za-z]/.test(t))
  test.prop([
    fc.array(
      fc.record({
        en: fc.array(term, { minLength: 1, maxLength: 3 }),
        es: fc.array(term, { maxLength: 2 }),
        forbidden: fc.array(term, { maxLength: 1 }),
        flags: fc.subarray(['dnt', 'fixed', 'case'] as const),
        note: fc.option(term, { nil: undefined }),
      }),
      { minLength: 1, maxLength: 8 }
    ),
  ])('any valid glossary exports as valid TBX-Basic', (rows) => {
    const built = buildGlossary('p', {
      languages: ['en', 'es'],
      entries: rows.map((r) => ({
        terms: { en: r.en, ...(r.es.length > 0 ? { es: r.es } : {}) },
        ...(r.es.length > 0 && r.forbidden.length > 0 ? { forbidden: { es: r.forbidden } } : {}),
        flags: [...r.flags],
        ...(r.note !== undefined ? { note: r.note } : {}),
      })),
    })
    fc.pre(built.ok)
    if (!built.ok) return
    expect(checkTbxBasic(exportGlossary(built.glossary, 'tbx'))).toEqual([])
  })
})
