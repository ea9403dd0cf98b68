/**
 * TBX (ISO 30042, TermBase eXchange) import and export.
 *
 * Export writes TBX v3 in the TBX-Basic dialect (DCA style):
 * `tbx > text > body > conceptEntry > langSec > termSec > term`, with the role of each term in
 * `termNote type="administrativeStatus"` (`preferredTerm-admn-sts`, `admittedTerm-admn-sts`,
 * `deprecatedTerm-admn-sts` for forbidden terms) and the concept's note in `note`; TBX v2
 * (`martif`) with the same content; or the private dialect TBX-Precis, which also carries what
 * TBX-Basic has no data category for (see {@link TbxFlavour}).
 *
 * Import reads TBX v3 (`conceptEntry/langSec/termSec`) and TBX v2 (`martif`,
 * `termEntry/langSet/tig` or `ntig/termGrp`). Administrative statuses map to roles: preferred
 * and standardized → preferred; deprecated, superseded, obsolete, forbidden → forbidden;
 * anything else → variant. `translationNote = no` and `Translation needed = No` (Weblate) set
 * `dnt`. DOCTYPE and entity declarations are refused (see `xml.ts`).
 *
 * TBX requires an id on every concept and Précis does not: an entry without an id is exported
 * with a generated `_slug` id, and imports drop ids that are not Précis concept ids (generated
 * ones, numeric ones from other tools), so the round trip is lossless.
 *
 * @module
 */
import { CONCEPT_ID_PATTERN, GLOSSARY_LIMITS } from './limits'
import { entryTermsIn, GLOSSARY_FLAGS } from './model'
import type { Glossary, GlossaryEntry } from './types'
import {
  type BuildResult,
  buildGlossary,
  type DocumentPath,
  type GlossaryIssue,
  type Locator,
  makeIssue,
  sortIssues,
} from './validate'
import { childElements, escapeXml, localName, parseXml, textContent, type XmlElement } from './xml'

/** TBX v3 namespace. */
const TBX_NAMESPACE = 'urn:iso:std:iso:30042:ed-2'

/**
 * The XML id a TBX export gives an entry without an id: `_` plus an ASCII slug of its preferred
 * term in the first language (`Xi'an` → `_xi-an`). Précis concept ids start with a letter, so an
 * import recognizes these as generated and drops them: a glossary without ids survives the round
 * trip unchanged.
 */
export function generatedConceptId(preferred: string): string {
  const slug = preferred
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `_${slug === '' ? 'concept' : slug}`
}

function firstPreferred(glossary: Pick<Glossary, 'languages'>, entry: GlossaryEntry): string {
  for (const l of glossary.languages) {
    const t = entry.terms[l]?.[0]
    if (t !== undefined) return t
  }
  return ''
}

/**
 * The TBX flavours Précis writes:
 *
 * - `basic`: TBX v3 (ISO 30042:2019), dialect TBX-Basic, DCA style. Only TBX-Basic data
 *   categories: term roles become `termNote type="administrativeStatus"` (preferred →
 *   `preferredTerm-admn-sts`, variant → `admittedTerm-admn-sts`, forbidden →
 *   `deprecatedTerm-admn-sts`) and the note a concept-level `note`. Flags and inflected forms have
 *   no TBX-Basic data category and are left out.
 * - `precis`: the same structure labelled as the private dialect `TBX-Precis`, which adds two
 *   categories of its own (`admin type="x-precis-flags"` on the concept, `termNote
 *   type="x-precis-role"` = `form` on an inflected form), so that nothing is lost.
 * - `v2`: TBX v2 (`martif`, ISO 30042:2008) in the TBX-Basic v2 shape
 *   (`termEntry/langSet/tig/term` + `termNote type="administrativeStatus"`), for older CAT tools;
 *   same content as `basic`.
 */
export type TbxFlavour = 'basic' | 'precis' | 'v2'

