import { describe, expect, it } from 'vitest'
import { splitSentences } from '../text/sentences'
import { countWords } from '../text/words'
import { NAMED_LENGTHS } from './lengths'
import { ELLIPSIS, renderSummary, type SummarySelection, summarize } from './summarize'

// Articles written for these tests (not taken from any dataset).
const FRENCH_TITLE = 'Lyon inaugure un tramway sans conducteur'
const FRENCH = [
  'LYON — La métropole de Lyon a inauguré lundi la première ligne de tramway sans conducteur de France, après quatre ans de travaux.',
  'La ligne relie la gare de la Part-Dieu au quartier de Gerland en dix-huit minutes.',
  'M. Bernard, président de la métropole, a salué « une étape historique pour les transports publics ».',
  'Selon la régie des transports, le tramway transportera 40 000 voyageurs par jour dès la rentrée.',
  'Le projet a coûté 320 millions d’euros, financés par la métropole, la région et l’État.',
  '« Nous voulons prouver qu’un tramway automatique est sûr. Les essais ont duré dix mois », a expliqué la directrice du projet.',
  'Des syndicats de conducteurs s’inquiètent toutefois de l’avenir de leurs emplois.',
  'La régie assure qu’aucun poste ne sera supprimé et que les agents seront formés à la supervision.',
  'D’autres villes, comme Bordeaux et Lille, étudient déjà un tramway sans conducteur.',
  'Lire aussi',
].join(' ')

const CHINESE_TITLE = '杭州开通首条无人驾驶地铁线路'
const CHINESE = [
  '杭州市今天开通了首条无人驾驶地铁线路，全长二十八公里，共设十八座车站。',
  '这条线路连接火车东站和城西科技园，全程约需四十分钟。',
  '市交通局表示，新线路预计每天运送乘客十五万人次。',
  '项目总投资约一百六十亿元，由市政府和社会资本共同出资。',
  '“无人驾驶列车经过了一年的测试，安全性已经得到充分验证。”项目负责人说。',
  '部分市民对无人驾驶的安全性仍有疑虑。',
  '交通局回应称，每列车上都配有安全员，可以随时接管列车。',
  '据悉，杭州计划在二〇三〇年前再开通三条无人驾驶线路。',
].join('')

const indices = (s: SummarySelection | undefined): number[] =>
  (s?.sentences ?? []).map((x) => x.index)

