/**
 * Abbreviations that end in a dot without ending the sentence, per language (primary subtag),
 * kept as data: lowercase, without the dot, separated by whitespace. The English lists apply to
 * every language (datelines, "Dr.", "St." turn up in all news).
 *
 * @module
 */

/**
 * Abbreviations that stand before a name ("Dr. Smith", "Gen. Lee", "M. Macron"): a break after
 * them is never right when a capitalised word or a number follows.
 */
export const NAME_TITLES: Readonly<Record<string, string>> = {
  en: `
    mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon pres
    supt insp det maj brig messrs vs v
  `,
  fr: 'm mm mme mmes mlle mlles dr pr me mgr st ste',
  es: 'sr sra srta sres dr dra lic ing prof d dña gral av avda',
  de: 'dr prof hr fr hrn st',
  it: 'sig sigg dott dr prof avv ing on sen gen',
  pt: 'sr sra srta dr dra prof profa eng av',
  nl: 'dhr mevr mr dr drs ir ing prof',
  ru: 'им ул пр проф акад г',
  uk: 'ім вул проф акад',
  pl: 'dr prof mgr inż hab ks płk gen ul al',
}

/** Abbreviations that stand before a number ("Jan. 5", "No. 10", "p. 4", "Nr. 3", "г. 2023"). */
export const NUMBER_TITLES: Readonly<Record<string, string>> = {
  en: `
    no nos vol fig ch art p pp approx ca c jan feb mar apr jun jul aug sep sept oct nov dec
    rt rte hwy
  `,
  fr: 'n no p env vol art janv févr fév avr juil sept oct nov déc',
  es: 'no núm pág art c ene feb abr jun jul ago sept oct nov dic aprox',
  de: 'nr ca abs art bd jan feb mär apr jun jul aug sep sept okt nov dez',
  it: 'p pag n art ca gen feb mar apr mag giu lug ago set ott nov dic',
  pt: 'n pág art jan fev mar abr mai jun jul ago set out nov dez',
  nl: 'nr blz jan feb mrt apr jun jul aug sep okt nov dec',
  ru: 'г гг д с стр т рис в вв янв февр авг сент окт нояб дек',
  uk: 'р рр д с ст т див',
  pl: 'nr r w godz np ok sty lut kwi cze lip sie wrz paź lis gru',
}

/** The words of one list (`''` for a language without one). */
export function abbreviations(list: string | undefined): string[] {
  return list === undefined ? [] : list.split(/\s+/).filter((w) => w !== '')
}
