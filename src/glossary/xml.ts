/**
 * A small, strict XML reader for TBX imports.
 *
 * It reads elements, attributes, text, CDATA, comments and processing instructions, and refuses
 * everything a terminology file does not need and an attacker would like: no internal DTD subset, no
 * entity declarations, no external references (a DOCTYPE that only names an external DTD, as TBX v2
 * files conventionally carry, is skipped and never fetched), only the five predefined entities and
 * numeric character references. It scans with `indexOf` (no regular expression over the input), bounds nesting
 * depth and element count, and reports the line of every error.
 *
 * @module
 */

/** An element: qualified name, attributes, children in order, and the line it starts on. */
export type XmlElement = {
  readonly name: string
  readonly attributes: Readonly<Record<string, string>>
  readonly children: readonly (XmlElement | string)[]
  readonly line: number
}

/** Why a document was refused. */
export type XmlError = {
  readonly code: 'doctype_not_allowed' | 'malformed'
  readonly message: string
  readonly line: number
}

/** Result of {@link parseXml}. */
export type XmlResult =
  | { readonly ok: true; readonly root: XmlElement }
  | { readonly ok: false; readonly error: XmlError }

/** Limits of {@link parseXml}. */
export type XmlLimits = { readonly maxDepth: number; readonly maxElements: number }

class XmlSyntaxError extends Error {
  constructor(
    readonly code: XmlError['code'],
    message: string,
    readonly offset: number
  ) {
    super(message)
    this.name = 'XmlSyntaxError'
  }
}

const PREDEFINED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
}

function isNameChar(c: string): boolean {
  return !(c === '' || c === '>' || c === '/' || c === '=' || c === '<' || c.trim() === '')
}

function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  )
}

/** Replaces entity and character references; anything else after `&` is an error. */
function decode(raw: string, offset: number): string {
  if (!raw.includes('&')) return raw
  let out = ''
  let at = 0
  for (;;) {
    const amp = raw.indexOf('&', at)
    if (amp < 0) return out + raw.slice(at)
    const semi = raw.indexOf(';', amp)
    const name = semi < 0 ? '' : raw.slice(amp + 1, semi)
    if (semi < 0 || semi - amp > 12 || name === '') {
      throw new XmlSyntaxError(
        'malformed',
        "a bare '&' in text: write &amp; for an ampersand",
        offset + amp
      )
    }
    let value: string | undefined
    if (name.startsWith('#')) {
      const hexadecimal = name[1] === 'x'
      const digits = name.slice(hexadecimal ? 2 : 1)
      const cp = Number.parseInt(digits, hexadecimal ? 16 : 10)
      const wellFormed = hexadecimal ? /^[0-9a-fA-F]+$/.test(digits) : /^[0-9]+$/.test(digits)
      if (!wellFormed || !isXmlChar(cp)) {
        throw new XmlSyntaxError('malformed', `invalid character reference &${name};`, offset + amp)
      }
      value = String.fromCodePoint(cp)
    } else {
      value = PREDEFINED[name]
      if (value === undefined) {
        throw new XmlSyntaxError(
          'doctype_not_allowed',
          `unknown entity &${name};: entities are not supported (only &amp; &lt; &gt; &quot; &apos; and character references)`,
          offset + amp
        )
      }
    }
    out += raw.slice(at, amp) + value
    at = semi + 1
  }
}

/**
 * Parses an XML document into an element tree (whitespace-only text between elements is
 * kept; callers ignore it).
 *
 * @returns the root element, or the first error with its line (1-based).
 */
export function parseXml(
  text: string,
  limits: XmlLimits = { maxDepth: 32, maxElements: 500_000 }
): XmlResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  try {
    return { ok: true, root: parseDocument(source, limits) }
  } catch (error) {
    if (error instanceof XmlSyntaxError) {
      let line = 1
      for (
        let i = source.indexOf('\n');
        i >= 0 && i < error.offset;
        i = source.indexOf('\n', i + 1)
      ) {
        line++
      }
      return { ok: false, error: { code: error.code, message: error.message, line } }
    }
    throw error
  }
}

const DOCTYPE_REFUSED =
  'DOCTYPE declarations are not allowed unless they only name an external DTD: remove the <!DOCTYPE …> line (internal subsets and entity declarations are refused)'

/**
 * Reads `<!DOCTYPE name SYSTEM "uri">` or `<!DOCTYPE name PUBLIC "id" "uri">` starting at `lt`
 * and returns the offset after it. Anything else (an internal subset, a bare `<!DOCTYPE name>`
 * followed by `[`, unquoted identifiers) is refused with `doctype_not_allowed`. Linear: each
 * character is looked at once, quoted literals are found with `indexOf`.
 */
