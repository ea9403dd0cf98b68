import { describe, expect, it } from 'vitest'
import { exportGlossary, importGlossary } from './io'
import { parseXml } from './xml'

const v2 = `<?xml version="1.0" encoding="utf-8"?>
<martif type="TBX" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>Translate Toolkit</p></sourceDesc></fileDesc></martifHeader>
  <text>
    <body>
      <termEntry id="c1">
        <descrip type="definition">Ancient capital of China</descrip>
        <langSet xml:lang="en">
          <tig><term>Xi'an</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
          <tig><term>Xian</term></tig>
        </langSet>
        <langSet xml:lang="es">
          <ntig><termGrp><term>Xi&apos;an</term></termGrp></ntig>
          <tig><term>Xi'un</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
        </langSet>
      </termEntry>
      <termEntry id="ft">
        <langSet xml:lang="en">
          <tig><term>Financial Times</term><termNote type="translationNote">no</termNote></tig>
        </langSet>
      </termEntry>
    </body>
  </text>
</martif>`

describe('TBX', () => {
  it('reads TBX v2 (martif/termEntry/langSet/tig)', () => {
    const result = importGlossary('t', v2, 'tbx')
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.glossary.languages).toEqual(['en', 'es'])
    expect(result.glossary.entries[0]).toEqual({
      id: 'c1',
      terms: { en: ["Xi'an", 'Xian'], es: ["Xi'an"] },
      forbidden: { es: ["Xi'un"] },
      flags: [],
      note: 'Ancient capital of China',
    })
    expect(result.glossary.entries[1]?.flags).toEqual(['dnt'])
  })

  it('writes TBX v3 TBX-Basic with administrative statuses', () => {
    const result = importGlossary('t', "en\tes\nXi'an|Xian\tXi'an|!Xi'un\n", 'tsv')
    if (!result.ok) throw new Error('tsv')
    const tbx = exportGlossary(result.glossary, 'tbx')
    expect(tbx).toContain(
      '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">'
    )
    expect(tbx).toContain('<conceptEntry id="_xi-an">')
    expect(tbx).toContain(
      '<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>'
    )
    const xml = parseXml(tbx)
    expect(xml.ok).toBe(true)
  })

  it.each([
    [
      'an internal subset',
      '<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY a "aaaaaaaa">]>\n<tbx>&a;</tbx>',
      2,
    ],
    [
      'billion laughs',
      '<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n<!ENTITY lol2 "&lol;&lol;">\n]>\n<lolz>&lol2;</lolz>',
      1,
    ],
    [
      'an external DTD with an internal subset',
      '<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd" [<!ENTITY a "b">]>\n<martif>&a;</martif>',
      1,
    ],
    ['a DOCTYPE without an external id', '<!DOCTYPE martif>\n<martif/>', 1],
    ['a second DOCTYPE', '<!DOCTYPE a SYSTEM "a.dtd"><!DOCTYPE a SYSTEM "b.dtd"><a/>', 1],
    ['a DOCTYPE inside the root', '<a>\n<!DOCTYPE a SYSTEM "a.dtd"></a>', 2],
    ['an unquoted system id', '<!DOCTYPE a SYSTEM a.dtd>\n<a/>', 1],
    [
      'an external entity',
      '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>',
      1,
    ],
    ['an undeclared entity', '<tbx>\n<text><body>&nbsp;</body></text></tbx>', 2],
  ])('refuses %s without expanding anything', (_name, body, line) => {
    const result = importGlossary('t', body, 'tbx')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues[0]).toMatchObject({ code: 'doctype_not_allowed', line })
  })

  it.each([
    ['SYSTEM', '<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">'],
    [
      'PUBLIC',
      `<!DOCTYPE martif PUBLIC "ISO 12200:1999A//DTD MARTIF core (DXFcdV04)//EN" 'TBXcdv04.dtd'>`,
    ],
  ])('imports TBX v2 after a DOCTYPE that only names an external DTD (%s)', (_name, doctype) => {
    const [declaration, ...rest] = v2.split('\n')
    const result = importGlossary('t', [declaration, doctype, ...rest].join('\n'), 'tbx')
    expect(result.ok).toBe(true)
    expect(result.ok && result.glossary.entries.length).toBe(2)
  })

  it('still reports lines correctly after a skipped DOCTYPE', () => {
    const body =
      '<!DOCTYPE martif SYSTEM "x.dtd">\n<martif>\n<text>\n<body>&nbsp;</body></text></martif>'
    const result = importGlossary('t', body, 'tbx')
    expect(!result.ok && result.issues[0]).toMatchObject({ code: 'doctype_not_allowed', line: 4 })
  })

  it.each([
    ['unclosed tags', '<tbx><text>', 'malformed'],
    ['mismatched tags', '<tbx><text></body></tbx>', 'malformed'],
    ['another root', '<html><body/></html>', 'invalid_structure'],
    ['no concepts', '<tbx><text><body/></text></tbx>', 'invalid_structure'],
    ['a non-UTF-8 declaration', '<?xml version="1.0" encoding="ISO-8859-1"?><tbx/>', 'malformed'],
    ['deep nesting', `${'<a>'.repeat(40)}${'</a>'.repeat(40)}`, 'malformed'],
  ])('reports %s', (_name, body, code) => {
    const result = importGlossary('t', body, 'tbx')
    expect(!result.ok && result.issues[0]?.code).toBe(code)
  })

  it('validates terms and names their line', () => {
    const body = `<tbx type="TBX-Basic" xml:lang="en"><text><body>
<conceptEntry id="a"><langSec xml:lang="en"><termSec><term>Kremlin</term></termSec></langSec></conceptEntry>
<conceptEntry id="b"><langSec xml:lang="en">
<termSec><term>KREMLIN</term></termSec></langSec></conceptEntry>
</body></text></tbx>`
    const result = importGlossary('t', body, 'tbx')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'duplicate_term',
        line: 4,
        pointer: '/entries/1/terms/en/0',
      }),
    ])
  })
})

describe('parseXml', () => {
  it('decodes the predefined entities, character references and CDATA', () => {
    const xml = parseXml('<a x="&lt;&#233;&#x4E2D;">AT&amp;T <![CDATA[<raw> & ]]></a>')
    expect(xml.ok && xml.root.attributes.x).toBe('<é中')
    expect(xml.ok && xml.root.children.join('')).toBe('AT&T <raw> & ')
  })

  it('rejects a bare ampersand and characters XML forbids', () => {
    expect(parseXml('<a>AT&T</a>').ok).toBe(false)
    expect(parseXml('<a>&#0;</a>').ok).toBe(false)
  })
})
