/**
 * A checker for the TBX-Basic dialect (DCA style), written from the dialect's published
 * constraints: the RELAX NG grammar `DCA/TBX-Basic_DCA.rng` and the Schematron rules
 * `DCA/TBX-Basic_DCA.sch` of LTAC-Global/TBX-Basic_dialect (releases 1.2 and 1.2.1).
 *
 * It checks what a TBX-Basic consumer relies on: the root and its dialect attributes, the core
 * structure (which element may contain which, in which order), the closed lists of data
 * categories per element (`termNote type`, `descrip type`, `admin type`…), the level at which
 * each data category may appear, the closed value lists (administrative status, part of speech,
 * term type…), required `xml:lang` on language sections, and unique ids. It is used by the tests
 * of the TBX export; it is not a general RELAX NG validator.
 *
 * @module
 */
import { childElements, localName, parseXml, textContent, type XmlElement } from './xml'

/** TBX namespaces of the TBX-Basic releases: 1.2 (ISO 30042:2019) and 1.2.1. */
export const TBX_BASIC_NAMESPACES = ['urn:iso:std:iso:30042:ed-2', 'urn:iso:std:iso:30042:ed:3.0']

/** One broken constraint, with the element path and the line it is on. */
export type TbxBasicViolation = {
  readonly line: number
  readonly path: string
  readonly message: string
}

/** One slot of a sequence: which elements, how many. */
type Slot = { readonly names: readonly string[]; readonly min: number; readonly max: number }
const one = (...names: string[]): Slot => ({ names, min: 1, max: 1 })
const optional = (...names: string[]): Slot => ({ names, min: 0, max: 1 })
const some = (...names: string[]): Slot => ({ names, min: 1, max: Number.POSITIVE_INFINITY })
const any = (...names: string[]): Slot => ({ names, min: 0, max: Number.POSITIVE_INFINITY })

// The grammar's entity.auxInfo and entity.noteLinkInfo.
const AUX_INFO = ['descrip', 'descripGrp', 'admin', 'adminGrp', 'transacGrp', 'note', 'ref', 'xref']
const NOTE_LINK_INFO = ['admin', 'adminGrp', 'transacGrp', 'note', 'ref', 'xref']
// Inline elements allowed in entity.noteText; `term` allows only `hi` (entity.basicText).
const NOTE_TEXT = ['hi', 'foreign', 'sc', 'ec', 'ph']

/** Element content: a sequence of slots, or text with the inline elements listed. */
type Content = { readonly sequence: readonly Slot[] } | { readonly text: readonly string[] }

const CONTENT: Readonly<Record<string, Content>> = {
  tbx: { sequence: [one('tbxHeader'), one('text')] },
  tbxHeader: { sequence: [one('fileDesc'), optional('encodingDesc'), optional('revisionDesc')] },
  fileDesc: { sequence: [optional('titleStmt'), optional('publicationStmt'), some('sourceDesc')] },
  titleStmt: { sequence: [one('title'), any('note')] },
  title: { text: [] },
  publicationStmt: { sequence: [some('p')] },
  sourceDesc: { sequence: [some('p')] },
  encodingDesc: { sequence: [some('p')] },
  revisionDesc: { sequence: [some('change')] },
  change: { sequence: [some('p')] },
  p: { text: NOTE_TEXT },
  text: { sequence: [one('body'), optional('back')] },
  body: { sequence: [some('conceptEntry')] },
  back: { sequence: [any('refObjectSec')] },
  refObjectSec: { sequence: [some('refObject')] },
  refObject: { sequence: [some('itemSet', 'itemGrp', 'item')] },
  itemSet: { sequence: [some('item', 'itemGrp')] },
  itemGrp: { sequence: [one('item'), any(...NOTE_LINK_INFO)] },
  item: { text: NOTE_TEXT },
  conceptEntry: { sequence: [any(...AUX_INFO), some('langSec')] },
  langSec: { sequence: [any(...AUX_INFO), some('termSec')] },
  termSec: { sequence: [one('term'), any('termNote', 'termNoteGrp'), any(...AUX_INFO)] },
  term: { text: ['hi'] },
  termNote: { text: NOTE_TEXT },
  termNoteGrp: { sequence: [one('termNote'), any(...NOTE_LINK_INFO)] },
  descrip: { text: NOTE_TEXT },
  descripGrp: {
    sequence: [
      one('descrip'),
      any('descripNote', 'admin', 'adminGrp', 'transacGrp', 'note', 'ref', 'xref'),
    ],
  },
  descripNote: { text: [] },
  admin: { text: NOTE_TEXT },
  adminGrp: { sequence: [one('admin'), any('adminNote', 'note', 'ref', 'xref')] },
  adminNote: { text: [] },
  transac: { text: [] },
  transacGrp: { sequence: [one('transac'), any('transacNote', 'date', 'note', 'ref', 'xref')] },
  transacNote: { text: [] },
  date: { text: [] },
  note: { text: NOTE_TEXT },
  ref: { text: [] },
  xref: { text: [] },
  hi: { text: [] },
  foreign: { text: NOTE_TEXT },
  sc: { text: [] },
  ec: { text: [] },
  ph: { text: [] },
}

