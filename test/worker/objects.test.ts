/**
 * The access Durable Objects called directly (RPC on their stubs), in workerd with the real
 * local bindings: the glossary writer's preconditions under truly simultaneous writes, and the
 * meter's rate limits, quotas and counters.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { monthPeriod } from '../../src/access/period'
import { glossaryWriterName } from '../../src/adapters/tenant-glossary-store'
import { importGlossary } from '../../src/glossary/io'
import type { Glossary } from '../../src/glossary/types'
import { glossaryTargetFor } from '../../src/objects/glossary-target'

let serial = 0
/** A fresh id per test round, so rounds never share an object or a KV key. */
const freshId = (label: string) => `${label}-${Date.now().toString(36)}-${serial++}`

function glossary(id: string, variant: number): Glossary {
  const result = importGlossary(id, `en\tes\nterm${variant}\ttérmino${variant}\n`, 'tsv')
  if (!result.ok) throw new Error('fixture glossary is invalid')
  return result.glossary
}

const writer = (tenant: string, id: string) =>
  env.GLOSSARY_WRITER.get(env.GLOSSARY_WRITER.idFromName(glossaryWriterName(tenant, id)))

const kvVersion = async (tenant: string, id: string) =>
  (await glossaryTargetFor(env, tenant).get(id))?.version

const ROUNDS = 5

