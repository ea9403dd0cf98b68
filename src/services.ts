/**
 * The composition root: builds the use cases' dependencies from the Worker's bindings. The only
 * module that reads `Env` (through `parseConfig`) and the only one that knows which adapter
 * backs each port.
 *
 * @module
 */

import type { AdmitRequest, AdmitResult, Settlement } from './access/admission'
import type { UsageCounters } from './access/usage'
import { createProviderRegistry } from './adapters/engines/registry'
import type { AiBinding } from './adapters/engines/workers-ai'
import { createR2JobFiles, type JobFiles } from './adapters/job-files'
import { createKvKeyStore, type KeyStore } from './adapters/keys-kv'
import { createKvCache } from './adapters/kv-cache'
import { createKvGlossaryBackend } from './adapters/kv-glossary-store'
import { withStorageDeadline } from './adapters/storage-deadline'
import { createTenantGlossaryStore, glossaryWriterName } from './adapters/tenant-glossary-store'
import { type Config, parseConfig } from './config'
import { BUNDLED_GLOSSARIES } from './glossary/bundled.generated'
import {
  createGlossaryStore,
  createMemoryGlossaryBackend,
  type GlossaryStore,
} from './glossary/store'
import type { ChunkMessage } from './jobs/model'
import type { JobState } from './objects/job-state'
import type { UseCaseDeps } from './usecases/deps'
import type { Logger } from './usecases/ports'

export type { Logger }

/** What a request's handlers get: the use cases' dependencies. */
export type Services = UseCaseDeps

/** What a request offers the services: background work and its id for logs. */
export type RequestScope = {
  readonly waitUntil: (promise: Promise<unknown>) => void
  readonly requestId: string
}

// Config only depends on the env object, which is the same for every request of an isolate.
const configs = new WeakMap<object, Config>()

export function configFor(env: Env): Config {
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
    now: () => Date.now(),
    log,
  }
}

/** The glossary store of `tenant`: bundled + the tenant's own (KV reads, writes through objects). */
export function tenantGlossaries(env: Env, tenant: string): GlossaryStore | undefined {
  if (!env.GLOSSARIES || !env.GLOSSARY_WRITER) return undefined
  const writers = env.GLOSSARY_WRITER
  return createTenantGlossaryStore({
    tenant,
    bundled: BUNDLED_GLOSSARIES,
    kv: env.GLOSSARIES,
    writer: (id) => writers.get(writers.idFromName(glossaryWriterName(tenant, id))),
  })
}

/** What the access layer needs from the bindings; absent pieces when a binding is missing. */
export type AccessPorts = {
  readonly keys: KeyStore | undefined
  readonly meter: ((name: string) => AccessMeterStub) | undefined
}

/** The part of an `AccessMeter` stub the edge calls (RPC). */
export type AccessMeterStub = {
  admit(request: AdmitRequest): Promise<AdmitResult>
  settle(settlement: Settlement): Promise<void>
  usage(query: { month: string; key?: string }): Promise<UsageCounters>
}

/** Admission waits this long for the meter before letting the request in unmetered. */
const ADMIT_TIMEOUT_MS = 1000
/** Settling runs after the answer; a hung object must still let the invocation end. */
const SETTLE_TIMEOUT_MS = 5000
/** A usage report may wait longer: it is an explicit question with no other answer. */
const USAGE_TIMEOUT_MS = 5000

/**
 * The meter of one name with deadlines: `admit` and `usage` fail with `storage_unavailable`
 * when the object throws, rejects or does not answer in time. The admission middleware turns that
 * into fail-open; a usage report lets it through as a 503 (docs/faults.md). `settle` runs after
 * the answer (waitUntil), where a failure is only logged (the request goes uncounted).
 */
function guardedMeter(stub: () => AccessMeterStub): AccessMeterStub {
  const detail = 'The usage meter is unavailable; try again shortly.'
  return {
    admit: (request) =>
      withStorageDeadline('access_meter_failed', detail, ADMIT_TIMEOUT_MS, () =>
        stub().admit(request)
      ),
    // After the answer (waitUntil): bounded too, so a hung object never holds the invocation.
    settle: (settlement) =>
      withStorageDeadline('access_meter_failed', detail, SETTLE_TIMEOUT_MS, () =>
        stub().settle(settlement)
      ),
    usage: (query) =>
      withStorageDeadline('access_meter_failed', detail, USAGE_TIMEOUT_MS, () =>
        stub().usage(query)
      ),
  }
}

export function accessPorts(env: Env): AccessPorts {
  const meters = env.ACCESS_METER
  return {
    keys: env.KEYS ? createKvKeyStore(env.KEYS) : undefined,
    meter: meters
      ? (name) => guardedMeter(() => meters.get(meters.idFromName(name)) as AccessMeterStub)
      : undefined,
  }
}

/** What background jobs need from the bindings: R2 files, per-job objects and the queue. */
export type JobPorts = {
  readonly files: JobFiles
  readonly job: (id: string) => DurableObjectStub<JobState>
  readonly queue: Queue<ChunkMessage>
}

/** `undefined` when a binding is missing (the jobs routes then answer 500 configuration_error). */
export function jobPorts(env: Env): JobPorts | undefined {
  if (!env.JOB_FILES || !env.JOBS || !env.JOB_QUEUE) return undefined
  const jobs = env.JOBS as unknown as DurableObjectNamespace<JobState>
  return {
    files: createR2JobFiles(env.JOB_FILES),
    job: (id) => jobs.get(jobs.idFromName(id)),
    queue: env.JOB_QUEUE as Queue<ChunkMessage>,
  }
}
