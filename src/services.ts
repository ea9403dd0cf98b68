/**
 * The composition root: builds everything a request needs from the Worker's bindings. The only
 * module that reads `Env` (through `parseConfig`) and the only one that knows which
 * implementation backs each interface.
 *
 * @module
 */
import type { ResultCache } from './cache/cache'
import { createKvCache } from './cache/kv'
import { type Config, parseConfig } from './config'
import { BUNDLED_GLOSSARIES } from './glossary/bundled.generated'
import {
  createGlossaryStore,
  createMemoryGlossaryBackend,
  type GlossaryStore,
} from './glossary/store'
import { createKvGlossaryBackend } from './storage/glossary-kv'
import { createProviderRegistry, type ProviderRegistry } from './translate/providers/index'
import type { AiBinding } from './translate/providers/workers-ai'

/** Structured, single-line JSON logs. Never pass secrets or request bodies. */
export type Logger = (event: string, details?: Record<string, unknown>) => void

export type Services = {
  readonly config: Config
  readonly cache: ResultCache
  /** Bundled glossaries (read-only) in front of the API-managed ones in KV. */
  readonly glossaries: GlossaryStore
  /** Translation engines: apertium always, workers-ai with the `AI` binding, deepl with a key. */
  readonly translators: ProviderRegistry
  readonly log: Logger
}

/** What a request offers the services: background work and its id for logs. */
export type RequestScope = {
  readonly waitUntil: (promise: Promise<unknown>) => void
  readonly requestId: string
}

// Config only depends on the env object, which is the same for every request of an isolate.
const configs = new WeakMap<object, Config>()

function configFor(env: Env): Config {
  let config = configs.get(env)
  if (!config) {
    config = parseConfig(env as unknown as Record<string, unknown>)
    configs.set(env, config)
  }
  return config
}

export function createServices(env: Env, scope: RequestScope): Services {
  const log: Logger = (event, details = {}) => {
    console.log(JSON.stringify({ event, requestId: scope.requestId, ...details }))
  }
  const config = configFor(env)
  return {
    config,
    cache: createKvCache(env.CACHE, {
      waitUntil: scope.waitUntil,
      log,
      // No entry larger than twice the largest request: a result is stored to be re-rendered,
      // never as a copy of every intermediate (issue #14: 524 KB in, 8 MB stored).
      maxEntryBytes: 2 * config.maxBodyBytes,
    }),
    glossaries: createGlossaryStore({
      bundled: BUNDLED_GLOSSARIES,
      // Without the binding only the bundled glossaries exist (writes land in a throwaway map).
      backend: env.GLOSSARIES
        ? createKvGlossaryBackend(env.GLOSSARIES)
        : createMemoryGlossaryBackend(),
    }),
    translators: createProviderRegistry({
      defaultProvider: config.translation.defaultProvider,
      apertiumUrl: config.translation.apertiumUrl,
      // Only the deployed environment declares `[ai]`; `npm run dev` and tests have none.
      ...(env.AI ? { ai: env.AI as unknown as AiBinding } : {}),
      ...(config.translation.deeplApiKey ? { deeplApiKey: config.translation.deeplApiKey } : {}),
    }),
    log,
  }
}
