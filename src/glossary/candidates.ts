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
  /** Lowercase words allowed inside a name between capitalised words ("Bank *of* Astana"). */
  readonly connectors: ReadonlySet<string>
  /**
   * Words allowed only inside an organisation's name that goes on in lowercase after its keyword
   * (French, Spanish, Russian: "Banque européenne *pour* la reconstruction *et* le
   * développement"). Between two capitalised names they are a list ("Abu Dhabi *and* Riyadh").
   */
  readonly conjunctions: ReadonlySet<string>
  /** Lowercase adjectives inside such a name ("Banque *asiatique*", "Национальный банк"). */
  readonly adjective?: RegExp
  /** Inflection endings a currency word may take ("dollar" → "dollars", "доллар" → "долларов"). */
  readonly currencyEndings: ReadonlySet<string>
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
    connectors: set('of for the de'),
    conjunctions: set('and'),
    currencyEndings: set(' s'),
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
    connectors: set("de du des la le les l' d'"),
    conjunctions: set('et pour sur à en'),
    adjective:
      /(ique|iques|ale|al|aux|ales|éenne|éen|ienne|ien|aise|ais|aine|ain|ionale|ional|ière|ier|elle|el|centrale|nationale|internationale)$/,
    currencyEndings: set(' s'),
    titles: set('président présidente ministre premier m. mme porte-parole directeur directrice'),
    organizations: list(
      'banque centre fonds ministère conseil comité organisation union agence société bourse université institut parti association commission groupe autorité office cour parlement assemblée forum programme service'
    ),
    placePrepositions: set('à au aux en depuis vers'),
    currencies: list(
      'dollar euro yuan renminbi tenge rouble som soum sum manat somoni livre yen franc'
    ),
    never: set(''),
  },
  es: {
    connectors: set('de del la las los el'),
    conjunctions: set('y e para sobre'),
    adjective:
      /(ano|ana|anos|anas|ico|ica|icos|icas|al|ales|ense|és|esa|ino|ina|ario|aria|ivo|iva)$/,
    currencyEndings: set(' s es'),
    titles: set(
      'presidente presidenta ministro ministra primer primera señor señora don doña portavoz director directora'
    ),
    organizations: list(
      'banco centro fondo ministerio consejo comité organización unión agencia compañía empresa bolsa universidad instituto partido asociación comisión grupo autoridad oficina tribunal parlamento asamblea foro programa servicio'
    ),
    placePrepositions: set('en a desde hacia'),
    currencies: list(
      'dólar dolar euro yuan renminbi tenge rublo som sum manat somoni libra yen franco'
    ),
    never: set(''),
  },
  de: {
    connectors: set('für von zu zur zum'),
    conjunctions: set('und'),
    currencyEndings: set(' s n'),
    titles: set(
      'präsident präsidentin minister ministerin premierminister außenminister herr frau kanzler kanzlerin sprecher sprecherin chef chefin gouverneur botschafter'
    ),
    organizations: list(
      'bank zentrum fonds ministerium rat komitee organisation union agentur gesellschaft börse universität institut partei verband kommission gruppe behörde amt gericht parlament versammlung forum programm dienst'
    ),
    placePrepositions: set('in nach aus bei'),
    currencies: list(
      'dollar euro yuan renminbi tenge rubel som sum manat somoni pfund yen franken'
    ),
    never: set(
      'montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april mai juni juli august september oktober november dezember'
    ),
  },
  ru: {
    connectors: set(''),
    conjunctions: set('и по при для'),
    adjective: /(ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|ую|юю)$/,
    currencyEndings: set(' а у ом е ы ов ам ами ах и ей ю я ем'),
    titles: set('президент премьер-министр министр глава председатель господин госпожа посол'),
    organizations: list(
      'банк центр фонд министерств совет комитет организаци союз агентств компани бирж университет институт парти ассоциаци комисси групп ведомств суд парламент собрани форум программ служб'
    ),
    placePrepositions: set('в во из на'),
    currencies: list('доллар евро юан тенге рубл сом сум манат сомони фунт иен франк'),
    never: set(''),
  },
}

