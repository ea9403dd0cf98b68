/**
 * Key points of two articles in one call, with `@precis/client` (which uses Node's `fetch`).
 *
 *   cd examples/typescript && npm install && npx tsx summarize.ts [ARTICLE…]
 *
 * (`npm install` links the client from ../../packages/client; build it first with
 * `npm run client:build` at the repository root, or install the packed tarball instead.)
 * PRECIS_URL (default http://127.0.0.1:8787) and PRECIS_API_KEY (optional) come from the
 * environment.
 */
import { readFileSync } from 'node:fs'
import { createPrecisClient, PrecisError } from '@precis/client'

const articles =
  process.argv.length > 2
    ? process.argv.slice(2)
    : ['../articles/de-bischkek-gold.txt', '../articles/es-tashkent-algodon.txt'].map(
        (file) => new URL(file, import.meta.url).pathname
      )

const precis = createPrecisClient({
  baseUrl: process.env.PRECIS_URL ?? 'http://127.0.0.1:8787',
  ...(process.env.PRECIS_API_KEY ? { apiKey: process.env.PRECIS_API_KEY } : {}),
})

try {
  const texts = articles.map((file) => readFileSync(file, 'utf8'))
  const { results } = await precis.summarizeBatch({
    lengths: ['keyPoints', 'meta'],
    items: texts.map((text, i) => ({ id: articles[i], text })),
  })
  for (const [i, result] of results.entries()) {
    // Each item succeeds or fails on its own: a body or its problem.
    if (result.body === undefined) {
      console.error(`${result.id}: ${result.problem?.code} ${result.problem?.detail}`)
      process.exitCode = 1
      continue
    }
    const { language, summaries } = result.body
    const text = texts[i] ?? ''
    console.log(`${result.id} (${language.language})`)
    for (const summary of summaries) {
      console.log(`  ${summary.name}:`)
      for (const sentence of summary.sentences) {
        // UTF-16 offsets (the default) index a JavaScript string directly.
        const slice = text.slice(sentence.offset, sentence.offset + sentence.length)
        if (slice !== sentence.text) throw new Error(`offset mismatch at ${sentence.offset}`)
        console.log(`    - ${sentence.text}`)
      }
    }
  }
} catch (error) {
  if (!(error instanceof PrecisError)) throw error
  console.error(`${error.status} ${error.problem.code}: ${error.problem.detail}`)
  process.exitCode = 1
}
