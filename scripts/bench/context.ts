import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

/** What every bench section receives. */
export type BenchContext = {
  /** A JSONL file of articles (`{ text, title?, lang, source }`), when one is available. */
  readonly data: string | undefined
}

export type Article = { id: string; text: string; title?: string; lang: string; source: string }

/** Reads a JSONL file of articles. */
export function readArticles(file: string): Article[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Article)
}

/** The English article whose word count is closest to `words`. */
export function articleNear(articles: readonly Article[], words: number): Article | undefined {
  let best: Article | undefined
  let bestGap = Number.POSITIVE_INFINITY
  for (const a of articles) {
    if (a.lang !== 'en') continue
    const gap = Math.abs(wordCount(a.text) - words)
    if (gap < bestGap) {
      best = a
      bestGap = gap
    }
  }
  return best
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length
}

/**
 * Runs `fn` repeatedly for about `seconds` after a warm-up, and returns calls per second of
 * process CPU time (robust on a shared machine) and of wall time.
 */
export function throughput(
  fn: () => unknown,
  seconds = 2
): { cpu: number; wall: number; runs: number } {
  const warm = performance.now()
  while (performance.now() - warm < 300) fn()
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  let runs = 0
  while (performance.now() - t0 < seconds * 1000) {
    fn()
    runs++
  }
  const wall = (performance.now() - t0) / 1000
  const cpuUsed = process.cpuUsage(cpu0)
  const cpu = (cpuUsed.user + cpuUsed.system) / 1e6
  return { cpu: runs / cpu, wall: runs / wall, runs }
}

export function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1)
}