/** Articles and determiners after which a capitalised German word is a common noun. */
const GERMAN_DETERMINERS = set(
  'der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner dieser diese dieses diesem diesen jeder jede jedes jedem jeden sein seine ihr ihre unser unsere im am zum zur vom beim ins'
)
/** Capitalised German adjectives that open a name ("Europäische Union", "Internationale …"). */
const GERMAN_NAME_ADJECTIVE =
  /(isch|ische|ischen|ischer|isches|ale|alen|aler|ales|ige|igen|iger|liche|lichen|licher|liches|ene|enen|ere|eren)$/

/** German words ending like an inflected adjective that are not adjectives. */
const GERMAN_NOT_ADJECTIVE = set('über unter hinter gegen oder aber wieder immer sehr nur wie')
/** Suffixes of German common nouns (Regierung, Freiheit, Gesellschaft, Nation, Qualität…). */
const GERMAN_NOUN_SUFFIX =
  /(ung|heit|keit|schaft|tion|tät|ismus|nis|ment|chen|lein|ität|ungen|heiten|keiten|ionen)$/

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
  /** An elided article split off the next word (`l'`, `d'`). */
  readonly elided: boolean
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
      out.push(makeWord(text, start, start + elided[0].length, sentenceStart, true))
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

function makeWord(
  text: string,
  start: number,
  end: number,
  initial: boolean,
  elided = false
): Word {
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
    capitalized: !elided && UPPER.test(value),
    acronym: ACRONYM.test(value),
    initial,
    joined,
    elided,
  }
}

type Span = { start: number; end: number; words: Word[]; before: Word | undefined }

const isStem = (word: string, stems: readonly string[]): boolean =>
  stems.some((s) => word.startsWith(s))

const CYRILLIC = /\p{Script=Cyrillic}/u
const LATIN = /\p{Script=Latin}/u
const scriptOf = (w: Word): string =>
  CYRILLIC.test(w.text) ? 'cyrl' : LATIN.test(w.text) ? 'latn' : 'other'

/** German: a capitalised word after an article, a number or a lowercase adjective is a noun. */
function germanCommonNounContext(previous: Word | undefined, head?: Word): boolean {
  // the context does not reach across a sentence break
  if (previous === undefined || head?.initial === true) return false
  if (GERMAN_DETERMINERS.has(previous.lower)) return true
  if (/^\d/.test(previous.text)) return true
  return (
    !previous.capitalized &&
    /(e|en|er|es|em)$/.test(previous.lower) &&
    !GERMAN_NOT_ADJECTIVE.has(previous.lower)
  )
}

/** What the spans of one text need to know. */
type SpanContext = {
  readonly lexicon: Lexicon
  readonly language: string
  /** Match keys of glossary terms (a known word at the head of a run is cut off). */
  readonly known: ReadonlySet<string>
}

/**
 * Capitalised runs joined by connectors (and, in organisation names that go on in lowercase,
 * by conjunctions, adjectives and their complements), with titles, function words, known
 * glossary terms and German common nouns cut from the head.
 */