function skipExternalDoctype(source: string, lt: number): number {
  const refuse = (): never => {
    throw new XmlSyntaxError('doctype_not_allowed', DOCTYPE_REFUSED, lt)
  }
  let j = lt + '<!DOCTYPE'.length
  const skipSpace = (): void => {
    while (j < source.length && (source[j] as string).trim() === '') j++
  }
  const word = (): string => {
    const start = j
    while (j < source.length && isNameChar(source[j] as string) && source[j] !== '[') j++
    return source.slice(start, j)
  }
  const literal = (): void => {
    const quote = source[j]
    if (quote !== '"' && quote !== "'") refuse()
    const close = source.indexOf(quote as string, j + 1)
    // a literal has no markup in it: a '<' or '[' means this is not a plain identifier
    if (close < 0 || /[<>[\]]/.test(source.slice(j + 1, close))) refuse()
    j = close + 1
  }
  if ((source[j] ?? '').trim() !== '') refuse()
  skipSpace()
  if (word() === '') refuse()
  skipSpace()
  const keyword = word()
  if (keyword === 'SYSTEM') {
    skipSpace()
    literal()
  } else if (keyword === 'PUBLIC') {
    skipSpace()
    literal()
    skipSpace()
    literal()
  } else {
    // `<!DOCTYPE x>` or `<!DOCTYPE x [ … ]>`: no external identifier, so it can only declare
    // things inline; refuse it with the other declarations.
    refuse()
  }
  skipSpace()
  if (source[j] !== '>') refuse()
  return j + 1
}

type OpenElement = {
  name: string
  attributes: Record<string, string>
  children: (XmlElement | string)[]
  line: number
}

