import { describe, expect, it } from 'vitest'
import { isBoilerplate, matchesFurniture } from './boilerplate'

describe('isBoilerplate', () => {
  // One example per pattern: a pattern whose first word is missing from the gate fails here.
  it.each([
    'Add a Comment',
    'View all comments',
    '12 comments',
    'Comments (3)',
    'Share this article on Facebook',
    'Share on WhatsApp',
    'Read more',
    'Find out more here',
    'Advertisement',
    'Related articles',
    'More on this story',
    'Follow us on Twitter',
    'Copyright 2024 Example News Ltd.',
    '© 2024 BBC',
    '(c) 2024 BBC',
    'Image caption: The minister arrives in Brussels',
    'Photo: Reuters',
    'Getty Images',
    'Published on 3 March 2024',
    'By Jane Smith',
    'Lire aussi',
    'Leer más',
    'Lesen Sie auch',
    'Leggi anche',
    'Leia também',
    'Читайте также',
    'Scroll down for video Strictly business: the actress covers the magazine supplement, which is featured in the May issue of the magazine and on sale now',
    'Click here to read the full report on the results of the survey published today by the ministry of health and the statistics office',
    'Sign up for our newsletter and get the best stories every morning',
    '—',
  ])('flags %j', (sentence) => {
    expect(isBoilerplate(sentence)).toBe(true)
  })

  it.each([
    'He added a comment to the bill.',
    'Video shows the moment the car crashed into the shop.',
    'Shares rose 4% on Monday.',
    'By the end of the year, prices had doubled.',
    'Read the full statement, the minister told reporters, and judge for yourselves.',
    'Le président a été élu.',
    '北京时间今天上午，国家统计局发布了最新数据。',
  ])('keeps prose %j', (sentence) => {
    expect(isBoilerplate(sentence)).toBe(false)
  })
})

describe('the shortcut for sentences opening with Han, kana or Hangul', () => {
  it('answers as the rules do for every code unit, short and long sentences alike', () => {
    const tails = [
      '',
      ' add a comment',
      ' Image copyright AFP',
      '。',
      ` ${'photo credit '.repeat(12)}`,
    ]
    for (let unit = 0x3000; unit <= 0xd7ff; unit++) {
      const first = String.fromCharCode(unit)
      for (const tail of tails) {
        const sentence = first + tail
        expect(isBoilerplate(sentence), `U+${unit.toString(16)}${tail}`).toBe(
          matchesFurniture(sentence)
        )
      }
    }
  })
})
