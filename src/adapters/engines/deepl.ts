/**
 * DeepL through its HTTP API v2 (`POST /v2/translate`).
 *
 * Facts this relies on (DeepL's API reference): authentication is the header
 * `Authorization: DeepL-Auth-Key <key>`; keys of the free plan end in `:fx` and must use
 * `api-free.deepl.com`, others `api.deepl.com`; a request carries up to 50 texts; the answer is
 * `{ translations: [{ detected_source_language, text }] }` in input order; 429 means too many
 * requests and 456 an exhausted quota; target English and Portuguese need a variant
 * (`EN-US`/`EN-GB`, `PT-PT`/`PT-BR`). `GET /v2/languages?type=source|target` lists languages.
 * The key never appears in errors.
 *
 * @module
 */

import { primarySubtag } from '../../text/language'
import { ProviderError } from '../../translate/errors'
import type { LanguagePair, LanguageSupport, TranslationProvider } from '../../translate/types'

/** Options for {@link createDeepLProvider}. */
export type DeepLOptions = {
  /** `DEEPL_API_KEY` (a Worker secret). */
  readonly apiKey: string
  /** Overrides the host chosen from the key (tests, proxies). */
  readonly baseUrl?: string
  readonly fetch?: typeof fetch
}

const NAME = 'deepl'
const MAX_TEXTS = 50
/** DeepL limits a request body to 128 KiB; stay well below. */
const MAX_REQUEST_CHARS = 60_000

/** The API host for a key: free-plan keys end in `:fx`. */
export function deeplBaseUrl(apiKey: string): string {
  return apiKey.trim().endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com'
}

/** DeepL's source code for a BCP 47 tag (`en-GB` → `EN`). */
export function deeplSource(tag: string): string {
  return primarySubtag(tag).toUpperCase()
}

/** DeepL's target code for a BCP 47 tag: `en` → `EN-US`, `pt-BR` → `PT-BR`, `zh` → `ZH`. */
export function deeplTarget(tag: string): string {
  const [base = tag, region] = tag.split('-')
  const language = base.toLowerCase()
  if (language === 'en') return region?.toUpperCase() === 'GB' ? 'EN-GB' : 'EN-US'
  if (language === 'pt') return region?.toUpperCase() === 'BR' ? 'PT-BR' : 'PT-PT'
  if (language === 'zh' && region && /^hant$/i.test(region)) return 'ZH-HANT'
  return language.toUpperCase()
}

