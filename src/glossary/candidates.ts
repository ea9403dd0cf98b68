/**
 * Term discovery: finds in news texts the names a glossary should have and does not — multi-word
 * proper names and organisations, people, places, acronyms, currencies — and groups spellings of
 * one name across texts ("Tokayev"/"Tokaev", "…Centre"/"…Center").
 *
 * Rule-based and pure, for English, French, Spanish, German and Russian (other languages fall
 * back to the English connectors and no lexicons):
 *
 * 1. Words are read with their offsets; sentence starts come from `src/text/sentences`.
 * 2. Runs of capitalised words form a name, joined by the language's lowercase connectors
 *    ("Bank *of* Astana", "Banque *de* France", "Министерство *иностранных* дел" in Russian,
 *    where words after the first of an organisation's name are lowercase).
 * 3. Leading titles and sentence-initial function words are cut ("President Tokayev" →
 *    "Tokayev"); a lone capitalised word at a sentence start counts only if it also appears
 *    capitalised elsewhere. In German, where every noun is capitalised, a lone word after an
 *    article or with a common-noun suffix is not a name.
 * 4. Acronyms (2–6 capitals) and currency names (a small lexicon per language, with case endings)
 *    are found on their own.
 * 5. Terms already in the glossary (any role, compared as the matcher compares them) are dropped.
 * 6. Variants are grouped by a spelling skeleton: case, accents, doubled letters and common
 *    transliteration and spelling alternations folded (ay/ai→a before a vowel, zh→j, kh→h,
 *    -tre→-ter, -our→-or…), then skeletons at edit distance ≤ 1 (≥ 6 letters) joined.
 *
 * Every step is linear in the text length; grouping compares candidates only within buckets of
 * equal word count and skeleton prefix, and the number of candidates is capped.
 *
 * @module
 */
import { stopwordsFor } from '../summarize/stopwords'
import { splitSentences } from '../text/sentences'
import { matchKey } from './fold'
import { entryTermsIn } from './model'
import type { Glossary } from './types'

/** What a candidate looks like. */
export type CandidateKind = 'organization' | 'person' | 'place' | 'acronym' | 'currency' | 'name'

/** One candidate term (one spelling). */
export type Candidate = {
  /** The spelling, as most often written in the texts. */
  readonly term: string
  readonly kind: CandidateKind
  /** Occurrences over all texts. */
  readonly count: number
  /** Indexes of the texts it appears in, ascending. */
  readonly texts: readonly number[]
  /** One occurrence: text index and UTF-16 offset. */
  readonly example: { readonly text: number; readonly offset: number }
  /** Index into `groups` when other spellings of the same name were found. */
  readonly group?: number
}

/** Spellings that likely name one thing. The first is the most frequent. */
export type VariantGroup = {
  readonly terms: readonly string[]
  readonly kind: CandidateKind
  readonly count: number
  readonly texts: readonly number[]
}

/** Options of {@link findCandidates}. */
export type CandidateOptions = {
  /** BCP 47 code of the texts (default `en`). */
  readonly language?: string
  /** Terms of this glossary are not candidates. */
  readonly glossary?: Glossary
  /** At most this many candidates, most frequent first (default 500). */
  readonly limit?: number
}

/** Result of {@link findCandidates}. */
export type CandidateResult = {
  readonly language: string
  readonly candidates: readonly Candidate[]
  readonly groups: readonly VariantGroup[]
}

type Lexicon = {
  /** Lowercase words allowed inside a name between capitalised words. */
  readonly connectors: ReadonlySet<string>
  /** Titles cut from the start of a name (lowercase). */
  readonly titles: ReadonlySet<string>
  /** Words that make a name an organisation (lowercase stems, matched as prefixes). */
  readonly organizations: readonly string[]
  /** Prepositions after which a lone name is a place. */
  readonly placePrepositions: ReadonlySet<string>
  /** Currency stems (lowercase, matched as prefixes of a whole word). */
  readonly currencies: readonly string[]
  /** Capitalised words that are never names (days, months). */
  readonly never: ReadonlySet<string>
}

