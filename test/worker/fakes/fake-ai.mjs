/**
 * A fake Workers AI binding for the worker tests, bound as `env.AI` through a service binding to
 * this entrypoint (vitest.config.ts). It checks the request shape the real binding expects for
 * `@cf/meta/m2m100-1.2b` — `run(model, { text, source_lang, target_lang })` with ISO 639-1 codes
 * and nothing else — and fails loudly otherwise. Texts containing a trigger word reproduce the
 * binding's failures: `FAKE_AI_CAPACITY` (error 3040), `FAKE_AI_DOWN` (an internal error).
 */
import { WorkerEntrypoint } from 'cloudflare:workers'
import { renderWords } from './dictionary.mjs'

const MODEL = '@cf/meta/m2m100-1.2b'
/** Every call received, for the tests to inspect (`env.AI.calls()`). */
const received = []

export class FakeAi extends WorkerEntrypoint {
  async run(model, inputs) {
    received.push({ model, inputs })
    if (model !== MODEL) throw new Error(`5007: No such model ${model}`)
    const keys = Object.keys(inputs ?? {}).sort()
    if (keys.join(',') !== 'source_lang,target_lang,text') {
      throw new Error(
        `fake AI: expected { text, source_lang, target_lang }, got ${keys.join(', ')}`
      )
    }
    const { text, source_lang: source, target_lang: target } = inputs
    if (typeof text !== 'string' || text.length === 0 || text.length > 1000) {
      throw new Error('fake AI: text must be a string of 1 to 1000 characters')
    }
    if (!/^[a-z]{2,3}$/.test(source) || !/^[a-z]{2,3}$/.test(target)) {
      throw new Error(`fake AI: language codes must be ISO 639-1, got ${source} → ${target}`)
    }
    if (text.includes('FAKE_AI_CAPACITY')) throw new Error('3040: Capacity temporarily exceeded')
    if (text.includes('FAKE_AI_DOWN')) throw new Error('InferenceUpstreamError: internal error')
    const translated =
      source === 'en' && target === 'es' ? renderWords(text) : `[${target}] ${text}`
    return { translated_text: translated }
  }

  /** The calls received so far (RPC, for assertions). */
  async calls() {
    return received
  }
}

// biome-ignore lint/style/noDefaultExport: workerd loads the default export.
export default {
  fetch() {
    return new Response('fake Workers AI: use the FakeAi entrypoint', { status: 404 })
  },
}
