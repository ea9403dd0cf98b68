/**
 * Apertium through its APy HTTP server (`apertium-apy`), the engine for local development, CI and
 * self-hosting.
 *
 * Facts this relies on (translation-notes §A3, checked against apertium-apy 0.11.7):
 * - `POST /translate` with `langpair=eng|spa`, `q`, `markUnknown=no` (no `*` before unknown
 *   words) and `format=txt` (plain text; the default, html, would parse markup) answers
 *   `{"responseData":{"translatedText":…},"responseStatus":200}`.
 * - An uninstalled pair is a 400 whose `explanation` says "That pair is not installed"; an
 *   internal timeout or crashed pipeline is a 503.
 * - `GET /listPairs` answers `{"responseData":[{"sourceLanguage":"eng","targetLanguage":"spa"},…]}`
 *   with ISO 639-3 codes and `_` variants.
 * - Blank lines pass through `format=txt` unchanged, so several segments can share one request —
 *   a single request is several times faster than one per paragraph on a warm pipeline.
 *
 * @module
 */
import { ProviderError } from '../../translate/errors'
import {
  apertiumToBcp47,
  bcp47ToApertium,
  supportFromPairs,
  targetsFor,
} from '../../translate/languages'
import type { LanguagePair, LanguageSupport, TranslationProvider } from '../../translate/types'

/** Default APy address (`npm run mt` starts it there). */
export const DEFAULT_APERTIUM_URL = 'http://127.0.0.1:2737'

/** Options for {@link createApertiumProvider}. */
export type ApertiumOptions = {
  /** Base URL of APy (`APERTIUM_URL`); default http://127.0.0.1:2737. */
  readonly url?: string
  /** The fetch to use (tests pass a fake). */
  readonly fetch?: typeof fetch
  /** Upper bound for one request's text, in UTF-16 units (default 20 000). */
  readonly maxRequestChars?: number
}

const NAME = 'apertium'
/** Separator between segments that share a request; segments never contain a blank line. */
const JOIN = '\n\n'
const SPLIT = /\n[ \t]*\n/

