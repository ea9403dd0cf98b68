/**
 * `GlossaryWriter`: one Durable Object per (tenant, glossary id) through which every write to
 * that glossary passes.
 *
 * KV has no compare-and-swap, so `If-Match` checked against a KV read lets racing writes all
 * pass (20 simultaneous PUTs with one `If-Match`: 16 succeeded). Here the object holds the
 * authoritative current version in its own strongly consistent storage and runs one write at a
 * time: check the precondition against that version, commit the new version, then write KV
 * (the fast read path everyone else reads). A failed precondition writes nothing, so no reader
 * can ever see a version a refused write produced.
 *
 * The object knows glossaries only through {@link GlossaryTarget} (the tenant's KV store),
 * built by `glossaryTargetFor` in `glossary-target.ts`: rebinding the store is a one-file change.
 *
 * @module
 */
import { DurableObject } from 'cloudflare:workers'
import { ifMatchPasses, ifNoneMatchPasses } from '../glossary/store'
import type { Glossary } from '../glossary/types'
import { type GlossaryTarget, glossaryTargetFor } from './glossary-target'

/** Preconditions of a write, as the headers were sent. */
export type WritePreconditions = {
  readonly ifMatch?: string | undefined
  readonly ifNoneMatch?: string | undefined
}

export type WriterPutResult =
  | { readonly kind: 'created' | 'replaced'; readonly version: string }
  | { readonly kind: 'precondition_failed'; readonly current: string | undefined }

export type WriterDeleteResult =
  | { readonly kind: 'deleted' }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'precondition_failed'; readonly current: string | undefined }

/** What the object remembers: the version it last committed (`null`: known not to exist). */
type State = { readonly tenant: string; readonly id: string; readonly version: string | null }

export class GlossaryWriter extends DurableObject<Env> {
  /** Tail of the chain of writes: each write starts when the previous one has settled. */
  private tail: Promise<unknown> = Promise.resolve()

  /** Creates or replaces the glossary if the preconditions hold. */
  put(tenant: string, glossary: Glossary, pre: WritePreconditions = {}): Promise<WriterPutResult> {
    return this.serialize(async () => {
      const target = this.target(tenant)
      const state = await this.load(tenant, glossary.id, target)
      const current = state.version ?? undefined
      if (!ifMatchPasses(pre.ifMatch, current) || !ifNoneMatchPasses(pre.ifNoneMatch, current)) {
        return { kind: 'precondition_failed', current }
      }
      await this.commit({ ...state, version: glossary.version }, state, () => target.put(glossary))
      return { kind: current === undefined ? 'created' : 'replaced', version: glossary.version }
    })
  }

  /** Deletes the glossary if it exists and the preconditions hold. */
  delete(tenant: string, id: string, pre: WritePreconditions = {}): Promise<WriterDeleteResult> {
    return this.serialize(async () => {
      const target = this.target(tenant)
      const state = await this.load(tenant, id, target)
      const current = state.version ?? undefined
      if (current === undefined) return { kind: 'not_found' }
      if (!ifMatchPasses(pre.ifMatch, current) || !ifNoneMatchPasses(pre.ifNoneMatch, current)) {
        return { kind: 'precondition_failed', current }
      }
      await this.commit({ ...state, version: null }, state, () => target.delete(id))
      return { kind: 'deleted' }
    })
  }

  /** The version this object holds (for tests and diagnostics). */
  async version(tenant: string, id: string): Promise<string | null> {
    return this.serialize(async () => (await this.load(tenant, id, this.target(tenant))).version)
  }

  private serialize<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work, work)
    this.tail = run.catch(() => undefined)
    return run
  }

  private target(tenant: string): GlossaryTarget {
    return glossaryTargetFor(this.env, tenant)
  }

  /**
   * The committed state; on first use, the version KV holds (glossaries written before this
   * object existed). After that the object's own storage is authoritative.
   */
  private async load(tenant: string, id: string, target: GlossaryTarget): Promise<State> {
    const state = await this.ctx.storage.get<State>('state')
    if (state !== undefined) {
      // One object per (tenant, id): a different pair here would mean a naming bug upstream.
      if (state.tenant !== tenant || state.id !== id) {
        throw new Error(`GlossaryWriter for ${state.tenant}/${state.id} called for ${tenant}/${id}`)
      }
      return state
    }
    return { tenant, id, version: (await target.get(id))?.version ?? null }
  }

  /** Commits `next`, then writes KV; if KV fails, restores `previous` so a retry starts clean. */
  private async commit(next: State, previous: State, writeKv: () => Promise<unknown>) {
    await this.ctx.storage.put('state', next)
    try {
      await writeKv()
    } catch (error) {
      await this.ctx.storage.put('state', previous)
      throw error
    }
  }
}
