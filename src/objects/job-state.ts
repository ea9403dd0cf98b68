/**
 * `JobState`: one Durable Object per background job, the single source of truth of its status
 * and counters (strongly consistent: every chunk reports here, one at a time).
 *
 * It keeps the job record, a ledger of finished chunks (so a chunk delivered twice is counted
 * once), and one alarm that serves two timers: the next callback delivery (Standard Webhooks,
 * retried on failure) and the job's expiry, when its R2 objects and its own storage are deleted.
 *
 * @module
 */
import { DurableObject } from 'cloudflare:workers'
import { createR2JobFiles } from '../adapters/job-files'
import {
  finishedStatus,
  isTerminal,
  type JobRecord,
  type JobSpec,
  jobDocument,
} from '../jobs/model'
import { WEBHOOK_RETRY_SECONDS, webhookHeaders } from '../jobs/webhook'

export type CreateResult =
  | { readonly kind: 'created' | 'existing'; readonly job: JobRecord }
  | { readonly kind: 'conflict' }

export type StartResult = { readonly go: false } | { readonly go: true; readonly job: JobRecord }

export type ResultsPlan = {
  readonly job: JobRecord
  /** Finished chunks of the page, in order. */
  readonly chunks: number[]
  /** First chunk of the next page, or `null` on the last page. */
  readonly next: number | null
}

const RECORD = 'job'
/** How long one callback delivery may take. */
const DELIVERY_TIMEOUT_MS = 10_000

