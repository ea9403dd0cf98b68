import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  chunkCount,
  finishedStatus,
  idempotentJobId,
  isChunkMessage,
  isJobId,
  JOB_CHUNK_ITEMS,
  newJobId,
  parseCursor,
  RESULTS_PAGE_LINES,
  retryDelaySeconds,
} from './model'

describe('finishedStatus', () => {
  it('is succeeded, partially_succeeded or failed from the counters', () => {
    expect(finishedStatus({ total: 3, done: 3, failed: 0 })).toBe('succeeded')
    expect(finishedStatus({ total: 3, done: 3, failed: 1 })).toBe('partially_succeeded')
    expect(finishedStatus({ total: 3, done: 3, failed: 3 })).toBe('failed')
  })
})

describe('ids', () => {
  it('fresh ids are well formed and distinct', () => {
    const a = newJobId()
    expect(isJobId(a)).toBe(true)
    expect(newJobId()).not.toBe(a)
    expect(isJobId('job_../../etc')).toBe(false)
  })

  it('an Idempotency-Key names one job per tenant', async () => {
    const a = await idempotentJobId('t1', 'key')
    expect(isJobId(a)).toBe(true)
    expect(await idempotentJobId('t1', 'key')).toBe(a)
    expect(await idempotentJobId('t2', 'key')).not.toBe(a)
    expect(await idempotentJobId('t1', 'key2')).not.toBe(a)
  })
})

describe('chunks, pages and cursors', () => {
  it('a page is a whole number of chunks', () => {
    expect(RESULTS_PAGE_LINES % JOB_CHUNK_ITEMS).toBe(0)
    expect(chunkCount(1)).toBe(1)
    expect(chunkCount(JOB_CHUNK_ITEMS)).toBe(1)
    expect(chunkCount(JOB_CHUNK_ITEMS + 1)).toBe(2)
  })

  it('accepts only cursors within the job', () => {
    expect(parseCursor(undefined, 10)).toBe(0)
    expect(parseCursor('4', 10)).toBe(4)
    expect(parseCursor('10', 10)).toBe(10)
    for (const bad of ['11', '-1', '01', '1.5', 'abc', ''])
      expect(parseCursor(bad, 10)).toBe(undefined)
  })

  it('recognises chunk messages', () => {
    expect(isChunkMessage({ job: newJobId(), chunk: 0 })).toBe(true)
    expect(isChunkMessage({ job: 'job_x', chunk: 0 })).toBe(false)
    expect(isChunkMessage({ job: newJobId(), chunk: -1 })).toBe(false)
    expect(isChunkMessage('hello')).toBe(false)
  })
})

describe('retries', () => {
  it('doubles the delay per attempt, capped at an hour', () => {
    expect([1, 2, 3, 4].map((a) => retryDelaySeconds(10, a))).toEqual([10, 20, 40, 80])
    expect(retryDelaySeconds(10, 30)).toBe(3600)
  })

  it('JOB_MAX_ATTEMPTS is the job queue consumer’s max_retries + 1 in both configurations', () => {
    for (const file of ['wrangler.toml', 'wrangler.production.toml']) {
      const toml = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')
      const attempts = Number(/^JOB_MAX_ATTEMPTS = "(\d+)"/m.exec(toml)?.[1])
      const consumer =
        /\[\[queues\.consumers\]\]\s*\nqueue = "precis-jobs"\n([\s\S]*?)(?:\n\[|$)/.exec(toml)?.[1]
      const retries = Number(/^max_retries = (\d+)/m.exec(consumer ?? '')?.[1])
      expect(Number.isInteger(retries), file).toBe(true)
      expect(attempts, file).toBe(retries + 1)
    }
  })
})
