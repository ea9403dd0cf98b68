import { describe, expect, it } from 'vitest'
import { inTypography, typographyOf } from './typography'

describe('typography', () => {
  it('Should give a straight-apostrophe term the text’s typographic apostrophe', () => {
    const style = typographyOf('Xian’s mayor said the city’s new line opened. It’s fast.')
    expect(style.apostrophe).toBe('’')
    expect(inTypography("Xi'an", style)).toBe('Xi’an')
  })

  it('Should leave terms alone in a text with straight apostrophes or none', () => {
    expect(inTypography("Xi'an", typographyOf("The city's new line opened."))).toBe("Xi'an")
    expect(inTypography("Xi'an", typographyOf('No apostrophes here.'))).toBe("Xi'an")
  })

  it('Should write straight double quotes in the text’s quotation marks', () => {
    expect(
      inTypography('"Belt and Road"', typographyOf('He called it “historic” and “fast”.'))
    ).toBe('“Belt and Road”')
    expect(inTypography('"Belt and Road"', typographyOf('Il a dit « oui » et « non ».'))).toBe(
      '«Belt and Road»'
    )
    expect(inTypography('"Belt and Road"', typographyOf('He said "yes".'))).toBe('"Belt and Road"')
  })
})
