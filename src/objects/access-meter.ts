/**
 * `AccessMeter`: one Durable Object per tenant that rate-limits keys exactly, enforces monthly
 * character quotas, and counts usage.
 *
 * Why an object and not KV or the Rate Limiting binding: KV allows one write per second per key
 * and is eventually consistent, so counters would lose increments and quotas could be overrun;
 * the binding's limits are fixed per binding in wrangler.toml and counted per location and
 * approximately, so it cannot honour a `rateLimit` chosen per key at run time. An object is
 * single-threaded and strongly consistent, so each check below is exact — at the price of one
 * round trip to the object per checked request (requests of keys with neither a rate limit nor a
 * quota skip the check and are only counted, after the response).
 *
 * Each method runs its SQL synchronously with no `await` in between, so no other request can
 * interleave: check-and-record is atomic without explicit transactions.
 *
 * Storage (SQLite):
 * - `hits(key, at)`: instants (ms) of admitted requests, one row each, for the sliding log; rows
 *   older than a key's window are pruned whenever that key is checked;
 * - `usage(month, key, operation, requests, characters)`: the counters.
 *
 * @module
 */
import { DurableObject } from 'cloudflare:workers'
import type { AdmitRequest, AdmitResult, Settlement } from '../access/admission'
import { monthPeriod } from '../access/period'
import { decide } from '../access/rate-limit'
import type { RateLimit } from '../access/record'
import { countersFromRows, totalCharacters, type UsageCounters } from '../access/usage'

export class AccessMeter extends DurableObject<Env> {
  private readonly sql: SqlStorage

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env)
    this.sql = ctx.storage.sql
    this.sql.exec(`CREATE TABLE IF NOT EXISTS hits (key TEXT NOT NULL, at INTEGER NOT NULL)`)
    this.sql.exec(`CREATE INDEX IF NOT EXISTS hits_by_key ON hits (key, at)`)
    this.sql.exec(
      `CREATE TABLE IF NOT EXISTS usage (
        month TEXT NOT NULL, key TEXT NOT NULL, operation TEXT NOT NULL,
        requests INTEGER NOT NULL DEFAULT 0, characters INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (month, key, operation))`
    )
  }

  /**
   * Checks a request against the key's rate limit, then its monthly quota, and books it:
   * an admitted request takes a slot in the window and reserves its characters. A request
   * refused by the quota still took its rate-limit slot (it was a request), so hammering with
   * over-quota calls is throttled like any other.
   */
  admit(request: AdmitRequest): AdmitResult {
    const now = Date.now()
    const month = monthPeriod(new Date(now))
    if (request.rateLimit !== null) {
      const decision = this.checkRate(request.key, request.rateLimit, now)
      if (!decision.allowed) {
        return { ok: false, reason: 'rate_limited', retryAfterSeconds: decision.retryAfterSeconds }
      }
      this.sql.exec('INSERT INTO hits (key, at) VALUES (?, ?)', request.key, now)
    }
    if (request.quota === null) return { ok: true, month: month.key, reserved: 0 }

    const used = totalCharacters(this.counters(month.key, request.key))
    const { monthlyCharacters, operation, characters } = request.quota
    if (used + characters > monthlyCharacters) {
      return {
        ok: false,
        reason: 'quota_exceeded',
        used,
        limit: monthlyCharacters,
        resetAt: month.end,
        retryAfterSeconds: Math.max(1, Math.ceil((Date.parse(month.end) - now) / 1000)),
      }
    }
    this.add(month.key, request.key, operation, 0, characters)
    return { ok: true, month: month.key, reserved: characters }
  }

  /** Counts a finished request and replaces its reservation with what it really used. */
  settle(s: Settlement): void {
    const month = s.month ?? monthPeriod(new Date()).key
    this.add(month, s.key, s.operation, s.requests, s.characters - (s.reserved ?? 0))
  }

  /** Counters of one key, or of the whole tenant when `key` is omitted. */
  usage(query: { readonly month: string; readonly key?: string }): UsageCounters {
    return this.counters(query.month, query.key)
  }

  private checkRate(key: string, limit: RateLimit, now: number) {
    const windowStart = now - limit.period * 1000
    this.sql.exec('DELETE FROM hits WHERE key = ? AND at <= ?', key, windowStart)
    const inWindow = this.sql
      .exec<{ n: number }>('SELECT COUNT(*) AS n FROM hits WHERE key = ?', key)
      .one().n
    if (inWindow < limit.requests) return decide(limit, inWindow, 0, now)
    // A slot frees when the (inWindow - requests + 1)-th oldest entry leaves the window (more
    // than one when the key's limit was lowered after the entries were booked).
    const oldest = this.sql
      .exec<{ at: number }>(
        'SELECT at FROM hits WHERE key = ? ORDER BY at LIMIT 1 OFFSET ?',
        key,
        inWindow - limit.requests
      )
      .one().at
    return decide(limit, inWindow, oldest + limit.period * 1000, now)
  }

  private counters(month: string, key?: string): UsageCounters {
    const rows =
      key === undefined
        ? this.sql.exec<{ operation: string; requests: number; characters: number }>(
            'SELECT operation, SUM(requests) AS requests, SUM(characters) AS characters FROM usage WHERE month = ? GROUP BY operation',
            month
          )
        : this.sql.exec<{ operation: string; requests: number; characters: number }>(
            'SELECT operation, requests, characters FROM usage WHERE month = ? AND key = ?',
            month,
            key
          )
    return countersFromRows(rows)
  }

  private add(month: string, key: string, op: string, requests: number, characters: number) {
    // `characters` is negative when a reservation is released for less than was reserved.
    this.sql.exec(
      `INSERT INTO usage (month, key, operation, requests, characters)
         VALUES (?1, ?2, ?3, ?4, MAX(0, ?5))
       ON CONFLICT (month, key, operation) DO UPDATE SET
         requests = requests + ?4,
         characters = MAX(0, characters + ?5)`,
      month,
      key,
      op,
      requests,
      characters
    )
  }
}