describe('summarize', () => {
  it('summarizes a French article with whole, correctly segmented sentences', () => {
    const result = summarize(FRENCH, {
      language: 'fr',
      title: FRENCH_TITLE,
      lengths: ['short', 'medium', 'long'],
    })
    const spans = splitSentences(FRENCH, 'fr')
    // "M. Bernard" and the two-sentence quotation stay whole; "Lire aussi" is its own line.
    expect(result.sentenceCount).toBe(10)
    expect(spans.map((s) => FRENCH.slice(s.start, s.end))).toContain(
      '« Nous voulons prouver qu’un tramway automatique est sûr. Les essais ont duré dix mois », a expliqué la directrice du projet.'
    )
    const [short, medium, long] = result.summaries
    expect(renderSummary(FRENCH, short as SummarySelection)).toMatch(
      /^LYON — La métropole de Lyon a inauguré lundi la première ligne de tramway sans conducteur/
    )
    expect(indices(short).every((i) => indices(medium).includes(i))).toBe(true)
    expect(indices(medium).every((i) => indices(long).includes(i))).toBe(true)
    for (const summary of result.summaries) {
      expect(renderSummary(FRENCH, summary)).not.toContain('Lire aussi')
      for (const s of summary.sentences)
        expect(FRENCH.slice(s.offset, s.offset + s.length)).toMatch(/[.!?]$/)
    }
  })

  it('summarizes a Chinese article at 。 boundaries and joins sentences without spaces', () => {
    const result = summarize(CHINESE, {
      language: 'zh',
      title: CHINESE_TITLE,
      lengths: ['short', { sentences: 3 }],
    })
    expect(result.sentenceCount).toBe(8)
    const [short, three] = result.summaries
    expect(renderSummary(CHINESE, short as SummarySelection)).toBe(
      '杭州市今天开通了首条无人驾驶地铁线路，全长二十八公里，共设十八座车站。'
    )
    const text = renderSummary(CHINESE, three as SummarySelection)
    expect(three?.sentences).toHaveLength(3)
    const parts = (three?.sentences ?? []).map((s) => CHINESE.slice(s.offset, s.offset + s.length))
    for (const part of parts) expect(part).toMatch(/。$/)
    expect(text).toBe(parts.join(''))
  })

  it('joins Chinese sentences that end in a closing quote without a space', () => {
    const text = '他说：“我们很满意。”经济增长了百分之三。'
    const result = summarize(text, { language: 'zh', lengths: [{ sentences: 2 }] })
    expect(renderSummary(text, result.summaries[0] as SummarySelection)).toBe(text)
  })

  it('never picks boilerplate, even when it is the only short line', () => {
    const text =
      'Share this article\n\nThe council approved the budget on Tuesday. It takes effect in May.'
    const result = summarize(text, { language: 'en', lengths: [{ sentences: 3 }] })
    expect(renderSummary(text, result.summaries[0] as SummarySelection)).toBe(
      'The council approved the budget on Tuesday. It takes effect in May.'
    )
  })

  it('prefers one whole sentence to a cut one when the budget allows it', () => {
    const text =
      'Rain closed the bridge on Monday. Engineers from three counties inspected the cracked pillars for hours before deciding to keep it shut.'
    const result = summarize(text, { language: 'en', lengths: [{ characters: 40 }] })
    const summary = result.summaries[0] as SummarySelection
    expect(summary.truncated).toBe(false)
    expect(renderSummary(text, summary)).toBe('Rain closed the bridge on Monday.')
  })

  it('cuts the best sentence at a word boundary, with an ellipsis, when no sentence fits', () => {
    const text =
      'The regional parliament voted late on Thursday to approve a sweeping reform of the pension system.'
    const result = summarize(text, { language: 'en', lengths: [{ characters: 40 }, { words: 3 }] })
    const [byChars, byWords] = result.summaries as SummarySelection[]
    expect(byChars?.truncated).toBe(true)
    expect(renderSummary(text, byChars as SummarySelection)).toBe(
      'The regional parliament voted late on…'
    )
    expect(renderSummary(text, byWords as SummarySelection)).toBe(
      `The regional parliament${ELLIPSIS}`
    )
  })

  it('returns an empty summary for a budget of zero', () => {
    const result = summarize('One sentence here. Another one.', {
      language: 'en',
      lengths: [{ sentences: 0 }, { words: 0 }, { characters: 0 }],
    })
    for (const summary of result.summaries) expect(summary.sentences).toEqual([])
  })

  it('returns empty summaries for text without words', () => {
    const result = summarize(' … ¿? ', { language: 'en', lengths: ['short'] })
    expect(result.summaries[0]?.sentences).toEqual([])
  })

  it('keeps named lengths within their documented budgets', () => {
    const text = Array.from(
      { length: 30 },
      (_, i) =>
        `Sentence number ${i + 1} reports that the committee discussed item ${i + 1} at length.`
    ).join(' ')
    const result = summarize(text, { language: 'en', lengths: ['short', 'medium', 'long'] })
    result.summaries.forEach((summary, k) => {
      const budget = Object.values(NAMED_LENGTHS)[k] as { sentences: number; words: number }
      expect(summary.sentences.length).toBeLessThanOrEqual(budget.sentences)
      expect(countWords(renderSummary(text, summary), 'en')).toBeLessThanOrEqual(budget.words)
    })
  })

  describe('with a display function (glossary preferred terms)', () => {
    const first = 'Xian opened its sixth metro line on Monday.'
    const text = `${first} The UK firm that built it hired 400 people.`
    // What a glossary would show: "Xian" as "Xi'an", "UK" as "United Kingdom". `first` starts
    // `text`, so the same display serves both.
    const display = (offset: number, length: number): string =>
      text
        .slice(offset, offset + length)
        .replace(/\bXian\b/g, "Xi'an")
        .replace(/\bUK\b/g, 'United Kingdom')

    it('counts characters on the displayed sentence, and cuts on it', () => {
      const lengths = [{ characters: first.length }]
      const plain = summarize(first, { language: 'en', lengths }).summaries[0]
      expect(renderSummary(first, plain as SummarySelection)).toBe(first)
      // Displayed, the sentence is one character longer: it no longer fits whole.
      const shown = summarize(first, { language: 'en', lengths, display }).summaries[0]
      expect(shown?.truncated).toBe(true)
      expect(renderSummary(first, shown as SummarySelection, display)).toBe(
        `Xi'an opened its sixth metro line on${ELLIPSIS}`
      )
    })

    it('counts words on the displayed sentences', () => {
      // 17 words as written, 18 as displayed ("United Kingdom").
      const lengths = [{ words: 17 }]
      const plain = summarize(text, { language: 'en', lengths }).summaries[0]
      expect(plain?.sentences).toHaveLength(2)
      const shown = summarize(text, { language: 'en', lengths, display }).summaries[0]
      expect(shown?.sentences).toHaveLength(1)
      const rendered = renderSummary(text, shown as SummarySelection, display)
      expect(countWords(rendered, 'en')).toBeLessThanOrEqual(17)
    })

    it('renders a cut sentence as the display of its kept part', () => {
      const shown = summarize(first, { language: 'en', lengths: [{ words: 3 }], display })
        .summaries[0] as SummarySelection
      expect(shown.truncated).toBe(true)
      expect(renderSummary(first, shown, display)).toBe(`Xi'an opened its${ELLIPSIS}`)
    })
  })
})
