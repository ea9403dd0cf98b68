/**
 * A tiny English → Spanish vocabulary shared by the fake engines of the worker tests. Unknown
 * words (names, placeholders such as `Zqab`) pass through, as Apertium does with unknown words.
 */
export const EN_ES = {
  the: 'el',
  a: 'un',
  of: 'de',
  in: 'en',
  at: 'en',
  and: 'y',
  was: 'fue',
  held: 'celebrada',
  first: 'primera',
  summit: 'cumbre',
  ancient: 'antigua',
  capital: 'capital',
  researcher: 'investigador',
  told: 'dijo a',
  said: 'dijo',
  financial: 'financiero',
  times: 'tiempos',
  center: 'centro',
  russia: 'Rusia',
  billion: 'mil millones',
  for: 'para',
  hosted: 'acogió',
  leaders: 'líderes',
  met: 'se reunieron',
  today: 'hoy',
}

/** Word-by-word rendering with the vocabulary; capitalisation of the first letter is kept. */
export function renderWords(text, dictionary = EN_ES) {
  return text.replace(/[\p{L}\p{M}\p{N}]+/gu, (word) => {
    const known = dictionary[word.toLowerCase()]
    if (known === undefined) return word
    return word[0] !== word[0].toLowerCase() ? known[0].toUpperCase() + known.slice(1) : known
  })
}