export class JobState extends DurableObject<Env> {
  private record: JobRecord | null | undefined

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env)
    ctx.storage.sql.exec(
      'CREATE TABLE IF NOT EXISTS chunks (n INTEGER PRIMARY KEY, done INTEGER NOT NULL, failed INTEGER NOT NULL)'
    )
  }

  private async load(): Promise<JobRecord | null> {
    if (this.record === undefined) {
      this.record = (await this.ctx.storage.get<JobRecord>(RECORD)) ?? null
    }
    return this.record
  }

  private async save(record: JobRecord): Promise<void> {
    this.record = record
    await this.ctx.storage.put(RECORD, record)
    await this.schedule(record)
  }

  /** One alarm for the earlier of the pending callback and the expiry. */
  private async schedule(record: JobRecord): Promise<void> {
    const next = Math.min(record.webhook.nextAt ?? Number.POSITIVE_INFINITY, record.expiresAt)
    const current = await this.ctx.storage.getAlarm()
    if (current !== next) await this.ctx.storage.setAlarm(next)
  }

  /**
   * Creates the job, or finds the one an idempotent resubmission repeats: same tenant and same
   * payload hash → `existing`; anything else → `conflict`.
   */
  async create(spec: JobSpec, now: number, ttlSeconds: number): Promise<CreateResult> {
    const existing = await this.load()
    if (existing !== null) {
      const same = existing.tenant === spec.tenant && existing.payloadHash === spec.payloadHash
      return same ? { kind: 'existing', job: existing } : { kind: 'conflict' }
    }
    const record: JobRecord = {
      ...spec,
      status: 'queued',
      done: 0,
      failed: 0,
      createdAt: now,
      updatedAt: now,
      expiresAt: now + ttlSeconds * 1000,
      webhook: { attempts: 0, nextAt: null, deliveredAt: null, lastError: null },
    }
    await this.save(record)
    return { kind: 'created', job: record }
  }

  /** The job, if it exists and belongs to `tenant`. */
  async describe(tenant: string): Promise<JobRecord | null> {
    const record = await this.load()
    return record !== null && record.tenant === tenant ? record : null
  }

  /** The consumer asks before a chunk: a cancelled job or a finished chunk is skipped. */
  async start(chunk: number, now: number): Promise<StartResult> {
    const record = await this.load()
    if (record === null || isTerminal(record.status)) return { go: false }
    const finished = this.ctx.storage.sql.exec('SELECT 1 FROM chunks WHERE n = ?', chunk).toArray()
    if (finished.length > 0) return { go: false }
    if (record.status === 'queued')
      await this.save({ ...record, status: 'running', updatedAt: now })
    return { go: true, job: (await this.load()) as JobRecord }
  }

  /** Counts a finished chunk once; the last one decides the job's status. */
  async finish(
    chunk: number,
    done: number,
    failed: number,
    now: number
  ): Promise<JobRecord | null> {
    const record = await this.load()
    if (record === null) return null
    const seen = this.ctx.storage.sql.exec('SELECT 1 FROM chunks WHERE n = ?', chunk).toArray()
    if (seen.length > 0) return record
    this.ctx.storage.sql.exec(
      'INSERT INTO chunks (n, done, failed) VALUES (?, ?, ?)',
      chunk,
      done,
      failed
    )
    const next: JobRecord = {
      ...record,
      done: record.done + done,
      failed: record.failed + failed,
      updatedAt: now,
    }
    const finishedChunks = this.ctx.storage.sql.exec('SELECT COUNT(*) AS n FROM chunks').one()
      .n as number
    if (!isTerminal(next.status) && finishedChunks >= next.chunks) {
      next.status = finishedStatus({ total: next.total, done: next.done, failed: next.failed })
      this.completed(next, now)
    }
    await this.save(next)
    return next
  }

  /** Cancels a job that has not finished: chunks not started are dropped. */
  async cancel(tenant: string, now: number): Promise<JobRecord | null> {
    const record = await this.load()
    if (record === null || record.tenant !== tenant) return null
    if (isTerminal(record.status)) return record
    const next: JobRecord = { ...record, status: 'cancelled', updatedAt: now }
    this.completed(next, now)
    await this.save(next)
    return next
  }

  /**
   * Which chunks make the page starting at chunk `from`: consecutive finished chunks, up to
   * `maxChunks`. While the job runs, the page stops at the first unfinished chunk (the next page
   * starts there); once it has ended, chunks that never ran (cancelled) are skipped.
   */
  async plan(tenant: string, from: number, maxChunks: number): Promise<ResultsPlan | null> {
    const record = await this.describe(tenant)
    if (record === null) return null
    const rows = this.ctx.storage.sql
      .exec('SELECT n FROM chunks WHERE n >= ? ORDER BY n LIMIT ?', from, maxChunks)
      .toArray()
      .map((row) => row.n as number)
    const ended = isTerminal(record.status)
    const chunks: number[] = []
    let cursor = from
    for (const n of rows) {
      if (n !== cursor && !ended) break
      chunks.push(n)
      cursor = n + 1
    }
    if (ended && chunks.length === rows.length && rows.length < maxChunks) cursor = record.chunks
    const next = cursor >= record.chunks ? null : cursor
    return { job: record, chunks, next }
  }

  /** Schedules the callback of a job that just ended. */
  private completed(record: JobRecord, now: number): void {
    if (record.callbackUrl !== null) record.webhook = { ...record.webhook, nextAt: now }
  }

  /**
   * The alarm is always set for the earlier timer, so when it rings that timer is due: a pending
   * callback before the expiry, otherwise the expiry.
   */
  override async alarm(): Promise<void> {
    const record = await this.load()
    if (record === null) return
    const pending = record.webhook.nextAt
    if (pending !== null && pending <= record.expiresAt) {
      await this.save(await this.deliver(record, Date.now()))
      return
    }
    await createR2JobFiles(this.env.JOB_FILES).remove(record.id)
    await this.ctx.storage.deleteAlarm()
    await this.ctx.storage.deleteAll()
    this.record = null
  }

  /** One callback delivery; on failure the next one is scheduled, until the schedule runs out. */
  private async deliver(record: JobRecord, now: number): Promise<JobRecord> {
    const attempts = record.webhook.attempts + 1
    let error: string | null = null
    try {
      if (record.callbackUrl === null || record.webhookSecret === null) return record
      const body = JSON.stringify(jobDocument(record))
      const headers = await webhookHeaders(
        record.webhookSecret,
        `msg_${record.id}`,
        Math.floor(now / 1000),
        body
      )
      const response = await fetch(record.callbackUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      })
      // The receiver's answer is not read beyond its status.
      await response.body?.cancel()
      if (response.ok) {
        return {
          ...record,
          webhook: { attempts, nextAt: null, deliveredAt: now, lastError: null },
        }
      }
      error = `HTTP ${response.status}`
    } catch (thrown) {
      error = thrown instanceof Error ? thrown.name : 'fetch failed'
    }
    const wait = WEBHOOK_RETRY_SECONDS[attempts - 1]
    return {
      ...record,
      webhook: {
        attempts,
        nextAt: wait === undefined ? null : now + wait * 1000,
        deliveredAt: null,
        lastError: error,
      },
    }
  }
}
