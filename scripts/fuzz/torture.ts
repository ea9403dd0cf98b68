/**
 * Unicode torture: strings that break naive text handling (lone and reversed surrogates, bidi
 * controls, zero-width characters, NUL and other controls, noncharacters, case mappings that change
 * length, long combining sequences), and the byte encodings that smuggle them in (WTF-8, which
 * encodes a lone surrogate as the invalid UTF-8 it would be).
 *
 * @module
 */
import fc from 'fast-check'

const FRAGMENTS: ReadonlyArray<readonly [string, string]> = [
  ['lone-high', '\uD800'],
  ['lone-high-max', '\uDBFF'],
  ['lone-low', '\uDC00'],
  ['lone-low-max', '\uDFFF'],
  ['reversed-pair', '\uDE00\uD83D'],
  ['high-then-text', '\uD83Dabc'],
  ['rlo', '\u202E'],
  ['lro', '\u202D'],
  ['isolates', '\u2066\u2067\u2068\u2069'],
  ['marks', '\u200E\u200F\u061C'],
  ['zwsp', '\u200B'],
  ['zwj-zwnj', '\u200D\u200C'],
  ['word-joiner', '\u2060'],
  ['bom', '\uFEFF'],
  ['soft-hyphen', '\u00AD'],
  ['cgj', '\u034F'],
  ['nul', '\u0000'],
  ['controls', '\u0001\u001F\u007F\u0085'],
  ['line-seps', '\u2028\u2029'],
  ['crlf', '\r\n\r\n'],
  ['cr', '\r'],
  ['tabs', '\t\v\f'],
  ['nonchars', '\uFFFE\uFFFF'],
  ['replacement', '\uFFFD'],
  ['max-code-point', '\u{10FFFF}'],
  ['emoji-zwj', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'],
  ['flag', '\u{1F1FA}\u{1F1F8}'],
  ['dotted-I', '\u0130stanbul'],
  ['sharp-s', 'Straße'],
  ['iota-dialytika', '\u0390'],
  ['ligature', 'ﬁnance ﬀ'],
  ['fullwidth-term', 'Ｘｉ＇ａｎ'],
  ['title-case-dz', 'ǅ'],
  ['kelvin', '\u212A'],
  ['greek-final-sigma', 'ΣΑΣ'],
  ['zalgo', `e${'\u0301'.repeat(300)}`],
  ['long-combining', `a${'\u0300'.repeat(5000)}`],
  ['term-with-zw', 'Xi\u200B’an'],
  ['term-with-bidi', '\u202EXi’an\u202C'],
  ['term-with-nul', 'Xi\u0000an'],
  ['cjk-dots', '丝路。'.repeat(50)],
  ['many-periods', '. '.repeat(500)],
  ['numbers', '1. '.repeat(500)],
  ['newlines', '\n'.repeat(2000)],
  ['escapes', '\\u0000 \\ud800 %00 %ED%A0%80'],
  ['html', '<script>alert(1)</script>&amp;&#0;'],
  ['sql', "' OR 1=1; --"],
  ['placeholder-like', 'ZqAb Qzcd Zxef Xqgh'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text is the torture.
  ['template', '${constructor} {{x}} %s %n'],
]

export type Torture = { readonly label: string; readonly text: string }

/** One or a few torture fragments, possibly around ordinary text. */
export function tortureString(): fc.Arbitrary<Torture> {
  const fragment = fc.constantFrom(...FRAGMENTS)
  return fc.array(fragment, { minLength: 1, maxLength: 3 }).map((parts) => ({
    label: `unicode:${parts.map(([l]) => l).join('+')}`,
    text: parts.map(([, t]) => t).join(' '),
  }))
}

/** Identifier-shaped torture for path segments, already percent-encoded where it must be. */
export const PATH_SEGMENTS: ReadonlyArray<readonly [string, string]> = [
  ['lone-surrogate-wtf8', '%ED%A0%80'],
  ['lone-surrogate-u', '%uD800'],
  ['overlong-slash', '%C0%AF'],
  ['invalid-byte', '%FF'],
  ['truncated-utf8', '%E4%B8'],
  ['nul', '%00'],
  ['bad-percent', '%'],
  ['bad-percent-2', '%zz'],
  ['encoded-slash', 'a%2Fb'],
  ['dot', '.'],
  ['dotdot', '..'],
  ['encoded-dotdot', '%2e%2e'],
  ['rlo', '%E2%80%AE'],
  ['zwsp', 'news%E2%80%8B-central-asia'],
  ['bom', '%EF%BB%BFnews-central-asia'],
  ['upper', 'NEWS-CENTRAL-ASIA'],
  ['trailing-hyphen', 'fuzz-'],
  ['unicode', '%E4%B8%9D%E8%B7%AF'],
  ['space', 'a%20b'],
  ['plus', 'a+b'],
  ['max+1', 'a'.repeat(65)],
  ['long', 'a'.repeat(5000)],
  ['proto', '__proto__'],
  ['constructor', 'constructor'],
  ['empty', ''],
]

/** UTF-8, except that a lone surrogate becomes its three WTF-8 bytes (invalid UTF-8). */
export function encodeWtf8(text: string): Uint8Array {
  const bytes: number[] = []
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i)
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1)
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00)
        i++
      }
    }
    if (cp < 0x80) bytes.push(cp)
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63))
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
    else {
      bytes.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 63),
        0x80 | ((cp >> 6) & 63),
        0x80 | (cp & 63)
      )
    }
  }
  return Uint8Array.from(bytes)
}

/**
 * JSON text whose lone surrogates are written raw (WTF-8) instead of as `\uXXXX` escapes, as a
 * careless client would: the body is then not valid UTF-8.
 */
export function rawSurrogateJson(value: unknown): Uint8Array {
  const escaped = JSON.stringify(value)
  const raw = escaped.replace(/\\u(d[89a-f][0-9a-f]{2})/gi, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16))
  )
  return encodeWtf8(raw)
}

/** Invalid UTF-8 byte sequences. */
export const INVALID_UTF8: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['continuation', [0x80]],
  ['overlong-nul', [0xc0, 0x80]],
  ['overlong-slash', [0xc0, 0xaf]],
  ['surrogate', [0xed, 0xa0, 0x80]],
  ['truncated-3', [0xe4, 0xb8]],
  ['truncated-4', [0xf0, 0x9f, 0x98]],
  ['five-byte', [0xf8, 0x88, 0x80, 0x80, 0x80]],
  ['ff', [0xff, 0xfe]],
  ['above-max', [0xf4, 0x90, 0x80, 0x80]],
]