/** Creates the Apertium provider. */
export function createApertiumProvider(options: ApertiumOptions = {}): TranslationProvider {
  const base = (options.url ?? DEFAULT_APERTIUM_URL).replace(/\/+$/, '')
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init))
  const maxRequestChars = options.maxRequestChars ?? 20_000

  async function request(path: string, init: RequestInit, signal: AbortSignal): Promise<Response> {
    try {
      return await doFetch(`${base}${path}`, { ...init, signal })
    } catch (error) {
      if (signal.aborted) throw error
      // fetch rejects with a TypeError for refused connections, DNS failures and resets.
      throw new ProviderError('unavailable', NAME, 'Could not connect to APy (APERTIUM_URL).', {
        cause: error,
      })
    }
  }

  async function languages(signal: AbortSignal): Promise<LanguageSupport> {
    const response = await request('/listPairs', { method: 'GET' }, signal)
    if (!response.ok) throw statusError(response.status, await safeText(response))
    const body = await readJson(response)
    const data = (body as { responseData?: unknown }).responseData
    if (!Array.isArray(data))
      throw new ProviderError('bad_response', NAME, 'listPairs had no list.')
    const pairs: LanguagePair[] = []
    for (const item of data) {
      const { sourceLanguage, targetLanguage } = item as Record<string, unknown>
      if (typeof sourceLanguage === 'string' && typeof targetLanguage === 'string') {
        pairs.push({
          source: apertiumToBcp47(sourceLanguage),
          target: apertiumToBcp47(targetLanguage),
        })
      }
    }
    return supportFromPairs(pairs)
  }

  async function translateOne(q: string, langpair: string, signal: AbortSignal): Promise<string> {
    const body = new URLSearchParams({ langpair, q, markUnknown: 'no', format: 'txt' })
    const response = await request('/translate', { method: 'POST', body }, signal)
    if (!response.ok) throw statusError(response.status, await safeText(response))
    const json = await readJson(response)
    const text = (json as { responseData?: { translatedText?: unknown } }).responseData
      ?.translatedText
    if (typeof text !== 'string') {
      throw new ProviderError('bad_response', NAME, 'APy answered without translatedText.')
    }
    return text
  }

  async function translate(
    segments: readonly string[],
    pair: LanguagePair,
    signal: AbortSignal
  ): Promise<string[]> {
    const langpair = `${bcp47ToApertium(pair.source)}|${bcp47ToApertium(pair.target)}`
    try {
      const outputs: string[] = []
      for (const batch of batches(segments, maxRequestChars)) {
        if (batch.length === 1) {
          outputs.push(await translateOne(batch[0] as string, langpair, signal))
          continue
        }
        const joined = await translateOne(batch.join(JOIN), langpair, signal)
        const parts = joined.split(SPLIT)
        if (parts.length === batch.length) {
          outputs.push(...parts)
        } else {
          // The engine merged or split a paragraph: fall back to one request per segment.
          for (const segment of batch) outputs.push(await translateOne(segment, langpair, signal))
        }
      }
      return outputs.map((output, i) => stripMarks(output, segments[i] ?? ''))
    } catch (error) {
      if (error instanceof ProviderError && error.kind === 'unsupported_pair') {
        throw await withTargets(error, pair.source, signal)
      }
      throw error
    }
  }

  /** Adds the supported targets to an unsupported-pair error (best effort). */
  async function withTargets(
    error: ProviderError,
    source: string,
    signal: AbortSignal
  ): Promise<ProviderError> {
    let supportedTargets: string[] = []
    try {
      supportedTargets = targetsFor(await languages(signal), source)
    } catch {
      // The list is a courtesy; the pair is unsupported either way.
    }
    return new ProviderError('unsupported_pair', NAME, error.message, {
      supportedTargets,
      status: error.status,
    })
  }

  return { name: NAME, maxSegmentChars: 4000, translate, languages }
}

/** Groups segments into requests of at most `limit` characters (a segment alone may exceed it). */
function batches(segments: readonly string[], limit: number): string[][] {
  const out: string[][] = []
  let current: string[] = []
  let size = 0
  for (const segment of segments) {
    const alone = SPLIT.test(segment)
    if (current.length > 0 && (alone || size + JOIN.length + segment.length > limit)) {
      out.push(current)
      current = []
      size = 0
    }
    current.push(segment)
    size += segment.length + JOIN.length
    if (alone) {
      out.push(current)
      current = []
      size = 0
    }
  }
  if (current.length > 0) out.push(current)
  return out
}

/**
 * Removes Apertium's diagnostic marks glued to the start of a word — `@` (generation failure) and
 * `#` (bad inflection) — unless the source itself used that character (an e-mail, a hashtag).
 */
function stripMarks(output: string, source: string): string {
  let text = output
  if (!source.includes('#')) text = text.replace(/#(?=[\p{L}\p{N}])/gu, '')
  if (!source.includes('@')) text = text.replace(/@(?=[\p{L}\p{N}])/gu, '')
  return text
}

function statusError(status: number, body: string): ProviderError {
  if (status === 400 && /not installed|pair/i.test(body)) {
    return new ProviderError('unsupported_pair', NAME, 'APy does not have this language pair.', {
      status,
    })
  }
  if (status === 429) {
    return new ProviderError('rate_limited', NAME, 'APy is rate limiting.', { status })
  }
  if (status >= 500) {
    return new ProviderError('unavailable', NAME, `APy answered ${status}.`, { status })
  }
  return new ProviderError('bad_response', NAME, `APy answered ${status}.`, { status })
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown
  } catch (error) {
    throw new ProviderError('bad_response', NAME, 'APy answered with invalid JSON.', {
      cause: error,
    })
  }
}

async function safeText(response: Response): Promise<string> {
  try {
    return (await response.text()).slice(0, 500)
  } catch {
    return ''
  }
}
