/**
 * What the meter is asked for one request: which object, which window, which quota.
 *
 * The types are the contract between the HTTP layer and the `AccessMeter` Durable Object; they
 * live here, free of Workers APIs, so both sides and the unit tests share them.
 *
 * @module
 */
import type { Caller } from './authenticate'
import type { RateLimit } from './record'
import { type CharacterOperation, countsCharacters, type MeteredOperation } from './usage'

/** What `AccessMeter.admit` checks for one request. */
export type AdmitRequest = {
  /** Whose window and counters: a key id, or the client address of an anonymous caller. */
  readonly key: string
  readonly rateLimit: RateLimit | null
  /** Characters this request will process, reserved against the month's quota before work. */
  readonly quota: {
    readonly monthlyCharacters: number
    readonly operation: CharacterOperation
    readonly characters: number
  } | null
}

/** The answer of `AccessMeter.admit`. */
export type AdmitResult =
  | {
      readonly ok: true
      /** The month the reservation was booked in (settle in the same one). */
      readonly month: string
      /** Characters reserved (0 without a quota). */
      readonly reserved: number
    }
  | { readonly ok: false; readonly reason: 'rate_limited'; readonly retryAfterSeconds: number }
  | {
      readonly ok: false
      readonly reason: 'quota_exceeded'
      readonly used: number
      readonly limit: number
      /** Start of the next month (ISO 8601), when the quota resets. */
      readonly resetAt: string
      readonly retryAfterSeconds: number
    }

/** What one finished request used, for `AccessMeter.settle`. */
export type Settlement = {
  readonly key: string
  readonly operation: MeteredOperation
  /** The month from {@link AdmitResult}, or omitted for the current one. */
  readonly month?: string
  /** Requests to count (1, or 0 when only releasing a reservation). */
  readonly requests: number
  /** Characters actually processed. */
  readonly characters: number
  /** Characters reserved by `admit` for this request (released and replaced by `characters`). */
  readonly reserved?: number
}

/** The plan for one request: which meter object, and what to ask it (`null`: nothing to check). */
export type Admission = {
  /** Name of the `AccessMeter` object: the tenant, or `anon:<address>`. */
  readonly meter: string
  /** The name the limit is reported under in `RateLimit-Policy`. */
  readonly policy: string
  readonly check: AdmitRequest | null
  /** Whether the request is counted in usage afterwards (keys only). */
  readonly metered: boolean
}

/**
 * The admission of a request by `caller` to `operation` (or to an unmetered route when
 * `operation` is `null`) processing `characters`.
 *
 * - A key: its own rate limit, its quota for character-metered operations, counted in usage.
 * - Anonymous (open mode): `anonPerMinute` requests per minute per client address (0: none),
 *   in an object of its own per address so no single object sees every anonymous request.
 * - The operator: neither limited nor metered.
 */
export function admissionFor(
  caller: Caller,
  operation: MeteredOperation | null,
  characters: number,
  anonPerMinute: number
): Admission {
  switch (caller.kind) {
    case 'operator':
      return { meter: caller.tenant, policy: 'operator', check: null, metered: false }
    case 'anonymous':
      return {
        meter: `anon:${caller.address}`,
        policy: 'anonymous',
        check:
          anonPerMinute > 0
            ? {
                key: caller.address,
                rateLimit: { requests: anonPerMinute, period: 60 },
                quota: null,
              }
            : null,
        metered: false,
      }
    case 'key': {
      const { record } = caller
      const quota =
        operation !== null && countsCharacters(operation) && record.monthlyCharacters !== null
          ? { monthlyCharacters: record.monthlyCharacters, operation, characters }
          : null
      return {
        meter: caller.tenant,
        policy: 'key',
        check:
          record.rateLimit !== null || quota !== null
            ? { key: record.id, rateLimit: record.rateLimit, quota }
            : null,
        metered: operation !== null,
      }
    }
  }
}