function parseDocument(source: string, limits: XmlLimits): XmlElement {
  const stack: OpenElement[] = []
  let root: XmlElement | undefined
  let elements = 0
  let line = 1
  let lineAt = 0
  const lineOf = (offset: number): number => {
    for (
      let i = source.indexOf('\n', lineAt);
      i >= 0 && i < offset;
      i = source.indexOf('\n', i + 1)
    ) {
      line++
      lineAt = i + 1
    }
    return line
  }
  const fail = (message: string, offset: number, code: XmlError['code'] = 'malformed'): never => {
    throw new XmlSyntaxError(code, message, offset)
  }
  const addText = (value: string, offset: number): void => {
    const top = stack[stack.length - 1]
    if (top === undefined) {
      if (value.trim() !== '') fail('text outside the root element', offset)
      return
    }
    top.children.push(value)
  }

  let i = 0
  let sawDoctype = false
  while (i < source.length) {
    const lt = source.indexOf('<', i)
    if (lt < 0) {
      addText(decode(source.slice(i), i), i)
      break
    }
    if (lt > i) addText(decode(source.slice(i, lt), i), i)
    if (source.startsWith('<!--', lt)) {
      const end = source.indexOf('-->', lt + 4)
      if (end < 0) fail('a comment is never closed (-->)', lt)
      i = end + 3
    } else if (source.startsWith('<![CDATA[', lt)) {
      const end = source.indexOf(']]>', lt + 9)
      if (end < 0) fail('a CDATA section is never closed (]]>)', lt)
      if (stack.length === 0) fail('CDATA outside the root element', lt)
      addText(source.slice(lt + 9, end), lt)
      i = end + 3
    } else if (source.startsWith('<!DOCTYPE', lt) && root === undefined && stack.length === 0) {
      // TBX v2 files conventionally start with `<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">`.
      // A DOCTYPE that only names an external DTD declares nothing this reader would use (the DTD
      // is never fetched), so it is skipped; one with an internal subset (`[…]`, where entities
      // are declared) is still refused.
      if (sawDoctype) fail('a second DOCTYPE declaration', lt, 'doctype_not_allowed')
      i = skipExternalDoctype(source, lt)
      sawDoctype = true
    } else if (source.startsWith('<!', lt)) {
      const word = source.slice(lt + 2, lt + 9).toUpperCase()
      fail(
        word.startsWith('DOCTYPE')
          ? 'DOCTYPE declarations are not allowed: remove the <!DOCTYPE …> line (entity expansion and external DTDs are refused)'
          : 'declarations (<!ENTITY …>, <!ELEMENT …>) are not allowed',
        lt,
        'doctype_not_allowed'
      )
    } else if (source.startsWith('<?', lt)) {
      const end = source.indexOf('?>', lt + 2)
      if (end < 0) fail('a processing instruction is never closed (?>)', lt)
      const target = source.slice(lt + 2, end).trimStart()
      if (/^xml\s/i.test(target.slice(0, 4))) {
        if (lt !== 0) fail('the XML declaration must come first', lt)
        const encoding = /encoding\s*=\s*["']([^"']{1,40})["']/.exec(target.slice(0, 200))?.[1]
        if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) {
          fail(`the document is declared as ${encoding}; only UTF-8 is accepted`, lt)
        }
      }
      i = end + 2
    } else if (source[lt + 1] === '/') {
      const end = source.indexOf('>', lt + 2)
      if (end < 0) fail('a closing tag is never closed (>)', lt)
      const name = source.slice(lt + 2, end).trim()
      const open = stack.pop()
      if (open === undefined) fail(`</${name}> closes nothing`, lt)
      else if (open.name !== name) fail(`</${name}> closes <${open.name}> (line ${open.line})`, lt)
      else {
        const element: XmlElement = open
        const parent = stack[stack.length - 1]
        if (parent !== undefined) parent.children.push(element)
        else root = element
      }
      i = end + 1
    } else {
      if (root !== undefined) fail('a second root element', lt)
      let j = lt + 1
      while (j < source.length && isNameChar(source[j] as string)) j++
      const name = source.slice(lt + 1, j)
      if (name === '') fail("a '<' that starts no tag: write &lt; for a less-than sign", lt)
      const attributes: Record<string, string> = {}
      let selfClosing = false
      for (;;) {
        while (j < source.length && (source[j] as string).trim() === '') j++
        const c = source[j]
        if (c === undefined) fail(`<${name}> is never closed (>)`, lt)
        if (c === '>') {
          j++
          break
        }
        if (c === '/' && source[j + 1] === '>') {
          selfClosing = true
          j += 2
          break
        }
        const nameStart = j
        while (j < source.length && isNameChar(source[j] as string)) j++
        const attribute = source.slice(nameStart, j)
        while (j < source.length && (source[j] as string).trim() === '') j++
        if (attribute === '' || source[j] !== '=') fail(`malformed attribute in <${name}>`, j)
        j++
        while (j < source.length && (source[j] as string).trim() === '') j++
        const quote = source[j]
        if (quote !== '"' && quote !== "'")
          fail(`attribute ${attribute} of <${name}> needs quotes`, j)
        const close = source.indexOf(quote as string, j + 1)
        if (close < 0) fail(`attribute ${attribute} of <${name}> is never closed`, j)
        const raw = source.slice(j + 1, close)
        if (raw.includes('<')) fail(`'<' inside attribute ${attribute} of <${name}>`, j)
        if (Object.hasOwn(attributes, attribute))
          fail(`attribute ${attribute} appears twice in <${name}>`, j)
        attributes[attribute] = decode(raw, j + 1)
        j = close + 1
      }
      if (++elements > limits.maxElements) fail(`more than ${limits.maxElements} elements`, lt)
      if (stack.length + 1 > limits.maxDepth)
        fail(`elements nested deeper than ${limits.maxDepth} levels`, lt)
      const open: OpenElement = { name, attributes, children: [], line: lineOf(lt) }
      if (selfClosing) {
        const parent = stack[stack.length - 1]
        if (parent !== undefined) parent.children.push(open)
        else root = open
      } else {
        stack.push(open)
      }
      i = j
    }
  }
  const unclosed = stack[stack.length - 1]
  if (unclosed !== undefined)
    fail(`<${unclosed.name}> (line ${unclosed.line}) is never closed`, source.length)
  if (root === undefined) fail('no root element', 0)
  return root as XmlElement
}

/** Local name of a qualified name (`tbx:term` → `term`). */
export function localName(name: string): string {
  const colon = name.indexOf(':')
  return colon < 0 ? name : name.slice(colon + 1)
}

/** Child elements of `element`, optionally only those with local name `name`. */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = []
  for (const child of element.children) {
    if (typeof child !== 'string' && (name === undefined || localName(child.name) === name))
      out.push(child)
  }
  return out
}

/** All text inside `element` (descendants included), as one string. */
export function textContent(element: XmlElement): string {
  let out = ''
  for (const child of element.children)
    out += typeof child === 'string' ? child : textContent(child)
  return out
}

/** Escapes text for an XML element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'
  )
}
