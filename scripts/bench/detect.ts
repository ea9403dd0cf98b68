import { detectLanguage } from '../../src/langid/detect'
import {
  type Article,
  articleNear,
  type BenchContext,
  fmt,
  readArticles,
  throughput,
} from './context'

/** One news-style sentence per script family; detection cost depends on the script's model. */
const SENTENCES = [
  'The central bank raised its key interest rate by a quarter point on Wednesday, citing inflation.',
  'Центральный банк в среду повысил ключевую ставку на четверть пункта, сославшись на инфляцию.',
  'El banco central subió el miércoles su tipo de interés de referencia un cuarto de punto.',
  'Nationalbanken hævede onsdag sin styringsrente med et kvart procentpoint med henvisning til inflationen.',
  'رفع البنك المركزي سعر الفائدة الرئيسي ربع نقطة يوم الأربعاء مشيرا إلى التضخم.',
  '中央银行周三将基准利率上调四分之一个百分点，理由是通货膨胀。',
]

/** Latin-script filler for a 4,000-character article when no article data is available. */
const FALLBACK_ARTICLE =
  `${SENTENCES[0]} Officials said the decision followed months of debate. `.repeat(40)

export async function run(context: BenchContext): Promise<void> {
  const sentence = throughput(() => {
    for (const s of SENTENCES) detectLanguage(s)
  })
  console.log(
    `detect sentence (~${Math.round(SENTENCES.reduce((n, s) => n + s.length, 0) / SENTENCES.length)} chars, 6 languages): ${fmt(sentence.cpu * SENTENCES.length)} detections/s (cpu), ${fmt(sentence.wall * SENTENCES.length)}/s (wall)`
  )
  const articles = context.data ? readArticles(context.data) : []
  const source = articleNear(articles, 700)?.text ?? FALLBACK_ARTICLE
  const article = source.length >= 4000 ? source.slice(0, 4000) : source.padEnd(4000, ` ${source}`)
  const t4k = throughput(() => detectLanguage(article))
  console.log(
    `detect 4,000-char article: ${fmt(t4k.cpu)} detections/s (cpu), ${fmt(t4k.wall)}/s (wall)`
  )
  for (const target of [700, 3000]) {
    const a = articleNear(articles, target) as Article | undefined
    if (!a) continue
    const t = throughput(() => detectLanguage(a.text))
    console.log(
      `detect ~${target}-word article (${a.id}, ${a.text.length} chars): ${fmt(t.cpu)} detections/s (cpu), ${fmt(t.wall)}/s (wall)`
    )
  }
}