// Each round is ~20 object calls and KV writes on a shared 2-core machine: generous timeouts.
describe('GlossaryWriter', { timeout: 60_000 }, () => {
  it('lets exactly one of 20 simultaneous PUTs with the same If-Match win, every round', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const id = freshId('race-put')
      const base = glossary(id, 0)
      if (round % 2 === 0) {
        const created = await writer('acme', id).put('acme', base, { ifNoneMatch: '*' })
        expect(created.kind).toBe('created')
      } else {
        // Odd rounds: the glossary predates the object (only in KV), so all 20 racers reach
        // an object that must first read KV — the path where unserialized writes interleave.
        await glossaryTargetFor(env, 'acme').put(base)
      }

      const edits = Array.from({ length: 20 }, (_, i) => glossary(id, i + 1))
      const results = await Promise.all(
        edits.map((g) => writer('acme', id).put('acme', g, { ifMatch: `"${base.version}"` }))
      )
      const winners = results.flatMap((r, i) => (r.kind === 'replaced' ? [edits[i]] : []))
      expect(winners).toHaveLength(1)
      expect(results.filter((r) => r.kind === 'precondition_failed')).toHaveLength(19)
      // KV, the read path, holds the winner and nothing else ever got there.
      expect(await kvVersion('acme', id)).toBe(winners[0]?.version)
      expect(await writer('acme', id).version('acme', id)).toBe(winners[0]?.version)
    }
  })

  it('lets exactly one of a simultaneous PUT and DELETE with the same If-Match win', async () => {
    const outcomes = new Set<string>()
    for (let round = 0; round < ROUNDS * 2; round++) {
      const id = freshId('race-del')
      const base = glossary(id, 0)
      // Odd rounds seed KV only, so both racers reach an object that first reads KV.
      if (round % 2 === 0) await writer('acme', id).put('acme', base)
      else await glossaryTargetFor(env, 'acme').put(base)
      const ifMatch = `"${base.version}"`
      const edit = glossary(id, 1)
      const [put, del] = await Promise.all([
        writer('acme', id).put('acme', edit, { ifMatch }),
        writer('acme', id).delete('acme', id, { ifMatch }),
      ])
      const failed = [put, del].filter((r) => r.kind === 'precondition_failed')
      expect(failed).toHaveLength(1)
      if (put.kind === 'replaced') {
        expect(await kvVersion('acme', id)).toBe(edit.version)
        outcomes.add('put')
      } else {
        expect(del.kind).toBe('deleted')
        expect(await kvVersion('acme', id)).toBeUndefined()
        outcomes.add('delete')
      }
    }
    expect(outcomes.size).toBeGreaterThan(0)
  })

  it('creates exactly once from 20 simultaneous If-None-Match: * PUTs, every round', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const id = freshId('race-create')
      const candidates = Array.from({ length: 20 }, (_, i) => glossary(id, i))
      const results = await Promise.all(
        candidates.map((g) => writer('acme', id).put('acme', g, { ifNoneMatch: '*' }))
      )
      const winners = results.flatMap((r, i) => (r.kind === 'created' ? [candidates[i]] : []))
      expect(winners).toHaveLength(1)
      expect(results.filter((r) => r.kind === 'precondition_failed')).toHaveLength(19)
      expect(await kvVersion('acme', id)).toBe(winners[0]?.version)
    }
  })

  it('writes nothing when a precondition fails', async () => {
    const id = freshId('no-write')
    const first = glossary(id, 0)
    await writer('acme', id).put('acme', first)
    const refused = await writer('acme', id).put('acme', glossary(id, 1), { ifMatch: '"stale"' })
    expect(refused).toEqual({ kind: 'precondition_failed', current: first.version })
    const again = await writer('acme', id).put('acme', glossary(id, 2), { ifNoneMatch: '*' })
    expect(again).toEqual({ kind: 'precondition_failed', current: first.version })
    expect(await kvVersion('acme', id)).toBe(first.version)
    // If-Match on something that does not exist fails; DELETE of nothing is not_found.
    const other = freshId('absent')
    expect(
      (await writer('acme', other).put('acme', glossary(other, 0), { ifMatch: '*' })).kind
    ).toBe('precondition_failed')
    expect((await writer('acme', other).delete('acme', other)).kind).toBe('not_found')
  })

  it('adopts a glossary already in KV (written before the object existed)', async () => {
    const id = freshId('adopt')
    const old = glossary(id, 0)
    await glossaryTargetFor(env, 'acme').put(old)
    const res = await writer('acme', id).put('acme', glossary(id, 1), {
      ifMatch: `"${old.version}"`,
    })
    expect(res.kind).toBe('replaced')
  })

  it('keeps tenants apart: the same glossary id in two tenants is two glossaries', async () => {
    const id = freshId('shared-name')
    const a = glossary(id, 1)
    const b = glossary(id, 2)
    expect((await writer('tenant-a', id).put('tenant-a', a, { ifNoneMatch: '*' })).kind).toBe(
      'created'
    )
    expect((await writer('tenant-b', id).put('tenant-b', b, { ifNoneMatch: '*' })).kind).toBe(
      'created'
    )
    expect(await kvVersion('tenant-a', id)).toBe(a.version)
    expect(await kvVersion('tenant-b', id)).toBe(b.version)
    // B's If-Match for A's version fails; B's delete leaves A's glossary alone.
    expect(
      (await writer('tenant-b', id).put('tenant-b', glossary(id, 3), { ifMatch: `"${a.version}"` }))
        .kind
    ).toBe('precondition_failed')
    expect((await writer('tenant-b', id).delete('tenant-b', id)).kind).toBe('deleted')
    expect(await kvVersion('tenant-a', id)).toBe(a.version)
    expect(await kvVersion('tenant-b', id)).toBeUndefined()
  })
})

const meter = (tenant: string) => env.ACCESS_METER.get(env.ACCESS_METER.idFromName(tenant))