/** An entry's XML id: its own id, or a generated `_slug` unique in the document. */
function conceptIds(glossary: Glossary): string[] {
  const used = new Set(glossary.entries.flatMap((e) => (e.id !== undefined ? [e.id] : [])))
  return glossary.entries.map((entry) => {
    if (entry.id !== undefined) return entry.id
    const base = generatedConceptId(firstPreferred(glossary, entry))
    let id = base
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`
    used.add(id)
    return id
  })
}

/** The terms of one language section, in document order, with their TBX status. */
function termRows(
  glossary: Glossary,
  entry: GlossaryEntry,
  language: string,
  precis: boolean
): { term: string; status: string; form: boolean }[] {
  const rows: { term: string; status: string; form: boolean }[] = []
  // TBX-Basic has no "do not translate" category: a dnt concept says it the standard way, by
  // giving its source terms in every language that has none of its own.
  let terms = entry.terms[language] ?? []
  if (!precis && terms.length === 0 && entry.flags.includes('dnt')) {
    const source = entryTermsIn(glossary, entry, language)
    if (source !== undefined) terms = [source.preferred, ...source.variants]
  }
  terms.forEach((term, i) => {
    rows.push({
      term,
      status: i === 0 ? 'preferredTerm-admn-sts' : 'admittedTerm-admn-sts',
      form: false,
    })
  })
  if (precis) {
    for (const term of entry.forms?.[language] ?? [])
      rows.push({ term, status: 'admittedTerm-admn-sts', form: true })
  }
  for (const term of entry.forbidden[language] ?? [])
    rows.push({ term, status: 'deprecatedTerm-admn-sts', form: false })
  return rows
}

/**
 * Writes a glossary as TBX. `basic` (the default) is TBX-Basic v3 and leaves out what TBX-Basic
 * cannot say (flags, inflected forms); `precis` keeps them in a declared private dialect; `v2` is
 * TBX-Basic content in the TBX v2 `martif` structure.
 */
export function formatTbxGlossary(glossary: Glossary, flavour: TbxFlavour = 'basic'): string {
  if (flavour === 'v2') return formatMartif(glossary)
  const precis = flavour === 'precis'
  const ids = conceptIds(glossary)
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<tbx type="${precis ? 'TBX-Precis' : 'TBX-Basic'}" style="dca" xml:lang="${escapeXml(glossary.languages[0] ?? 'en')}" xmlns="${TBX_NAMESPACE}">`,
    '  <tbxHeader>',
    '    <fileDesc>',
    `      <titleStmt><title>${escapeXml(glossary.id)}</title></titleStmt>`,
    `      <sourceDesc><p>Précis glossary ${escapeXml(glossary.id)}, version ${escapeXml(glossary.version)}</p></sourceDesc>`,
    '    </fileDesc>',
    ...(precis
      ? [
          '    <encodingDesc>',
          '      <p type="dialect">TBX-Precis: TBX-Basic plus two private data categories, admin x-precis-flags (dnt, case, inflect, fixed) on conceptEntry and termNote x-precis-role (form: an inflected form of the preferred term) on termSec. Export with format=tbx for plain TBX-Basic.</p>',
          '    </encodingDesc>',
        ]
      : []),
    '  </tbxHeader>',
    '  <text>',
    '    <body>',
  ]
  glossary.entries.forEach((entry, i) => {
    out.push(`      <conceptEntry id="${escapeXml(ids[i] as string)}">`)
    const flags = GLOSSARY_FLAGS.filter((f) => entry.flags.includes(f))
    if (precis && flags.length > 0)
      out.push(`        <admin type="x-precis-flags">${flags.join(' ')}</admin>`)
    if (entry.note !== undefined) out.push(`        <note>${escapeXml(entry.note)}</note>`)
    for (const language of glossary.languages) {
      const rows = termRows(glossary, entry, language, precis)
      if (rows.length === 0) continue
      out.push(`        <langSec xml:lang="${escapeXml(language)}">`)
      for (const row of rows) {
        out.push(
          '          <termSec>',
          `            <term>${escapeXml(row.term)}</term>`,
          `            <termNote type="administrativeStatus">${row.status}</termNote>`,
          ...(row.form ? ['            <termNote type="x-precis-role">form</termNote>'] : []),
          '          </termSec>'
        )
      }
      out.push('        </langSec>')
    }
    out.push('      </conceptEntry>')
  })
  out.push('    </body>', '  </text>', '</tbx>', '')
  return out.join('\n')
}

/** TBX v2 (`martif`), TBX-Basic content: no DOCTYPE, since no tool here needs the DTD. */
function formatMartif(glossary: Glossary): string {
  const ids = conceptIds(glossary)
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<martif type="TBX-Basic" xml:lang="${escapeXml(glossary.languages[0] ?? 'en')}">`,
    '  <martifHeader>',
    '    <fileDesc>',
    `      <titleStmt><title>${escapeXml(glossary.id)}</title></titleStmt>`,
    `      <sourceDesc><p>Précis glossary ${escapeXml(glossary.id)}, version ${escapeXml(glossary.version)}</p></sourceDesc>`,
    '    </fileDesc>',
    '  </martifHeader>',
    '  <text>',
    '    <body>',
  ]
  glossary.entries.forEach((entry, i) => {
    out.push(`      <termEntry id="${escapeXml(ids[i] as string)}">`)
    if (entry.note !== undefined) out.push(`        <note>${escapeXml(entry.note)}</note>`)
    for (const language of glossary.languages) {
      const rows = termRows(glossary, entry, language, false)
      if (rows.length === 0) continue
      out.push(`        <langSet xml:lang="${escapeXml(language)}">`)
      for (const row of rows) {
        out.push(
          '          <tig>',
          `            <term>${escapeXml(row.term)}</term>`,
          `            <termNote type="administrativeStatus">${row.status}</termNote>`,
          '          </tig>'
        )
      }
      out.push('        </langSet>')
    }
    out.push('      </termEntry>')
  })
  out.push('    </body>', '  </text>', '</martif>', '')
  return out.join('\n')
}

type Role = 'preferred' | 'variant' | 'form' | 'forbidden'

function roleOf(status: string | undefined, role: string | undefined): Role {
  if (role?.trim().toLowerCase() === 'form') return 'form'
  const s = (status ?? '')
    .trim()
    .toLowerCase()
    .replace(/-admn-sts$/, '')
    .replace(/term$/, '')
  if (s === 'preferred' || s === 'standardized') return 'preferred'
  if (
    s === 'deprecated' ||
    s === 'superseded' ||
    s === 'obsolete' ||
    s === 'forbidden' ||
    s === 'notrecommended'
  ) {
    return 'forbidden'
  }
  return 'variant'
}

/** `termNote`/`descrip`/`admin` children of `element` with the given `type` (case-insensitive). */
function typed(element: XmlElement, type: string): XmlElement[] {
  return childElements(element).filter(
    (c) =>
      ['termNote', 'descrip', 'admin'].includes(localName(c.name)) &&
      (c.attributes.type ?? '').toLowerCase() === type.toLowerCase()
  )
}

/** The term elements of a language section, with their containers (v3 termSec, v2 tig/ntig). */
function termContainers(langSection: XmlElement): { term: XmlElement; notes: XmlElement[] }[] {
  const out: { term: XmlElement; notes: XmlElement[] }[] = []
  for (const child of childElements(langSection)) {
    const name = localName(child.name)
    if (name === 'termSec' || name === 'tig') {
      const term = childElements(child, 'term')[0]
      if (term !== undefined) out.push({ term, notes: [child] })
    } else if (name === 'ntig') {
      const group = childElements(child, 'termGrp')[0]
      const term = group !== undefined ? childElements(group, 'term')[0] : undefined
      if (group !== undefined && term !== undefined) out.push({ term, notes: [group, child] })
    }
  }
  return out
}

/**
 * Parses a TBX document (v3 or v2) into a glossary.
 *
 * @returns the glossary, or every problem found (XML errors stop at the first one).
 */
export function parseTbxGlossary(id: string, text: string): BuildResult {
  const xml = parseXml(text, { maxDepth: GLOSSARY_LIMITS.maxXmlDepth, maxElements: 500_000 })
  if (!xml.ok) {
    return {
      ok: false,
      issues: [makeIssue(xml.error.code, xml.error.message, [], () => ({ line: xml.error.line }))],
    }
  }
  const root = xml.root
  const rootName = localName(root.name)
  const notTbx = (message: string, line: number): BuildResult => ({
    ok: false,
    issues: [makeIssue('invalid_structure', message, [], () => ({ line }))],
  })
  if (rootName !== 'tbx' && rootName !== 'martif') {
    return notTbx(
      `not a TBX document: the root element is <${root.name}>, expected <tbx> (TBX v3) or <martif> (TBX v2)`,
      root.line
    )
  }
  const body = childElements(root, 'text').flatMap((t) => childElements(t, 'body'))[0]
  if (body === undefined) return notTbx('the TBX document has no <text><body>', root.line)

  const entries: Record<string, unknown>[] = []
  const issues: GlossaryIssue[] = []
  // `${entry}`, `${entry}/${role}/${language}/${index}` → line, for messages
  const lines = new Map<string, number>()
  const languages: string[] = []
  const languageLines: number[] = []
  const concepts = [...childElements(body, 'conceptEntry'), ...childElements(body, 'termEntry')]
  concepts.sort((a, b) => a.line - b.line)
  if (concepts.length === 0) return notTbx('the TBX document has no concept entries', body.line)
  const untranslatable = (element: XmlElement): boolean =>
    [...typed(element, 'translationNote'), ...typed(element, 'Translation needed')].some(
      (n) => textContent(n).trim().toLowerCase() === 'no'
    )
  concepts.forEach((concept, i) => {
    lines.set(`${i}`, concept.line)
    const flags = new Set<string>()
    for (const admin of typed(concept, 'x-precis-flags')) {
      for (const f of textContent(admin).split(/[\s,]+/)) if (f !== '') flags.add(f.toLowerCase())
    }
    if (untranslatable(concept)) flags.add('dnt')
    const notes = childElements(concept, 'note').map((n) => textContent(n).trim())
    if (notes.length === 0) {
      for (const d of typed(concept, 'definition')) notes.push(textContent(d).trim())
    }
    const note = notes.filter((n) => n !== '').join(' ')
    const records: Record<'terms' | 'forms' | 'forbidden', Record<string, string[]>> = {
      terms: {},
      forms: {},
      forbidden: {},
    }
    const add = (
      role: 'terms' | 'forms' | 'forbidden',
      language: string,
      value: string,
      line: number
    ): void => {
      const list = records[role][language] ?? []
      records[role][language] = list
      lines.set(`${i}/${role}/${language}/${list.length}`, line)
      list.push(value)
    }
    const sections = [...childElements(concept, 'langSec'), ...childElements(concept, 'langSet')]
    sections.sort((a, b) => a.line - b.line)
    for (const section of sections) {
      const language = section.attributes['xml:lang'] ?? section.attributes.lang
      if (language === undefined || language.trim() === '') {
        issues.push(
          makeIssue(
            'unknown_language',
            'a language section has no xml:lang attribute',
            ['entries', i],
            () => ({
              line: section.line,
            })
          )
        )
        continue
      }
      if (!languages.includes(language)) {
        languages.push(language)
        languageLines.push(section.line)
      }
      if (untranslatable(section)) flags.add('dnt')
      const found: { value: string; line: number; role: Role }[] = []
      for (const { term, notes: containers } of termContainers(section)) {
        if (containers.some(untranslatable)) flags.add('dnt')
        const status = containers.flatMap((c) => typed(c, 'administrativeStatus'))[0]
        const role = containers.flatMap((c) => typed(c, 'x-precis-role'))[0]
        found.push({
          value: textContent(term),
          line: term.line,
          role: roleOf(
            status !== undefined ? textContent(status) : undefined,
            role !== undefined ? textContent(role) : undefined
          ),
        })
      }
      // One preferred term: the first marked preferred, else the first admitted term; other
      // preferred-marked terms become variants.
      const preferred =
        found.find((f) => f.role === 'preferred') ?? found.find((f) => f.role === 'variant')
      if (preferred !== undefined) add('terms', language, preferred.value, preferred.line)
      for (const f of found) {
        if (f === preferred) continue
        if (f.role === 'preferred' || f.role === 'variant') add('terms', language, f.value, f.line)
        else add(f.role === 'form' ? 'forms' : 'forbidden', language, f.value, f.line)
      }
    }
    // Ids that are not Précis concept ids (generated `_…` ids, other tools' numeric ids) are
    // dropped: TBX requires an id on every concept, Précis does not.
    const rawId = concept.attributes.id?.trim()
    const keepId = rawId !== undefined && CONCEPT_ID_PATTERN.test(rawId)
    entries.push({
      ...(keepId ? { id: rawId } : {}),
      terms: records.terms,
      ...(Object.keys(records.forms).length > 0 ? { forms: records.forms } : {}),
      ...(Object.keys(records.forbidden).length > 0 ? { forbidden: records.forbidden } : {}),
      ...(flags.size > 0 ? { flags: [...flags] } : {}),
      ...(note !== '' ? { note } : {}),
    })
  })

  const locate: Locator = (path: DocumentPath) => {
    if (path[0] === 'languages' && typeof path[1] === 'number') {
      const line = languageLines[path[1]]
      return line !== undefined ? { line } : {}
    }
    if (path[0] !== 'entries' || typeof path[1] !== 'number') return { line: body.line }
    const [, i, role, language, k] = path
    const exact =
      k !== undefined ? lines.get(`${i}/${String(role)}/${String(language)}/${k}`) : undefined
    const firstOfLanguage = lines.get(`${i}/${String(role)}/${String(language)}/0`)
    const line = exact ?? firstOfLanguage ?? lines.get(`${i}`)
    return {
      ...(line !== undefined ? { line } : {}),
      ...(typeof language === 'string' &&
      (role === 'terms' || role === 'forms' || role === 'forbidden')
        ? { column: language }
        : {}),
    }
  }
  // Languages in order of first appearance; the first one names the concepts.
  const built = buildGlossary(id, { languages, entries }, locate)
  if (built.ok && issues.length === 0) return built
  return { ok: false, issues: sortIssues([...issues, ...(built.ok ? [] : built.issues)]) }
}