function nameSpans(words: readonly Word[], context: SpanContext): Span[] {
  const { lexicon, language, known } = context
  const lowercaseNames =
    language.startsWith('fr') || language.startsWith('es') || language.startsWith('ru')
  const german = language.startsWith('de')
  const stop = stopwordsFor(language)
  const spans: Span[] = []
  let i = 0
  while (i < words.length) {
    const first = words[i] as Word
    if (!first.capitalized || lexicon.never.has(first.lower)) {
      i++
      continue
    }
    let j = i
    let last = i
    let organization = isStem(first.lower, lexicon.organizations)
    while (j < words.length - 1 && (words[j] as Word).joined) {
      const current = words[j] as Word
      const next = words[j + 1] as Word
      if (next.initial || lexicon.never.has(next.lower) || scriptOf(next) !== scriptOf(current))
        break
      if (next.capitalized) {
        // a capitalised word after a conjunction starts a new name ("Abu Dhabi and Riyadh")
        if (lexicon.conjunctions.has(current.lower) && !organization) break
        j++
        last = j
        if (isStem(next.lower, lexicon.organizations)) organization = true
        continue
      }
      const connector = lexicon.connectors.has(next.lower) || next.elided
      // a conjunction followed (past connectors) by a capitalised word joins two names, it is
      // not inside one ("Organización … del Mar Caspio y de la Unión …")
      if (lexicon.conjunctions.has(next.lower)) {
        let k = j + 2
        while (
          k < words.length &&
          (lexicon.connectors.has((words[k] as Word).lower) || (words[k] as Word).elided)
        )
          k++
        if ((words[k] as Word | undefined)?.capitalized === true) break
      }
      // "Всемирный банк": a lowercase keyword after a capitalised adjective names an organisation
      if (
        lowercaseNames &&
        !next.capitalized &&
        isStem(next.lower, lexicon.organizations) &&
        current.capitalized &&
        (lexicon.adjective?.test(current.lower) ?? false)
      )
        organization = true
      // In French, Spanish and Russian an organisation's name goes on in lowercase after its
      // keyword: adjectives, conjunctions, and a noun after the keyword or a connector.
      const lowercaseInside =
        lowercaseNames &&
        organization &&
        (lexicon.conjunctions.has(next.lower) ||
          (lexicon.adjective?.test(next.lower) ?? false) ||
          isStem(next.lower, lexicon.organizations) ||
          ((isStem(current.lower, lexicon.organizations) ||
            lexicon.connectors.has(current.lower) ||
            current.elided ||
            lexicon.conjunctions.has(current.lower) ||
            (lexicon.adjective?.test(current.lower) ?? false)) &&
            !/^\d/.test(next.text)))
      if (!connector && !lowercaseInside) break
      j++
      if (lowercaseInside && !lexicon.conjunctions.has(next.lower) && !connector) last = j
    }
    let run = words.slice(i, last + 1)
    const index = (w: Word): number => words.indexOf(w)
    // cut the head: titles, function words, lowercase words, a known term before another name,
    // German common nouns (in a noun's context, and not a capitalised adjective that starts a
    // name such as "Europäische Union")
    let germanCuts = 0
    let quantity = false
    let afterTitle = false
    for (;;) {
      const head = run[0]
      if (head === undefined) break
      const previous = words[index(head) - 1]
      if (lexicon.titles.has(head.lower)) {
        run = run.slice(1)
        afterTitle = true
        continue
      }
      // "30 Milliarden Kubikmeter Gas": after a number, nouns follow nouns
      const germanNoun =
        german &&
        !afterTitle &&
        run.length > 1 &&
        !head.acronym &&
        !GERMAN_NAME_ADJECTIVE.test(head.lower) &&
        ((quantity && germanCuts > 0) ||
          (germanCuts === 0 && germanCommonNounContext(previous, head)))
      const cut =
        (stop.has(head.lower) && !head.acronym) ||
        !head.capitalized ||
        (run.length > 1 && (run[1] as Word).capitalized && known.has(matchKey(head.text, true))) ||
        germanNoun
      if (!cut) break
      if (germanNoun) {
        if (germanCuts === 0 && previous !== undefined && /^\d/.test(previous.text)) quantity = true
        germanCuts++
      }
      run = run.slice(1)
    }
    // what is left of a German quantity is a noun, unless it is a currency ("500 Millionen Euro")
    if (quantity && run.length === 1 && currencyStem((run[0] as Word).lower, lexicon) === undefined)
      run = []
    // cut the tail: connectors and conjunctions, and lowercase words outside organisation names
    while (run.length > 0) {
      const tail = run[run.length - 1] as Word
      const keep =
        tail.capitalized ||
        (lowercaseNames &&
          !lexicon.connectors.has(tail.lower) &&
          !lexicon.conjunctions.has(tail.lower) &&
          !tail.elided &&
          run.some((w) => isStem(w.lower, lexicon.organizations)))
      if (keep) break
      run = run.slice(0, -1)
    }
    if (run.length > 0) {
      const head = run[0] as Word
      spans.push({
        start: head.start,
        end: (run[run.length - 1] as Word).end,
        words: run,
        before: words[index(head) - 1],
      })
    }
    i = last + 1
  }
  return spans
}