/** The data categories (`type` values) each meta element allows in TBX-Basic. */
const TYPES: Readonly<Record<string, readonly string[]>> = {
  // projectSubset and source (basic module), customerSubset (min module)
  admin: ['customerSubset', 'projectSubset', 'source'],
  descrip: ['context', 'definition', 'subjectField'],
  // the grammar lists `gender`, the Schematron rules `grammaticalGender`: accept both
  termNote: [
    'administrativeStatus',
    'gender',
    'grammaticalGender',
    'geographicalUsage',
    'partOfSpeech',
    'termLocation',
    'termType',
  ],
  transac: ['transactionType'],
  transacNote: ['responsibility'],
  ref: ['crossReference'],
  xref: ['externalCrossReference', 'xGraphic'],
}

/** Closed value lists (Schematron `module.*.termNote`, `module.basic.transac`). */
const VALUES: Readonly<Record<string, readonly string[]>> = {
  administrativeStatus: [
    'admittedTerm-admn-sts',
    'deprecatedTerm-admn-sts',
    'supersededTerm-admn-sts',
    'preferredTerm-admn-sts',
  ],
  partOfSpeech: ['adjective', 'noun', 'other', 'verb', 'adverb'],
  grammaticalGender: ['masculine', 'feminine', 'neuter', 'other'],
  gender: ['masculine', 'feminine', 'neuter', 'other'],
  termType: ['fullForm', 'acronym', 'abbreviation', 'shortForm', 'variant', 'phrase'],
  transactionType: ['origination', 'modification'],
  termLocation: [
    'checkBox',
    'comboBox',
    'comboBoxElement',
    'dialogBox',
    'groupBox',
    'informativeMessage',
    'interactiveMessage',
    'menuItem',
    'progressBar',
    'pushButton',
    'radioButton',
    'slider',
    'spinBox',
    'tab',
    'tableText',
    'textBox',
    'toolTip',
    'user-definedType',
  ],
}

/** Where a data category may appear: element type → the levels (section elements) allowed. */
const LEVELS: Readonly<Record<string, readonly string[]>> = {
  'admin/customerSubset': ['termSec'],
  'admin/projectSubset': ['termSec'],
  'descrip/context': ['termSec'],
  'descrip/definition': ['conceptEntry', 'langSec'],
  'descrip/subjectField': ['conceptEntry'],
  'ref/crossReference': ['conceptEntry', 'termSec'],
  'xref/externalCrossReference': ['conceptEntry', 'termSec'],
  'xref/xGraphic': ['conceptEntry'],
}

const NCNAME = /^[\p{L}_][\p{L}\p{N}._-]*$/u

/**
 * Checks a document against the TBX-Basic (DCA) constraints.
 *
 * @returns every violation found (empty when the document is valid TBX-Basic).
 */
