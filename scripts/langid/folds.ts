/**
 * Two-fold split of an evaluation file, for tuning on one half and reporting the other.
 *
 * Words, pairs and sentences go to a fold by a hash of their text. A paragraph is built from
 * sentences of the same file, so it follows the fold most of its sentences are in (ties and
 * paragraphs whose sentences are not in the file: by its own hash); a paragraph therefore rarely
 * shares a sentence with the other fold.
 *
 * @module
 */

export type Item = { lang: string; text: string; kind: string }

/** FNV-1a over UTF-16 code units. */
function hash(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Fold (0 or 1) of every item, in order. */
export function foldsOf(items: readonly Item[]): number[] {
  const own = (t: string) => (hash(t) >>> 7) & 1
  const sentences = new Map<string, string[]>()
  for (const it of items) {
    if (it.kind !== 'sentence') continue
    const list = sentences.get(it.lang) ?? []
    list.push(it.text)
    sentences.set(it.lang, list)
  }
  return items.map((it) => {
    if (it.kind !== 'paragraph') return own(it.text)
    let votes = 0
    for (const s of sentences.get(it.lang) ?? []) {
      if (it.text.includes(s)) votes += own(s) === 1 ? 1 : -1
    }
    return votes > 0 ? 1 : votes < 0 ? 0 : own(it.text)
  })
}