/** Creates the DeepL provider. */
export function createDeepLProvider(options: DeepLOptions): TranslationProvider {
  const base = (options.baseUrl ?? deeplBaseUrl(options.apiKey)).replace(/\/+$/, '')
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init))
  const authorization = `DeepL-Auth-Key ${options.apiKey.trim()}`

  async function call(path: string, init: RequestInit, signal: AbortSignal): Promise<unknown> {
    let response: Response
    try {
      response = await doFetch(`${base}${path}`, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), authorization },
        signal,
      })
    } catch (error) {
      if (signal.aborted) throw error
      throw new ProviderError('unavailable', NAME, 'Could not connect to DeepL.', { cause: error })
    }
    if (!response.ok) throw await statusError(response)
    try {
      return (await response.json()) as unknown
    } catch (error) {
      throw new ProviderError('bad_response', NAME, 'DeepL answered with invalid JSON.', {
        cause: error,
      })
    }
  }

  async function languageList(type: 'source' | 'target', signal: AbortSignal): Promise<string[]> {
    const body = await call(`/v2/languages?type=${type}`, { method: 'GET' }, signal)
    if (!Array.isArray(body)) throw new ProviderError('bad_response', NAME, 'No language list.')
    return body
      .map((item) => (item as { language?: unknown }).language)
      .filter((code): code is string => typeof code === 'string')
      .map((code) => {
        const [language = code, region] = code.split('-')
        return region ? `${language.toLowerCase()}-${region}` : language.toLowerCase()
      })
      .sort()
  }

  async function languages(signal: AbortSignal): Promise<LanguageSupport> {
    const [sources, targets] = await Promise.all([
      languageList('source', signal),
      languageList('target', signal),
    ])
    // DeepL lists `en-US`/`en-GB`; Précis also accepts plain `en` (sent as EN-US).
    const withBases = [...new Set([...targets, ...targets.map((t) => primarySubtag(t))])].sort()
    return { sources, targets: withBases }
  }

  async function translateChunk(
    texts: readonly string[],
    pair: LanguagePair,
    signal: AbortSignal,
    html: boolean
  ): Promise<string[]> {
    const body = await call(
      '/v2/translate',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          text: texts,
          source_lang: deeplSource(pair.source),
          target_lang: deeplTarget(pair.target),
          // keep the segment's own capitalisation and punctuation (placeholders are words)
          preserve_formatting: true,
          // HTML segments (inline-tag placeholders as empty elements): DeepL translates the text
          // between tags and keeps the tags beside the words they belonged to.
          ...(html ? { tag_handling: 'html' } : {}),
        }),
      },
      signal
    )
    const translations = (body as { translations?: unknown }).translations
    if (!Array.isArray(translations) || translations.length !== texts.length) {
      throw new ProviderError('bad_response', NAME, 'DeepL returned the wrong number of texts.')
    }
    return translations.map((t) => {
      const text = (t as { text?: unknown }).text
      if (typeof text !== 'string') throw new ProviderError('bad_response', NAME, 'No text.')
      return text
    })
  }

  return {
    name: NAME,
    maxSegmentChars: 5000,
    html: true,
    async translate(segments, pair, signal, options) {
      const outputs: string[] = []
      try {
        for (const chunk of chunks(segments)) {
          outputs.push(...(await translateChunk(chunk, pair, signal, options?.html === true)))
        }
      } catch (error) {
        if (error instanceof ProviderError && error.kind === 'unsupported_pair') {
          let supportedTargets: string[] = []
          try {
            supportedTargets = (await languages(signal)).targets.filter(
              (t) => primarySubtag(t) !== primarySubtag(pair.source)
            )
          } catch {
            // best effort
          }
          throw new ProviderError('unsupported_pair', NAME, error.message, {
            supportedTargets,
            status: error.status,
          })
        }
        throw error
      }
      return outputs
    },
    languages,
  }
}

function chunks(segments: readonly string[]): string[][] {
  const out: string[][] = []
  let current: string[] = []
  let size = 0
  for (const segment of segments) {
    if (
      current.length >= MAX_TEXTS ||
      (current.length > 0 && size + segment.length > MAX_REQUEST_CHARS)
    ) {
      out.push(current)
      current = []
      size = 0
    }
    current.push(segment)
    size += segment.length
  }
  if (current.length > 0) out.push(current)
  return out
}

async function statusError(response: Response): Promise<ProviderError> {
  const status = response.status
  let message = ''
  try {
    message = String(((await response.json()) as { message?: unknown }).message ?? '')
  } catch {
    // no JSON body
  }
  const retryAfter = Number(response.headers.get('retry-after'))
  const retryAfterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined
  if (status === 400 && /lang/i.test(message)) {
    return new ProviderError('unsupported_pair', NAME, 'DeepL does not translate this pair.', {
      status,
    })
  }
  if (status === 429) {
    return new ProviderError('rate_limited', NAME, 'DeepL: too many requests.', {
      status,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    })
  }
  if (status === 456) {
    return new ProviderError('rate_limited', NAME, 'DeepL: the character quota is used up.', {
      status,
      retryable: false,
    })
  }
  if (status === 401 || status === 403) {
    return new ProviderError('unavailable', NAME, 'DeepL rejected the API key (DEEPL_API_KEY).', {
      status,
      retryable: false,
    })
  }
  if (status >= 500) {
    return new ProviderError('unavailable', NAME, `DeepL answered ${status}.`, { status })
  }
  return new ProviderError('bad_response', NAME, `DeepL answered ${status}.`, { status })
}
