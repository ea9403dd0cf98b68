import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { joinDecision, sentenceBreaks, splitSentences } from './sentences'

const split = (text: string, language = 'en'): string[] =>
  splitSentences(text, language).map((s) => text.slice(s.start, s.end))

describe('splitSentences', () => {
  it.each([
    [
      'titles and times',
      'Dr. Smith arrived at 5 p.m. on Jan. 5. He left.',
      ['Dr. Smith arrived at 5 p.m. on Jan. 5.', 'He left.'],
    ],
    [
      'Mr., Mrs. and U.S. before a name',
      'Mr. and Mrs. Jones met U.S. officials on Monday. Talks went well.',
      ['Mr. and Mrs. Jones met U.S. officials on Monday.', 'Talks went well.'],
    ],
    [
      'U.S. inside a name',
      'The U.S. Senate voted. The House did not.',
      ['The U.S. Senate voted.', 'The House did not.'],
    ],
    [
      'U.S. at a sentence end',
      'Troops stayed in the U.S. The talks ended.',
      ['Troops stayed in the U.S.', 'The talks ended.'],
    ],
    [
      'initials',
      'J. K. Rowling wrote it. She is rich.',
      ['J. K. Rowling wrote it.', 'She is rich.'],
    ],
    [
      'decimals',
      'Growth was 3.6% in the quarter. It was 2.1 before.',
      ['Growth was 3.6% in the quarter.', 'It was 2.1 before.'],
    ],
    [
      'No. before a number',
      'He lives at No. 10 Downing Street. It is old.',
      ['He lives at No. 10 Downing Street.', 'It is old.'],
    ],
    [
      '"Yahoo!" inside a sentence',
      'Shares of Yahoo! rose. Google fell.',
      ['Shares of Yahoo! rose.', 'Google fell.'],
    ],
  ])('keeps English abbreviations inside sentences: %s', (_, text, expected) => {
    expect(split(text)).toEqual(expected)
  })

  it('keeps an attribution after a quoted exclamation or question', () => {
    expect(split(`"Go!" he said. "Why?" she asked. Nobody answered.`)).toEqual([
      `"Go!" he said.`,
      `"Why?" she asked.`,
      'Nobody answered.',
    ])
  })

  it('keeps a quotation that spans sentences in one piece', () => {
    expect(
      split(`"I felt that we had chances. I didn't take them," he said. Then he left.`)
    ).toEqual([`"I felt that we had chances. I didn't take them," he said.`, 'Then he left.'])
  })

  it('keeps a quotation in straight single quotes (Daily Mail style) in one piece', () => {
    expect(
      split(
        "'We came here for vacation. We’ve been here one day. We’re no heroes, just tourists,' Makrus Åsberg told the New York Post. The suspect was arrested."
      )
    ).toEqual([
      "'We came here for vacation. We’ve been here one day. We’re no heroes, just tourists,' Makrus Åsberg told the New York Post.",
      'The suspect was arrested.',
    ])
    // A double quotation inside a single one, and a quotation opened with "'.
    expect(
      split(`'She told me, "See you soon. Bye."' He left. "'Run' is the word. Go!" he said.`)
    ).toEqual([
      `'She told me, "See you soon. Bye."'`,
      'He left.',
      `"'Run' is the word. Go!" he said.`,
    ])
    // Apostrophes and elisions are not quotation marks.
    expect(
      split("The Smiths' dog barked. It's the '90s again. Rock 'n' roll is back. Nobody minds.")
    ).toEqual([
      "The Smiths' dog barked.",
      "It's the '90s again.",
      "Rock 'n' roll is back.",
      'Nobody minds.',
    ])
  })

  it('lets a quote left open at a paragraph end stand alone when the next paragraph reopens it', () => {
    expect(split('He said: "The injunction is ludicrous.\n\n"I signed a new deal."')).toEqual([
      'He said: "The injunction is ludicrous.',
      '"I signed a new deal."',
    ])
  })

  it('keeps typographic quotes that span sentences together (French, German)', () => {
    expect(
      split(
        '« C’est une victoire. Nous allons continuer », a déclaré le maire. La séance est levée.',
        'fr'
      )
    ).toEqual([
      '« C’est une victoire. Nous allons continuer », a déclaré le maire.',
      'La séance est levée.',
    ])
    expect(split('„Das ist gut. Wir machen weiter“, sagte er. Dann ging er.', 'de')).toEqual([
      '„Das ist gut. Wir machen weiter“, sagte er.',
      'Dann ging er.',
    ])
  })

  it('splits Chinese and Japanese at 。！？ and keeps closing quotes with their sentence', () => {
    expect(
      split(
        '北京时间今天上午，国家统计局发布了最新数据。经济增长了3.5%！他说：“我们很满意。”',
        'zh'
      )
    ).toEqual([
      '北京时间今天上午，国家统计局发布了最新数据。',
      '经济增长了3.5%！',
      '他说：“我们很满意。”',
    ])
    expect(
      split('東京都は今日、新しい計画を発表しました。「とても良い」と知事は述べた。', 'ja')
    ).toEqual(['東京都は今日、新しい計画を発表しました。', '「とても良い」と知事は述べた。'])
  })

  it('handles Russian abbreviations (г., проф.)', () => {
    expect(
      split('В 2023 г. рост составил 3,5%. Об этом сообщил проф. Иванов. Он доволен.', 'ru')
    ).toEqual(['В 2023 г. рост составил 3,5%.', 'Об этом сообщил проф. Иванов.', 'Он доволен.'])
  })

  it('handles French titles and month abbreviations (M., Mme, janv.)', () => {
    expect(
      split(
        'M. Macron a rencontré Mme Merkel à Paris. Les discussions ont duré 3 h. Elles reprendront le 5 janv. 2024 à Berlin.',
        'fr'
      )
    ).toEqual([
      'M. Macron a rencontré Mme Merkel à Paris.',
      'Les discussions ont duré 3 h.',
      'Elles reprendront le 5 janv. 2024 à Berlin.',
    ])
  })

  it('handles Spanish titles and inverted question and exclamation marks', () => {
    expect(split('El Sr. García llegó a las 10. ¿Vendrá mañana? ¡Claro que sí!', 'es')).toEqual([
      'El Sr. García llegó a las 10.',
      '¿Vendrá mañana?',
      '¡Claro que sí!',
    ])
  })

  it('handles German ordinal dates and "z. B."', () => {
    expect(
      split(
        'Dr. Müller kam am 3. März nach Berlin. Er blieb z. B. zwei Tage. Das war am 12. Mai.',
        'de'
      )
    ).toEqual([
      'Dr. Müller kam am 3. März nach Berlin.',
      'Er blieb z. B. zwei Tage.',
      'Das war am 12. Mai.',
    ])
  })

  it('makes every bullet its own sentence', () => {
    expect(split('Key points:\n- Prices rose.\n- Wages fell\n• Jobs grew\n1. Taxes stay')).toEqual([
      'Key points:',
      '- Prices rose.',
      '- Wages fell',
      '• Jobs grew',
      '1. Taxes stay',
    ])
  })

  it('keeps a dateline with its first sentence', () => {
    expect(
      split('LONDON (Reuters) — The Bank of England raised rates on Thursday. Markets fell.')
    ).toEqual(['LONDON (Reuters) — The Bank of England raised rates on Thursday.', 'Markets fell.'])
  })

  it('reads hard-wrapped lines as running text', () => {
    const text =
      'The government announced a new plan on\nMonday to cut taxes for most families in\nthe country. Critics said it was too late.'
    expect(split(text)).toEqual([
      'The government announced a new plan on\nMonday to cut taxes for most families in\nthe country.',
      'Critics said it was too late.',
    ])
  })

  it('keeps a headline apart from the body', () => {
    expect(split('Markets rally\n\nStocks rose on Monday. Bonds fell.')).toEqual([
      'Markets rally',
      'Stocks rose on Monday.',
      'Bonds fell.',
    ])
    expect(split('Markets rally\nStocks rose on Monday.')).toEqual([
      'Markets rally',
      'Stocks rose on Monday.',
    ])
  })

  it('returns nothing for blank text', () => {
    expect(split('')).toEqual([])
    expect(split(' \n\t\u3000 ')).toEqual([])
  })

  test.prop([
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.constantFrom('en', 'fr', 'zh', 'xx-YY', ''),
  ])('returns ordered, non-overlapping, trimmed spans on any input', (text, language) => {
    let last = 0
    for (const span of splitSentences(text, language)) {
      expect(span.start).toBeGreaterThanOrEqual(last)
      expect(span.end).toBeGreaterThan(span.start)
      expect(span.end).toBeLessThanOrEqual(text.length)
      expect(text.slice(span.start, span.end).trim()).not.toBe('')
      last = span.end
    }
  })

  const piece = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.constantFrom(
      '. ',
      '.',
      '! ',
      '?',
      '。',
      '」',
      '”',
      '"',
      ' ',
      'A',
      'a',
      '1',
      'U.S.',
      '...',
      '(',
      ')',
      '¿',
      '؟ ',
      'Dr. ',
      '\u00a0',
      '。”',
      'e.g. ',
      '«',
      '»',
      '3.5',
      'end. Next',
      'b." The',
      'c.) D',
      'y. \u00a0Z',
      '。中',
      '！」文',
      '？”日本',
      'said. "Abc',
      'x. (B',
      "z. 'Q",
      'w. «É'
    )
  )
  test.prop([
    fc.array(piece, { maxLength: 60 }).map((p) => p.join('')),
    fc.constantFrom('en', 'fr', 'de', 'ru', 'zh', 'ja'),
    fc.constantFrom(0, 10, 100),
  ])(
    'breaks pieces of text exactly where ICU breaks the whole text',
    (raw, language, chunkSize) => {
      const flat = raw.replace(/[\r\n\u2028\u2029\v\f\u0085]/g, ' ')
      const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' })
      const whole = [...segmenter.segment(flat)].map((s) => s.index).filter((i) => i > 0)
      expect(sentenceBreaks(flat, segmenter, chunkSize)).toEqual(whole)
    }
  )
})

describe('the one-character join pre-check', () => {
  /** Piece ends and starts that the join rules look at, and some they ignore. */
  const piece = fc
    .array(
      fc.constantFrom(
        'a',
        'Z',
        'z.',
        'U.S.',
        'Dr.',
        '1.',
        'b)',
        '丝路',
        '。',
        '！',
        '”',
        '」',
        '』',
        '!',
        '?',
        '"',
        "'",
        '’',
        '»',
        ')',
        ']',
        ',',
        ';',
        ':',
        '}',
        ' ',
        '…',
        '中',
        '说',
        'e.g.',
        'Jan.',
        '3.'
      ),
      { minLength: 1, maxLength: 6 }
    )
    .map((parts) => parts.join('').trim())
    .filter((text) => text.length > 0)

  test.prop([piece, piece, fc.constantFrom('en', 'de', 'zh', 'fr')], { numRuns: 2000 })(
    'never rules out a join the rules would make',
    (left, right, language) => {
      const text = `${left} ${right}`
      const current = { start: 0, end: left.length }
      const next = { start: left.length + 1, end: text.length }
      const { joins, mayJoin } = joinDecision(text, current, next, language)
      if (joins) expect(mayJoin).toBe(true)
    }
  )
})