describe('AccessMeter', () => {
  it('refuses the sixth request in a window of five, with a Retry-After within the window', async () => {
    const m = meter(freshId('tenant'))
    const rateLimit = { requests: 5, period: 60 }
    const results = []
    for (let i = 0; i < 6; i++) results.push(await m.admit({ key: 'k1', rateLimit, quota: null }))
    expect(results.slice(0, 5).every((r) => r.ok)).toBe(true)
    const sixth = results[5]
    expect(sixth?.ok).toBe(false)
    if (sixth?.ok === false && sixth.reason === 'rate_limited') {
      expect(sixth.retryAfterSeconds).toBeGreaterThanOrEqual(1)
      expect(sixth.retryAfterSeconds).toBeLessThanOrEqual(60)
    } else {
      throw new Error(`expected rate_limited, got ${JSON.stringify(sixth)}`)
    }
    // Another key of the same tenant has its own window.
    expect((await m.admit({ key: 'k2', rateLimit, quota: null })).ok).toBe(true)
  })

  it('admits exactly `requests` of 20 simultaneous calls', async () => {
    const m = meter(freshId('tenant'))
    const rateLimit = { requests: 7, period: 60 }
    const results = await Promise.all(
      Array.from({ length: 20 }, () => m.admit({ key: 'k', rateLimit, quota: null }))
    )
    expect(results.filter((r) => r.ok)).toHaveLength(7)
  })

  it('frees a slot once the oldest request leaves the window', async () => {
    const m = meter(freshId('tenant'))
    const rateLimit = { requests: 1, period: 1 }
    expect((await m.admit({ key: 'k', rateLimit, quota: null })).ok).toBe(true)
    expect((await m.admit({ key: 'k', rateLimit, quota: null })).ok).toBe(false)
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect((await m.admit({ key: 'k', rateLimit, quota: null })).ok).toBe(true)
  })

  it('reserves characters before work, refuses over quota with the reset time, settles', async () => {
    const m = meter(freshId('tenant'))
    const quota = (characters: number) => ({
      monthlyCharacters: 100,
      operation: 'summarize' as const,
      characters,
    })
    const first = await m.admit({ key: 'k', rateLimit: null, quota: quota(60) })
    expect(first).toMatchObject({ ok: true, reserved: 60 })
    const refused = await m.admit({ key: 'k', rateLimit: null, quota: quota(50) })
    const period = monthPeriod(new Date())
    expect(refused).toMatchObject({
      ok: false,
      reason: 'quota_exceeded',
      used: 60,
      limit: 100,
      resetAt: period.end,
    })
    // The first request processed only 30 characters: its reservation shrinks to that.
    if (!first.ok) throw new Error('unreachable')
    await m.settle({
      key: 'k',
      operation: 'summarize',
      month: first.month,
      requests: 1,
      characters: 30,
      reserved: 60,
    })
    expect((await m.admit({ key: 'k', rateLimit: null, quota: quota(50) })).ok).toBe(true)
    expect((await m.admit({ key: 'k', rateLimit: null, quota: quota(21) })).ok).toBe(false)
  })

  it('counts a known sequence of calls exactly, per key and per tenant', async () => {
    const m = meter(freshId('tenant'))
    const month = monthPeriod(new Date()).key
    const calls = [
      { key: 'a', operation: 'detect', characters: 11 },
      { key: 'a', operation: 'detect', characters: 12 },
      { key: 'a', operation: 'summarize', characters: 1000 },
      { key: 'a', operation: 'translate', characters: 40 },
      { key: 'b', operation: 'summarize', characters: 5 },
    ] as const
    // Simultaneous, as waitUntil settlements of parallel requests would arrive.
    await Promise.all(calls.map((c) => m.settle({ ...c, requests: 1 })))
    expect(await m.usage({ month, key: 'a' })).toEqual({
      requests: { detect: 2, summarize: 1, translate: 1 },
      characters: { summarize: 1000, translate: 40 },
    })
    expect(await m.usage({ month })).toEqual({
      requests: { detect: 2, summarize: 2, translate: 1 },
      characters: { summarize: 1005, translate: 40 },
    })
    expect(await m.usage({ month: '2001-01', key: 'a' })).toEqual({
      requests: { detect: 0, summarize: 0, translate: 0 },
      characters: { summarize: 0, translate: 0 },
    })
  })
})