const set = (words: string): ReadonlySet<string> => new Set(words.split(' ').filter(Boolean))
const list = (words: string): readonly string[] => words.split(' ').filter(Boolean)

const CURRENCY_CODES = set('usd eur kzt rub cny gbp uzs kgs tjs tmt jpy chf')

const LEXICONS: Readonly<Record<string, Lexicon>> = {
  en: {
    connectors: set('of for the and on de'),
    titles: set(
      'president prime minister deputy foreign mr mrs ms dr sir chairman chairwoman governor mayor ambassador general secretary-general spokesman spokeswoman chief executive ceo senator'
    ),
    organizations: list(
      'bank centre center fund ministry council committee organisation organization union agency corporation company exchange university institute party association commission group authority office court parliament assembly forum programme program service times news'
    ),
    placePrepositions: set('in at from to near across into'),
    currencies: list(
      'dollar euro yuan renminbi tenge ruble rouble som manat somoni pound sterling yen franc'
    ),
    never: set(
      'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'
    ),
  },
  fr: {
    connectors: set("de du des la le les et pour sur l' d' à"),
    titles: set('président présidente ministre premier m. mme porte-parole directeur directrice'),
    organizations: list(
      'banque centre fonds ministère conseil comité organisation union agence société bourse université institut parti association commission groupe autorité office cour parlement assemblée forum programme service'
    ),
    placePrepositions: set('à au aux en depuis vers'),
    currencies: list('dollar euro yuan renminbi tenge rouble som manat livre yen franc'),
    never: set(''),
  },
  es: {
    connectors: set('de del la las los el y e para sobre'),
    titles: set(
      'presidente presidenta ministro ministra primer primera señor señora don doña portavoz director directora'
    ),
    organizations: list(
      'banco centro fondo ministerio consejo comité organización unión agencia compañía empresa bolsa universidad instituto partido asociación comisión grupo autoridad oficina tribunal parlamento asamblea foro programa servicio'
    ),
    placePrepositions: set('en a desde hacia'),
    currencies: list('dólar dolar euro yuan renminbi tenge rublo som manat libra yen franco'),
    never: set(''),
  },
  de: {
    connectors: set('für der die das des den dem und von zu zur zum am'),
    titles: set(
      'präsident präsidentin minister ministerin premierminister außenminister herr frau kanzler kanzlerin sprecher sprecherin chef chefin gouverneur botschafter'
    ),
    organizations: list(
      'bank zentrum fonds ministerium rat komitee organisation union agentur gesellschaft börse universität institut partei verband kommission gruppe behörde amt gericht parlament versammlung forum programm dienst'
    ),
    placePrepositions: set('in nach aus bei'),
    currencies: list('dollar euro yuan renminbi tenge rubel som manat pfund yen franken'),
    never: set(
      'montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april mai juni juli august september oktober november dezember'
    ),
  },
  ru: {
    connectors: set('и по при для'),
    titles: set('президент премьер-министр министр глава председатель господин госпожа посол'),
    organizations: list(
      'банк центр фонд министерств совет комитет организаци союз агентств компани бирж университет институт парти ассоциаци комисси групп ведомств суд парламент собрани форум программ служб'
    ),
    placePrepositions: set('в во из на'),
    currencies: list('доллар евро юан тенге рубл сом манат фунт иен франк'),
    never: set(''),
  },
}

/** Articles and determiners after which a capitalised German word is a common noun. */
const GERMAN_DETERMINERS = set(
  'der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner dieser diese dieses diesem diesen jeder jede jedes jedem jeden sein seine ihr ihre unser unsere mehr neue neuen neuer neues'
)
/** Suffixes of German common nouns (Regierung, Freiheit, Gesellschaft, Nation, Qualität…). */
const GERMAN_NOUN_SUFFIX =
  /(ung|heit|keit|schaft|tion|tät|ismus|nis|ment|chen|lein|ität|ungen|heiten|keiten|ionen)$/

