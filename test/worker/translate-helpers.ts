import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import worker from '../../src/index'

export type Terminology = {
  expected: number
  applied: number
  missed: Array<{ source: string; target: string }>
}
export type TranslationBody = {
  text: string
  detectedSource: string
  terminology: Terminology
  debug?: {
    cached: boolean
    segments: number
    segmentsRetried: number
    placeholders: number
    placeholdersLost: number
    terms: Array<{ concept: string; source: string; target: string; method: string }>
  }
}
export type TranslateBody = {
  provider: string
  target: string
  glossary: { id: string; version: string } | null
  translations: TranslationBody[]
}
export type ProblemBody = {
  code: string
  status: number
  detail: string
  errors?: Array<{ pointer: string; message: string }>
  supportedTargets?: string[]
  availableProviders?: string[]
  provider?: string
  providers?: unknown[]
}

/** Env overrides: the fake APy by default, so these tests never depend on a real engine. */
export type Overrides = Record<string, unknown>

/** Calls the Worker with the test env plus `overrides`, waiting for its background work. */
export async function callWorker(request: Request, overrides: Overrides = {}): Promise<Response> {
  const ctx = createExecutionContext()
  const res = await worker.fetch(request, { ...env, ...overrides } as Env, ctx)
  await waitOnExecutionContext(ctx)
  return res
}

/** `POST /v1/translate` against the fake APy (`http://apy.fake`) unless overridden. */
export function translate(
  body: unknown,
  overrides: Overrides = {},
  headers: Record<string, string> = {}
): Promise<Response> {
  return callWorker(
    new Request('https://api.test/v1/translate', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }),
    { APERTIUM_URL: 'http://apy.fake', ...overrides }
  )
}

/** How many requests a fake host of `test/worker/fakes/net.mjs` has received. */
export async function fakeRequests(host: string): Promise<number> {
  const res = await fetch(`http://${host}/__requests`)
  return ((await res.json()) as { count: number }).count
}

let counter = 0
/** A suffix that makes a text unique, so KV entries of other tests cannot answer for it. */
export function unique(): string {
  counter++
  return `${Date.now().toString(36)}${counter}`
}

/** Occurrences of `term` in `text`, apostrophes folded (the test's own oracle). */
export function occurrences(text: string, term: string): number {
  const folded = text.replaceAll('’', "'")
  const needle = term.replaceAll('’', "'")
  let n = 0
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length))
    n++
  return n
}

/**
 * Checks a terminology report against the text it describes: the counts add up, every applied
 * occurrence's target term is in the text, and every missed target is absent when nothing of
 * that concept was applied.
 */
export function checkReport(t: TranslationBody): string[] {
  const problems: string[] = []
  const { expected, applied, missed } = t.terminology
  if (expected !== applied + missed.length) problems.push('expected ≠ applied + missed')
  for (const term of t.debug?.terms ?? []) {
    if (term.method !== 'missed' && occurrences(t.text, term.target) === 0) {
      problems.push(`'${term.target}' reported applied but absent from "${t.text}"`)
    }
  }
  for (const m of missed) {
    const appliedSame = (t.debug?.terms ?? []).some(
      (term) => term.target === m.target && term.method !== 'missed'
    )
    if (!appliedSame && occurrences(t.text, m.target) > 0) {
      problems.push(`'${m.target}' reported missed but present in "${t.text}"`)
    }
  }
  return problems
}