function classify(span: Span, lexicon: Lexicon, titled: boolean): CandidateKind {
  const words = span.words
  if (words.length === 1 && (words[0] as Word).acronym) return 'acronym'
  // German (and Russian) compounds end on their keyword: "Investitionsbank", "Energieagentur"
  if (
    words.some(
      (w) =>
        isStem(w.lower, lexicon.organizations) ||
        lexicon.organizations.some((o) => o.length >= 4 && w.lower.endsWith(o))
    )
  )
    return 'organization'
  if (titled) return 'person'
  const before = span.before?.lower
  if (before !== undefined && lexicon.placePrepositions.has(before)) return 'place'
  // two or three plain capitalised words, none an adjective of a name ("Europäische Union",
  // "Asian …"): most often a person in news text
  if (
    words.length >= 2 &&
    words.length <= 3 &&
    words.every(
      (w) =>
        w.capitalized &&
        !w.acronym &&
        !GERMAN_NAME_ADJECTIVE.test(w.lower) &&
        !ENGLISH_ADJECTIVE.test(w.lower) &&
        !(lexicon.adjective?.test(w.lower) ?? false)
    )
  )
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

/** The currency stem `word` is a form of, if any ("dollars" → "dollar", not "some" → "som"). */
function currencyStem(word: string, lexicon: Lexicon): string | undefined {
  for (const stem of lexicon.currencies) {
    if (!word.startsWith(stem)) continue
    const ending = word.slice(stem.length)
    if (ending === '' || lexicon.currencyEndings.has(ending)) return stem
  }
  return undefined
}

/** English demonyms and language adjectives ("American", "Russian-language") are not names. */
const ENGLISH_ADJECTIVE = /(?:ian|ish|ese|ean|ican)$/

/** Every candidate occurrence in one text. */
function occurrencesIn(
  text: string,
  index: number,
  language: string,
  known: ReadonlySet<string>
): Occurrence[] {
  const lexicon = lexiconFor(language)
  const german = language.startsWith('de')
  const english = language.startsWith('en')
  const words = wordsOf(text, language)
  const out: Occurrence[] = []
  const covered = new Set<number>()
  for (const span of nameSpans(words, { lexicon, language, known })) {
    const single = span.words.length === 1
    const head = span.words[0] as Word
    for (const w of span.words) covered.add(w.start)
    if (single && currencyStem(head.lower, lexicon) !== undefined) {
      out.push({
        term: head.text,
        kind: 'currency',
        text: index,
        offset: head.start,
        initialOnly: false,
      })
      continue
    }
    if (single && head.text.length < 2) continue
    if (english && single && (ENGLISH_ADJECTIVE.test(head.lower) || /-\p{Ll}/u.test(head.text))) {
      continue
    }
    if (
      german &&
      single &&
      !head.acronym &&
      (germanCommonNounContext(span.before, head) ||
        GERMAN_NOUN_SUFFIX.test(head.lower) ||
        isStem(head.lower, lexicon.organizations))
    ) {
      continue
    }
    // a single organisation word ("Bank", "Centre") is not a name by itself
    if (single && !head.acronym && isStem(head.lower, lexicon.organizations)) continue
    const beforeIndex = words.indexOf(head) - 1
    const titled = beforeIndex >= 0 && lexicon.titles.has((words[beforeIndex] as Word).lower)
    out.push({
      term: text.slice(span.start, span.end),
      kind: classify(span, lexicon, titled),
      text: index,
      offset: span.start,
      initialOnly: single && head.initial,
    })
  }
  for (const w of words) {
    if (covered.has(w.start)) continue
    if (CURRENCY_CODES.has(w.lower) && w.acronym) {
      out.push({ term: w.text, kind: 'currency', text: index, offset: w.start, initialOnly: false })
    } else if (!w.capitalized && currencyStem(w.lower, lexicon) !== undefined) {
      out.push({ term: w.text, kind: 'currency', text: index, offset: w.start, initialOnly: false })
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
    // c before a back vowel or a consonant sounds k (Samarcande/Samarkand)
    .replace(/c(?![eiy])/g, 'k')
    // a final mute e (French spellings of eastern names: Samarcande)
    .replace(/(\p{L}{4,})e\b/gu, '$1')
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

/**
 * Whether two skeletons likely spell one name: equal, one edit apart (for names of six letters
 * or more, where one letter is a spelling, not another word), or one with the Russian surname
 * suffix the other lacks ("Rahmon"/"Rahmonov", "Рахмон"/"Рахмонов").
 */
export function similarSkeletons(a: string, b: string): boolean {
  if (a === b) return true
  if (a.length >= 6 && b.length >= 6 && editDistanceAtMostOne(a, b)) return true
  const [short, long] = a.length < b.length ? [a, b] : [b, a]
  return (
    short.length >= 4 &&
    /^(?:ov|ev|ов|ев)$/.test(long.slice(short.length)) &&
    long.startsWith(short)
  )
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
    for (const o of occurrencesIn(text, index, language, known)) {
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
  // People are often named in full once and by surname after ("Kassym-Jomart Tokayev" …
  // "Tokaev said"): when a lone word is a spelling of a full name's surname, the surname as
  // written in the full name becomes a candidate too, so that the spellings can be grouped.
  const surnames: { skeleton: string; surname: string; from: Acc; offset: number }[] = []
  for (const a of byKey.values()) {
    const term = most(a.spellings)
    const parts = term.split(/\s+/)
    const surname = parts[parts.length - 1]
    if (a.initialOnly || most(a.kinds) !== 'person' || parts.length < 2 || surname === undefined)
      continue
    surnames.push({
      skeleton: spellingSkeleton(surname),
      surname,
      from: a,
      offset: a.example.offset + term.lastIndexOf(surname),
    })
  }
  const linked = new Set<Acc>()
  for (const a of [...byKey.values()]) {
    const term = most(a.spellings)
    if (/\s/.test(term)) continue
    const skeleton = spellingSkeleton(term)
    for (const s of surnames) {
      if (!similarSkeletons(skeleton, s.skeleton)) continue
      linked.add(a)
      const key = matchKey(s.surname, true)
      if (!byKey.has(key) && !known.has(key)) {
        byKey.set(key, {
          spellings: new Map([[s.surname, s.from.count]]),
          kinds: new Map([['person', s.from.count]]),
          count: s.from.count,
          texts: new Set(s.from.texts),
          example: { text: s.from.example.text, offset: s.offset },
          order: s.from.order,
          initialOnly: false,
        })
      }
    }
  }
  // A word seen only at sentence starts is as likely an ordinary word as a name, unless it is a
  // spelling of a name seen elsewhere, a surname of one, or a word of a longer name ("ASTANA —"
  // next to "Air Astana").
  const named = new Set<string>()
  const inside = new Set<string>()
  for (const a of byKey.values()) {
    if (a.initialOnly) continue
    for (const t of a.spellings.keys()) {
      named.add(spellingSkeleton(t))
      const parts = t.split(/\s+/)
      if (parts.length > 1) for (const p of parts) inside.add(matchKey(p, true))
    }
  }
  const kept = [...byKey.entries()]
    .filter(
      ([key, a]) =>
        !a.initialOnly ||
        linked.has(a) ||
        inside.has(key) ||
        [...a.spellings.keys()].some((t) => named.has(spellingSkeleton(t)))
    )
    .map(([, a]) => a)
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
      if (similarSkeletons(s, skeletons[j] as string)) union(i, j)
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