/** Russian adjective endings, for lowercase words inside an organisation's name. */
const RUSSIAN_ADJECTIVE = /(ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|ую|юю)$/

function lexiconFor(language: string): Lexicon {
  const primary = language.split('-')[0]?.toLowerCase() ?? 'en'
  return LEXICONS[primary] ?? (LEXICONS.en as Lexicon)
}

type Word = {
  readonly start: number
  readonly end: number
  readonly text: string
  readonly lower: string
  readonly capitalized: boolean
  readonly acronym: boolean
  /** First word of its sentence. */
  readonly initial: boolean
  /** Followed by nothing but spaces up to the next word (no punctuation in between). */
  readonly joined: boolean
}

// A word: letters (with marks and digits inside), inner hyphens and apostrophes.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu
const ELISION = /^(?:[ldjnstcm]|qu)['’]/i
const UPPER = /^\p{Lu}/u
const ACRONYM = /^(?:\p{Lu}{2,6}|\p{Lu}{1,4}\d{1,2})$/u

/** The words of a text with sentence starts marked, elided articles (l', d') split off. */
function wordsOf(text: string, language: string): Word[] {
  const starts = new Set(splitSentences(text, language).map((s) => s.start))
  const out: Word[] = []
  let sentenceStart = true
  let lastEnd = 0
  for (const match of text.matchAll(WORD)) {
    let start = match.index
    let value = match[0]
    // a sentence starts at or before this word when a sentence span begins between the words
    for (let i = lastEnd; i <= start; i++) {
      if (starts.has(i)) {
        sentenceStart = true
        break
      }
    }
    const elided = ELISION.exec(value)
    if (elided !== null && value.length > elided[0].length) {
      out.push(makeWord(text, start, start + elided[0].length, sentenceStart))
      sentenceStart = false
      start += elided[0].length
      value = value.slice(elided[0].length)
    }
    // "Tokayev's" → "Tokayev": the English possessive is not part of the name
    const possessive = /['’]s$/i.exec(value)
    const end = start + value.length - (possessive !== null && value.length > 3 ? 2 : 0)
    out.push(makeWord(text, start, end, sentenceStart))
    sentenceStart = false
    lastEnd = match.index + match[0].length
  }
  return out
}

function makeWord(text: string, start: number, end: number, initial: boolean): Word {
  const value = text.slice(start, end)
  let next = end
  while (next < text.length && (text[next] === ' ' || text[next] === '\u00a0')) next++
  // joined: only spaces (or an elided article's apostrophe end) up to the next letter
  const joined =
    (next > end || /['’]$/.test(value)) &&
    next < text.length &&
    /[\p{L}\p{N}]/u.test(text[next] ?? '')
  return {
    start,
    end,
    text: value,
    lower: value.toLowerCase(),
    capitalized: UPPER.test(value),
    acronym: ACRONYM.test(value),
    initial,
    joined,
  }
}

type Span = { start: number; end: number; words: Word[]; before: Word | undefined }

const isStem = (word: string, stems: readonly string[]): boolean =>
  stems.some((s) => word.startsWith(s))

/** Capitalised runs joined by connectors, titles and leading function words cut. */
function nameSpans(words: readonly Word[], lexicon: Lexicon, language: string): Span[] {
  const russian = language.startsWith('ru')
  const stop = stopwordsFor(language)
  const spans: Span[] = []
  let i = 0
  while (i < words.length) {
    const first = words[i] as Word
    if (!first.capitalized) {
      i++
      continue
    }
    let j = i
    let last = i
    // extend over capitalised words and connectors (or, in Russian, lowercase adjectives and
    // organisation words) while the words are joined by spaces only
    while (j < words.length - 1 && (words[j] as Word).joined) {
      const next = words[j + 1] as Word
      if (next.initial) break
      if (next.capitalized) {
        j++
        last = j
        continue
      }
      const inner =
        lexicon.connectors.has(next.lower) ||
        (russian &&
          (RUSSIAN_ADJECTIVE.test(next.lower) ||
            isStem(next.lower, lexicon.organizations) ||
            next.lower === 'дел'))
      if (!inner) break
      j++
      // a Russian organisation name may end on its lowercase keyword ("Центральный банк")
      if (russian && isStem(next.lower, lexicon.organizations)) last = j
    }
    let run = words.slice(i, last + 1)
    // cut leading titles and leading function words (sentence-initial "The", "However"…)
    while (run.length > 0) {
      const head = run[0] as Word
      if (lexicon.titles.has(head.lower) || (stop.has(head.lower) && !head.acronym))
        run = run.slice(1)
      else break
    }
    // cut trailing connectors and (outside Russian) lowercase words
    while (run.length > 0) {
      const tail = run[run.length - 1] as Word
      if (!tail.capitalized && !(russian && isStem(tail.lower, lexicon.organizations)))
        run = run.slice(0, -1)
      else break
    }
    if (run.length > 0) {
      const head = run[0] as Word
      const index = words.indexOf(head)
      spans.push({
        start: head.start,
        end: (run[run.length - 1] as Word).end,
        words: run,
        before: index > 0 ? words[index - 1] : undefined,
      })
    }
    i = last + 1
  }
  return spans
}

function classify(span: Span, lexicon: Lexicon, titled: boolean): CandidateKind {
  const words = span.words
  if (words.length === 1 && (words[0] as Word).acronym) return 'acronym'
  if (words.some((w) => isStem(w.lower, lexicon.organizations))) return 'organization'
  if (titled) return 'person'
  const before = span.before?.lower
  if (words.length === 1 && before !== undefined && lexicon.placePrepositions.has(before))
    return 'place'
  if (words.length >= 2 && words.length <= 3 && words.every((w) => w.capitalized && !w.acronym))
    return 'person'
  return 'name'
}

type Occurrence = {
  readonly term: string
  readonly kind: CandidateKind
  readonly text: number
  readonly offset: number
  readonly initialOnly: boolean
}

/** Every candidate occurrence in one text. */
function occurrencesIn(text: string, index: number, language: string): Occurrence[] {
  const lexicon = lexiconFor(language)
  const german = language.startsWith('de')
  const words = wordsOf(text, language)
  const out: Occurrence[] = []
  const covered = new Set<number>()
  for (const span of nameSpans(words, lexicon, language)) {
    const single = span.words.length === 1
    const head = span.words[0] as Word
    if (single && lexicon.never.has(head.lower)) continue
    if (single && head.text.length < 2) continue
    if (
      german &&
      single &&
      !head.acronym &&
      ((span.before !== undefined && GERMAN_DETERMINERS.has(span.before.lower)) ||
        GERMAN_NOUN_SUFFIX.test(head.lower) ||
        isStem(head.lower, lexicon.organizations))
    ) {
      continue
    }
    // a single organisation word ("Bank", "Centre") is not a name by itself
    if (single && !head.acronym && isStem(head.lower, lexicon.organizations) && !german) continue
    const beforeIndex = words.indexOf(head) - 1
    const titled = beforeIndex >= 0 && lexicon.titles.has((words[beforeIndex] as Word).lower)
    out.push({
      term: text.slice(span.start, span.end),
      kind: classify(span, lexicon, titled),
      text: index,
      offset: span.start,
      initialOnly: single && head.initial,
    })
    for (const w of span.words) covered.add(w.start)
  }
  for (const w of words) {
    if (covered.has(w.start)) continue
    if (CURRENCY_CODES.has(w.lower) && w.acronym) {
      out.push({ term: w.text, kind: 'currency', text: index, offset: w.start, initialOnly: false })
    } else if (!w.capitalized || german) {
      const stem = lexicon.currencies.find((c) => w.lower.startsWith(c))
      // a stem covers its case endings and plurals, not longer words ("euro" ≠ "europe")
      if (stem !== undefined && w.lower.length - stem.length <= 3 && !/^europ/.test(w.lower)) {
        out.push({
          term: w.text,
          kind: 'currency',
          text: index,
          offset: w.start,
          initialOnly: false,
        })
      }
    }
  }
  return out
}

/**
 * The spelling skeleton of a term: what is left when case, accents, doubled letters and common
 * transliteration and spelling alternations are folded away.
 */
export function spellingSkeleton(term: string): string {
  let s = term
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/['’ʼ`]/g, '')
    .replace(/[\s-]+/g, ' ')
    .trim()
  s = s
    .replace(/tre\b/g, 'ter')
    .replace(/our\b/g, 'or')
    .replace(/is(e|ation)/g, 'iz$1')
    .replace(/zh/g, 'j')
    .replace(/dj/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/w/g, 'v')
    // Tokayev/Tokaev, Nazarbayev/Nazarbaev: a y or i between vowels
    .replace(/([aeiou])[yi](?=[aeiou])/g, '$1')
    .replace(/([aeiou])[yi](?=[aeiou])/g, '$1')
    .replace(/(?:yu|iu)/g, 'u')
    .replace(/(?:ya|ia)(?=[^aeiou]|\b)/g, 'a')
    .replace(/(\p{L})\1+/gu, '$1')
    .replace(/й/g, 'и')
  return s
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1)
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}

/**
 * Finds glossary candidates in `texts` (see the module comment).
 *
 * @returns candidates sorted by count (then first appearance), and the variant groups.
 */
export function findCandidates(
  texts: readonly string[],
  options: CandidateOptions = {}
): CandidateResult {
  const language = options.language ?? 'en'
  const limit = options.limit ?? 500
  const known = new Set<string>()
  const glossary = options.glossary
  if (glossary !== undefined) {
    for (const entry of glossary.entries) {
      for (const column of glossary.languages) {
        if (column.split('-')[0] !== language.split('-')[0]) continue
        const terms = entryTermsIn(glossary, entry, column)
        if (terms === undefined) continue
        for (const t of [terms.preferred, ...terms.variants, ...terms.forms, ...terms.forbidden])
          known.add(matchKey(t, true))
      }
      // a dnt concept keeps its source term in every language
      const source = entryTermsIn(glossary, entry, language)
      if (source !== undefined && entry.flags.includes('dnt'))
        known.add(matchKey(source.preferred, true))
    }
  }

  type Acc = {
    spellings: Map<string, number>
    kinds: Map<CandidateKind, number>
    count: number
    texts: Set<number>
    example: { text: number; offset: number }
    order: number
    initialOnly: boolean
  }
  const byKey = new Map<string, Acc>()
  texts.forEach((text, index) => {
    for (const o of occurrencesIn(text, index, language)) {
      const key = matchKey(o.term, true)
      if (key === '' || known.has(key)) continue
      let acc = byKey.get(key)
      if (acc === undefined) {
        acc = {
          spellings: new Map(),
          kinds: new Map(),
          count: 0,
          texts: new Set(),
          example: { text: o.text, offset: o.offset },
          order: byKey.size,
          initialOnly: true,
        }
        byKey.set(key, acc)
      }
      acc.count++
      acc.texts.add(o.text)
      acc.spellings.set(o.term, (acc.spellings.get(o.term) ?? 0) + 1)
      acc.kinds.set(o.kind, (acc.kinds.get(o.kind) ?? 0) + 1)
      if (!o.initialOnly) acc.initialOnly = false
    }
  })
  const most = <T>(counts: Map<T, number>): T =>
    [...counts.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0]
  // A word seen only at sentence starts is as likely an ordinary word as a name, unless it is a
  // spelling of a name seen elsewhere ("Tokaev met…" next to "President Tokayev").
  const named = new Set<string>()
  for (const a of byKey.values())
    if (!a.initialOnly) for (const t of a.spellings.keys()) named.add(spellingSkeleton(t))
  const kept = [...byKey.values()].filter(
    (a) =>
      !a.initialOnly ||
      [...a.spellings.keys()].some((t) => {
        const skeleton = spellingSkeleton(t)
        return named.has(skeleton)
      })
  )
  kept.sort((a, b) => b.count - a.count || a.order - b.order)
  const chosen = kept.slice(0, limit)
  const base = chosen.map((a) => ({
    term: most(a.spellings),
    kind: most(a.kinds),
    count: a.count,
    texts: [...a.texts].sort((x, y) => x - y),
    example: a.example,
  }))

  // Group by skeleton; then join skeletons one edit apart within buckets.
  const parent = base.map((_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number
      i = parent[i] as number
    }
    return i
  }
  const union = (a: number, b: number): void => {
    const ra = find(a)
    const rb = find(b)
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb)
  }
  const skeletons = base.map((c) => spellingSkeleton(c.term))
  const buckets = new Map<string, number[]>()
  skeletons.forEach((s, i) => {
    if ((base[i] as { kind: CandidateKind }).kind === 'acronym') return
    const words = s.split(' ').length
    const bucketKey = `${words}|${s.slice(0, 2)}`
    const bucket = buckets.get(bucketKey) ?? []
    for (const j of bucket) {
      const other = skeletons[j] as string
      if (other === s || (s.length >= 6 && other.length >= 6 && editDistanceAtMostOne(s, other)))
        union(i, j)
    }
    bucket.push(i)
    buckets.set(bucketKey, bucket)
  })
  const members = new Map<number, number[]>()
  base.forEach((_, i) => {
    const root = find(i)
    members.set(root, [...(members.get(root) ?? []), i])
  })
  const groups: VariantGroup[] = []
  const groupOf = new Map<number, number>()
  for (const [, indexes] of members) {
    if (indexes.length < 2) continue
    const sorted = [...indexes].sort((a, b) => a - b)
    const textSet = new Set<number>()
    let count = 0
    for (const i of sorted) {
      const c = base[i] as (typeof base)[number]
      count += c.count
      for (const t of c.texts) textSet.add(t)
      groupOf.set(i, groups.length)
    }
    groups.push({
      terms: sorted.map((i) => (base[i] as (typeof base)[number]).term),
      kind: (base[sorted[0] as number] as (typeof base)[number]).kind,
      count,
      texts: [...textSet].sort((a, b) => a - b),
    })
  }
  const candidates: Candidate[] = base.map((c, i) => {
    const group = groupOf.get(i)
    return group !== undefined ? { ...c, group } : c
  })
  return { language, candidates, groups }
}

/**
 * Candidates as TSV in the syntax of `glossaries/*.tsv` (a language column and a note), one row
 * per name: a variant group's spellings share one cell (`Tokayev|Tokaev`), most frequent first.
 * A localization team pastes the rows into a glossary file and fills in the other languages.
 */
export function formatCandidatesTsv(result: CandidateResult): string {
  const rows = [`${result.language}\tnote`]
  const written = new Set<number>()
  for (const c of result.candidates) {
    if (c.group !== undefined) {
      if (written.has(c.group)) continue
      written.add(c.group)
      const g = result.groups[c.group] as VariantGroup
      rows.push(
        `${g.terms.map(escapeCell).join('|')}\tcandidate ${g.kind}: ${g.count}× in ${g.texts.length} text${g.texts.length === 1 ? '' : 's'}, ${g.terms.length} spellings`
      )
      continue
    }
    rows.push(
      `${escapeCell(c.term)}\tcandidate ${c.kind}: ${c.count}× in ${c.texts.length} text${c.texts.length === 1 ? '' : 's'}`
    )
  }
  return `${rows.join('\n')}\n`
}

function escapeCell(term: string): string {
  const escaped = term.replace(/[\\|]/g, (c) => `\\${c}`)
  return escaped.startsWith('!') || escaped.startsWith('~') ? `\\${escaped}` : escaped
}