export function checkTbxBasic(xml: string): TbxBasicViolation[] {
  const parsed = parseXml(xml, { maxDepth: 64, maxElements: 1_000_000 })
  if (!parsed.ok) return [{ line: parsed.error.line, path: '', message: parsed.error.message }]
  const out: TbxBasicViolation[] = []
  const root = parsed.root
  const report = (element: XmlElement, path: string, message: string): void => {
    out.push({ line: element.line, path, message })
  }
  if (root.name !== 'tbx') report(root, root.name, `the root must be <tbx>, not <${root.name}>`)
  const a = root.attributes
  if (a.type !== 'TBX-Basic') report(root, 'tbx', `type must be "TBX-Basic", not "${a.type ?? ''}"`)
  if (a.style !== 'dca') report(root, 'tbx', `style must be "dca", not "${a.style ?? ''}"`)
  if ((a['xml:lang'] ?? '') === '') report(root, 'tbx', 'xml:lang is required on <tbx>')
  if (!TBX_BASIC_NAMESPACES.includes(a.xmlns ?? '')) {
    report(root, 'tbx', `the default namespace must be one of ${TBX_BASIC_NAMESPACES.join(', ')}`)
  }

  const ids = new Set<string>()
  // `level` is the nearest section element (conceptEntry, langSec, termSec) above a category.
  const visit = (element: XmlElement, path: string, level: string | undefined): void => {
    const name = element.name
    if (name.includes(':') || Object.keys(element.attributes).some((k) => k.startsWith('xmlns:'))) {
      report(element, path, `<${name}>: DCA-style TBX-Basic has no elements from other namespaces`)
    }
    if (element !== root && element.attributes.xmlns !== undefined) {
      report(element, path, `<${name}> redeclares the namespace`)
    }
    const id = element.attributes.id
    if (id !== undefined) {
      if (!NCNAME.test(id)) report(element, path, `id "${id}" is not an XML name`)
      if (ids.has(id)) report(element, path, `id "${id}" is used twice`)
      ids.add(id)
    }
    const content = CONTENT[localName(name)]
    if (content === undefined) {
      report(element, path, `<${name}> is not a TBX-Basic element`)
      return
    }
    const local = localName(name)
    const types = TYPES[local]
    if (types !== undefined) {
      const type = element.attributes.type
      if (type === undefined || type === '') {
        report(element, path, `<${local}> needs a type (its data category)`)
      } else if (!types.includes(type)) {
        report(
          element,
          path,
          `<${local} type="${type}">: "${type}" is not a TBX-Basic data category for <${local}> (allowed: ${types.join(', ')})`
        )
      } else {
        const allowedLevels = LEVELS[`${local}/${type}`]
        if (
          allowedLevels !== undefined &&
          (level === undefined || !allowedLevels.includes(level))
        ) {
          report(
            element,
            path,
            `<${local} type="${type}"> may appear only at the ${allowedLevels.join(' or ')} level, not at ${level ?? 'the top'}`
          )
        }
        const values = VALUES[type]
        const value = textContent(element).trim()
        if (values !== undefined && !values.includes(value)) {
          report(
            element,
            path,
            `"${value}" is not a permitted value of ${type} (allowed: ${values.join(', ')})`
          )
        }
      }
    }
    if (local === 'termNote' && level !== 'termSec') {
      report(element, path, 'a termNote is allowed only at the termSec level')
    }
    if (local === 'langSec' && (element.attributes['xml:lang'] ?? '') === '') {
      report(element, path, 'xml:lang is required on <langSec>')
    }
    const children = childElements(element)
    if ('text' in content) {
      for (const child of children) {
        if (!content.text.includes(localName(child.name))) {
          report(child, `${path}/${child.name}`, `<${child.name}> is not allowed inside <${local}>`)
        } else {
          visit(child, `${path}/${child.name}`, level)
        }
      }
      return
    }
    for (const child of element.children) {
      if (typeof child === 'string' && child.trim() !== '') {
        report(
          element,
          path,
          `<${local}> holds elements only, not text ("${child.trim().slice(0, 20)}")`
        )
        break
      }
    }
    // Match the children against the sequence of slots, in order.
    let k = 0
    for (const slot of content.sequence) {
      let count = 0
      while (
        k < children.length &&
        count < slot.max &&
        slot.names.includes(localName((children[k] as XmlElement).name))
      ) {
        count++
        k++
      }
      if (count < slot.min) {
        report(
          element,
          path,
          `<${local}> needs ${slot.min === 1 && slot.max === 1 ? 'a' : 'at least one'} <${slot.names.join('|')}> here${k < children.length ? ` (found <${(children[k] as XmlElement).name}>)` : ''}`
        )
      }
    }
    for (const extra of children.slice(k)) {
      report(
        extra,
        `${path}/${extra.name}`,
        `<${extra.name}> is not allowed here inside <${local}>`
      )
    }
    // Groups (descripGrp, adminGrp…) keep the level of the section they are in.
    const childLevel =
      local === 'conceptEntry' || local === 'langSec' || local === 'termSec' ? local : level
    for (const child of children) visit(child, `${path}/${child.name}`, childLevel)
  }
  visit(root, root.name, undefined)
  return out
}
