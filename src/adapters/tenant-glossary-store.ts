/**
 * A tenant's view of the glossaries: the bundled ones (read-only, shared by everyone) in front
 * of the tenant's own, read from KV under the tenant's prefix and written through the
 * tenant's `GlossaryWriter` Durable Objects.
 *
 * Isolation is by construction: the store is built for one tenant, reads only under that
 * tenant's KV prefix and writes only through objects named for that tenant, so no id a caller
 * sends can reach another tenant's glossary — it is simply not there (404).
 *
 * @module
 */
import type {
  DeleteGlossaryResult,
  GlossaryStore,
  PutGlossaryResult,
  WriteOptions,
} from '../glossary/store'
import { createGlossaryStore } from '../glossary/store'
import type { Glossary } from '../glossary/types'
import type {
  WritePreconditions,
  WriterDeleteResult,
  WriterPutResult,
} from '../objects/glossary-writer'
import { createKvGlossaryBackend, type GlossaryKvNamespace } from './kv-glossary-store'
import { prefixedKv, tenantGlossaryPrefix } from './prefixed-kv'
import { withStorageDeadline } from './storage-deadline'

/** The object name of a (tenant, glossary) pair. Tenants cannot contain `/`, so no collision. */
export function glossaryWriterName(tenant: string, id: string): string {
  return `${tenant}/${id}`
}

/** The part of a `GlossaryWriter` stub the store calls (RPC). */
export type GlossaryWriterStub = {
  put(tenant: string, glossary: Glossary, pre?: WritePreconditions): Promise<WriterPutResult>
  delete(tenant: string, id: string, pre?: WritePreconditions): Promise<WriterDeleteResult>
}

export type TenantGlossaryStoreOptions = {
  readonly tenant: string
  readonly bundled: readonly Glossary[]
  readonly kv: GlossaryKvNamespace
  /** The writer object of one glossary of this tenant. */
  readonly writer: (id: string) => GlossaryWriterStub
}

/**
 * The glossary store of one tenant.
 *
 * @example
 * createTenantGlossaryStore({ tenant, bundled: BUNDLED_GLOSSARIES, kv: env.GLOSSARIES,
 *   writer: (id) => env.GLOSSARY_WRITER.get(env.GLOSSARY_WRITER.idFromName(glossaryWriterName(tenant, id))) })
 */
/** How long a write may wait for the glossary's writer object (as for a KV call of the store). */
const WRITER_TIMEOUT_MS = 5000

/**
 * Writes fail closed when the writer object is unavailable: writing KV around it would give up
 * the serialized `If-Match` check that keeps concurrent edits from being lost (docs/faults.md).
 */
const guarded = <T>(call: () => Promise<T>): Promise<T> =>
  withStorageDeadline(
    'glossary_writer_failed',
    'The glossary writer is unavailable and the write was not confirmed. Read the glossary and retry; with If-Match a retry cannot overwrite a newer version.',
    WRITER_TIMEOUT_MS,
    call
  )

export function createTenantGlossaryStore(options: TenantGlossaryStoreOptions): GlossaryStore {
  const { tenant, bundled, writer } = options
  const builtIn = new Set(bundled.map((g) => g.id))
  const backend = createKvGlossaryBackend(prefixedKv(options.kv, tenantGlossaryPrefix(tenant)))
  // Reads (list, get) go straight to KV; the writes of this generic store are replaced below.
  const reads = createGlossaryStore({ bundled, backend })
  const preconditions = (o: WriteOptions): WritePreconditions => ({
    ifMatch: o.ifMatch,
    ifNoneMatch: o.ifNoneMatch,
  })
  return {
    list: () => reads.list(),
    get: (id) => reads.get(id),
    async put(glossary, options = {}): Promise<PutGlossaryResult> {
      if (builtIn.has(glossary.id)) return { kind: 'read_only' }
      const result = await guarded(() =>
        writer(glossary.id).put(tenant, glossary, preconditions(options))
      )
      if (result.kind === 'precondition_failed') return result
      return { kind: result.kind, glossary }
    },
    async delete(id, options = {}): Promise<DeleteGlossaryResult> {
      if (builtIn.has(id)) return { kind: 'read_only' }
      return guarded(() => writer(id).delete(tenant, id, preconditions(options)))
    },
  }
}
