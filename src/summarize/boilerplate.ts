/**
 * Sentences a summary must never contain: page furniture that scrapers and CMS exports leave in
 * article bodies ("Add a Comment", "Share this article", "Read more", photo credits…).
 *
 * @module
 */

/**
 * Whole-sentence patterns, matched against the lowercased sentence with trailing punctuation
 * removed. Kept to phrases that are never article prose.
 */
const WHOLE = [
  /^(add|post|leave|write|view|show|hide|load) (a |your |all |more )?comments?$/,
  /^\d+ comments?$/,
  /^comments? \(\d+\)$/,
  /^(share|email|print|tweet|save) (this|the)( article| story| page| post)?( on .{1,30})?$/,
  /^share( on| via)? (facebook|twitter|x|whatsapp|linkedin|email)$/,
  /^(read|see|learn|find out|watch) more( here| below| about this)?$/,
  /^(click|tap) here.*$/,
  /^(advertisement|advertising|sponsored( content)?|ad)$/,
  /^(related|related (articles|stories|content|topics)|more on this story|top stories|most read|trending)$/,
  /^(sign up|subscribe)( to| for)? (our |the )?(newsletter|daily briefing|updates).*$/,
  /^follow us( on .{1,40})?$/,
  /^all rights reserved.*$/,
  /^(©|copyright|\(c\)) .{0,80}$/,
  /^(image|photo|picture|video)( caption| copyright| credit)?:? .{0,80}$/,
  /^(getty images|afp|reuters|ap photo|pa media|epa)( via getty images)?$/,
  /^(published|updated|last updated|posted)( on| at)?:? .{0,60}$/,
  /^(by|from) [\p{Lu}][\p{L}.' -]{1,60}$/u,
  /^(lire aussi|à lire aussi|voir aussi|partager|ajouter un commentaire|publicité|abonnez-vous.*)$/,
  /^(leer más|lea también|compartir|publicidad|añadir un comentario|suscríbete.*)$/,
  /^(mehr zum thema|lesen sie auch|teilen|anzeige|kommentar schreiben|kommentare)$/,
  /^(leggi anche|condividi|pubblicità|aggiungi un commento)$/,
  /^(leia também|compartilhar|publicidade|adicionar comentário)$/,
  /^(читайте также|поделиться|реклама|добавить комментарий|комментарии)$/,
]

/** A caption or a credit line inside a longer sentence start ("Photo: …", "Image copyright …"). */
const PREFIX =
  /^(image copyright|image caption|photo credit|picture:|photograph:|pictured:|media caption)/

/**
 * `true` when the sentence is page furniture rather than article prose.
 *
 * @example
 * isBoilerplate('Add a Comment') // true
 * isBoilerplate('He added a comment to the bill.') // false
 */
export function isBoilerplate(sentence: string): boolean {
  const key = sentence
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+$/u, '')
    .replace(/^[\s\p{P}\p{S}]+/u, '')
    .replace(/\s+/g, ' ')
  if (key.length === 0) return true
  if (PREFIX.test(key)) return true
  return WHOLE.some((pattern) => pattern.test(key))
}
