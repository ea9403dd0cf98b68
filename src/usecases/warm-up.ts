/**
 * Isolate warm-up: runs the calls of a first detect and summarize request once, at module load.
 *
 * Why: V8 compiles each function and regular expression on its first use, and the first request
 * of a new isolate paid for all of them (the sentence splitter's Unicode expressions, the n-gram
 * scorer, the default glossary's matcher): ≈ 40 ms of CPU against the free plan's 10 ms a
 * request. Workers give startup its own budget (1 s), so the cost moves there. Nothing a request
 * can observe changes: the caches filled here (compiled matchers, the summarizer's vocabulary)
 * are the ones any first request fills, and outputs never depend on them (property-tested in
 * src/summarize/document.test.ts).
 *
 * The texts are written for this purpose and short, so startup grows by a few milliseconds.
 *
 * @module
 */
import { BUNDLED_GLOSSARIES } from '../glossary/bundled.generated'
import { findTermSpans } from '../glossary/match'
import { preferredDisplay } from '../glossary/terms'
import { detectLanguage } from '../langid/detect'
import { renderSummary, summarize } from '../summarize/summarize'

const ENGLISH =
  'The city council approved a new tram line on Monday after two years of debate. ' +
  'Work starts in May and the first trams should run by 2028, the mayor’s office said. ' +
  '"This is the biggest transport project in a generation," said Dr. Ana Ruiz, who chairs ' +
  'the committee. Critics say the 1.2 billion euro budget is too optimistic. ' +
  'The line will link the Silk Road museum with the airport.\n' +
  // Page furniture and a short sentence that starts like it: the boilerplate filter's patterns.
  'More trams will run at night.\nShare this article\n© City Press 2026'
const OTHERS = [
  'Городской совет в понедельник утвердил новую линию трамвая.',
  '市议会周一批准了一条新的有轨电车线路。',
  'Le conseil municipal a approuvé lundi une nouvelle ligne de tramway.',
]

/**
 * Detects and summarizes the warm-up texts with every bundled glossary.
 *
 * @returns what the calls produced (languages detected, characters rendered), for the tests.
 */
export function runWarmUpCalls(): { languages: string[]; rendered: number } {
  const languages = OTHERS.map((text) => detectLanguage(text).language)
  const language = detectLanguage(ENGLISH).language
  languages.push(language)
  let rendered = 0
  for (const glossary of BUNDLED_GLOSSARIES) {
    // The calls a summary request makes (usecases/summarize.ts), so the same code is warm.
    const display = preferredDisplay(ENGLISH, findTermSpans(glossary, ENGLISH, language))
    const result = summarize(ENGLISH, {
      language,
      lengths: ['short', 'medium', 'long'],
      ...(display ? { display } : {}),
    })
    for (const s of result.summaries) rendered += renderSummary(ENGLISH, s, display).length
  }
  return { languages, rendered }
}

/**
 * `runWarmUpCalls` three times (V8 tiers a function up after a few runs; see `WARM_UP_PASSES` in
 * http/warm-up.ts), never throwing: a warm-up failure must never keep the Worker from starting.
 */
export function warmUp(): void {
  try {
    for (let pass = 0; pass < 3; pass++) runWarmUpCalls()
  } catch {
    // the request path reports its own errors
  }
}
