/**
 * Workers AI: Meta's M2M-100 (1.2B) through the `AI` binding, for translation at the edge.
 *
 * The model takes `{ text, source_lang, target_lang }` with ISO 639-1 codes and returns
 * `{ translated_text }` (Cloudflare's model page). It has no glossary feature: enforcement is
 * entirely the pipeline's. The binding is typed structurally so this module needs neither
 * `cloudflare:*` nor the Workers type package at runtime, and a fake binding can stand in.
 *
 * @module
 */

import { primarySubtag } from '../../text/language'
import { ProviderError } from '../../translate/errors'
import { M2M100_LANGUAGES, resolvePair, targetsFor } from '../../translate/languages'
import type { LanguagePair, LanguageSupport, TranslationProvider } from '../../translate/types'

/** The model Précis uses. */
export const M2M100_MODEL = '@cf/meta/m2m100-1.2b'

/** The part of the Workers AI binding this provider uses. */
export type AiBinding = {
  run(model: string, inputs: Record<string, unknown>): Promise<unknown>
}

/** Options for {@link createWorkersAiProvider}. */
export type WorkersAiOptions = {
  /** `env.AI`. */
  readonly ai: AiBinding
  readonly model?: string
  /** Segments translated at once (default 4). */
  readonly concurrency?: number
}

const NAME = 'workers-ai'

/** What m2m100 translates: any of its languages into any other. */
export const M2M100_SUPPORT: LanguageSupport = {
  sources: M2M100_LANGUAGES,
  targets: M2M100_LANGUAGES,
}

/** M2M-100 writes Norwegian as `no`; the API says `nb` (Bokmål) like the language detector. */
function toModelCode(tag: string): string {
  const base = primarySubtag(tag)
  return base === 'nb' || base === 'nn' ? 'no' : base
}

/** Creates the Workers AI provider. */
export function createWorkersAiProvider(options: WorkersAiOptions): TranslationProvider {
  const model = options.model ?? M2M100_MODEL
  const concurrency = Math.max(1, options.concurrency ?? 4)

  async function translateOne(text: string, pair: LanguagePair): Promise<string> {
    let result: unknown
    try {
      result = await options.ai.run(model, {
        text,
        source_lang: toModelCode(pair.source),
        target_lang: toModelCode(pair.target),
      })
    } catch (error) {
      throw bindingError(error)
    }
    const translated = (result as { translated_text?: unknown } | null)?.translated_text
    if (typeof translated !== 'string') {
      throw new ProviderError('bad_response', NAME, 'Workers AI answered without translated_text.')
    }
    return translated
  }

  return {
    name: NAME,
    // M2M-100 was trained on sentence-level data; long inputs get truncated or summarised.
    maxSegmentChars: 1000,
    async translate(segments, pair, signal) {
      const mapped = { source: toModelCode(pair.source), target: toModelCode(pair.target) }
      if (!resolvePair(M2M100_SUPPORT, mapped)) {
        throw new ProviderError(
          'unsupported_pair',
          NAME,
          `m2m100 does not translate ${pair.source} → ${pair.target}.`,
          { supportedTargets: targetsFor(M2M100_SUPPORT, mapped.source) }
        )
      }
      const outputs = new Array<string>(segments.length)
      let next = 0
      const worker = async () => {
        while (next < segments.length && !signal.aborted) {
          const index = next++
          outputs[index] = await translateOne(segments[index] as string, pair)
        }
      }
      await Promise.all(Array.from({ length: Math.min(concurrency, segments.length) }, worker))
      if (signal.aborted) throw signal.reason
      return outputs
    },
    async languages() {
      return M2M100_SUPPORT
    },
  }
}

/** Workers AI errors arrive as thrown `Error`s whose message carries the upstream code. */
function bindingError(error: unknown): ProviderError {
  const message = error instanceof Error ? error.message : String(error)
  if (/\b(3040|429)\b|capacity|rate.?limit|too many requests/i.test(message)) {
    return new ProviderError('rate_limited', NAME, 'Workers AI is over capacity.', {
      cause: error,
    })
  }
  if (/\b(5007)\b|no such model|invalid model/i.test(message)) {
    return new ProviderError('bad_response', NAME, 'Workers AI does not serve this model.', {
      cause: error,
      retryable: false,
    })
  }
  return new ProviderError('unavailable', NAME, 'The Workers AI binding failed.', { cause: error })
}
