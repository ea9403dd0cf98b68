/**
 * Who is calling, and may they do this? The decisions behind the auth middleware, free of HTTP
 * plumbing so every branch is unit-tested.
 *
 * Three kinds of caller:
 * - a **key** (`Authorization: Bearer sk_…|pk_…`), looked up by the SHA-256 of the presented
 *   key, acting for its tenant with its scopes;
 * - the **operator** (`Authorization: Bearer <ADMIN_TOKEN>`), acting for tenant `default` with
 *   every scope, and managing keys;
 * - the **anonymous** caller (no `Authorization`, `open` mode only), acting for tenant
 *   `default` with every scope but `glossaries:write`, limited per client address.
 *
 * @module
 */
import { hashKey, parseKey } from './keys'
import { DEFAULT_TENANT, type KeyRecord } from './record'
import { originAllowed, SCOPES, type Scope } from './scopes'

/** `required`: every request needs credentials; `open`: a request without any is anonymous. */
export type AuthMode = 'required' | 'open'

export type Caller =
  | { readonly kind: 'key'; readonly tenant: string; readonly record: KeyRecord }
  | { readonly kind: 'operator'; readonly tenant: typeof DEFAULT_TENANT }
  | { readonly kind: 'anonymous'; readonly tenant: typeof DEFAULT_TENANT; readonly address: string }

/** Why a request was refused before any scope was considered. */
export type AuthFailure =
  | { readonly code: 'unauthorized'; readonly detail: string }
  | { readonly code: 'origin_not_allowed'; readonly detail: string }

export type AuthOutcome =
  | { readonly ok: true; readonly caller: Caller }
  | ({ readonly ok: false } & AuthFailure)

/** What {@link authenticate} needs from the request and the deployment. */
export type AuthInput = {
  readonly mode: AuthMode
  /** The `Authorization` header, as sent. */
  readonly authorization: string | undefined
  /** The `Origin` header, as sent. */
  readonly origin: string | undefined
  /** The client address (`CF-Connecting-IP`), for anonymous limits. */
  readonly address: string
  /** The operator's `ADMIN_TOKEN`, when configured. */
  readonly adminToken: string | undefined
  /** Looks a key record up by hash. */
  readonly findByHash: (hash: string) => Promise<KeyRecord | undefined>
}

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i

/**
 * Constant-time equality of two secrets: both are hashed first, so neither their content nor
 * their length shows in the time taken.
 */
export async function secretsEqual(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([hashKey(a), hashKey(b)])
  let difference = 0
  for (let i = 0; i < x.length; i++) difference |= x.charCodeAt(i) ^ y.charCodeAt(i)
  return difference === 0
}

/**
 * Identifies the caller. Keys are accepted only in `Authorization: Bearer`; a key is checked
 * the same way in both modes (an invalid key is never downgraded to anonymous).
 */
export async function authenticate(input: AuthInput): Promise<AuthOutcome> {
  if (input.authorization === undefined || input.authorization.trim() === '') {
    if (input.mode === 'open') {
      return {
        ok: true,
        caller: { kind: 'anonymous', tenant: DEFAULT_TENANT, address: input.address },
      }
    }
    return fail('unauthorized', 'An API key is required: send Authorization: Bearer <key>.')
  }
  const token = BEARER.exec(input.authorization)?.[1]
  if (token === undefined) {
    return fail('unauthorized', 'Send the key as Authorization: Bearer <key>.')
  }
  const parsed = parseKey(token)
  if (parsed === undefined) {
    // Not key-shaped: the operator's token, or nothing valid.
    if (input.adminToken !== undefined && input.adminToken !== '') {
      if (await secretsEqual(token, input.adminToken)) {
        return { ok: true, caller: { kind: 'operator', tenant: DEFAULT_TENANT } }
      }
    }
    return fail('unauthorized', 'The bearer token is not a valid API key.')
  }
  const record = await input.findByHash(await hashKey(token))
  // The id inside the key must be the record's: a record found under another key's hash would
  // be a storage bug, and refusing it is the safe answer.
  if (record === undefined || record.id !== parsed.id || record.kind !== parsed.kind) {
    return fail('unauthorized', 'Unknown API key.')
  }
  if (record.revokedAt !== null) {
    return fail('unauthorized', `API key ${record.id} was revoked at ${record.revokedAt}.`)
  }
  if (record.kind === 'publishable' && !originAllowed(record.origins, input.origin)) {
    return fail(
      'origin_not_allowed',
      input.origin === undefined
        ? `Publishable key ${record.id} is for browsers: the request has no Origin.`
        : `Publishable key ${record.id} is not allowed from origin ${input.origin}.`
    )
  }
  return { ok: true, caller: { kind: 'key', tenant: record.tenant, record } }
}

function fail(code: AuthFailure['code'], detail: string): AuthOutcome {
  return { ok: false, code, detail }
}

/** The scopes a caller holds. */
export function scopesOf(caller: Caller): readonly Scope[] {
  switch (caller.kind) {
    case 'key':
      return caller.record.scopes
    case 'operator':
      return SCOPES
    case 'anonymous':
      return SCOPES.filter((s) => s !== 'glossaries:write')
  }
}

/**
 * Whether `caller` may use `scope`: `ok`, or the refusal. An anonymous caller lacking a scope
 * is asked for credentials (401); a key lacking it is told which scope it needs (403).
 */
export function authorize(
  caller: Caller,
  scope: Scope
):
  | { readonly ok: true }
  | {
      readonly ok: false
      readonly code: 'unauthorized' | 'insufficient_scope'
      readonly detail: string
    } {
  if (scopesOf(caller).includes(scope)) return { ok: true }
  if (caller.kind === 'anonymous') {
    return {
      ok: false,
      code: 'unauthorized',
      detail: `This needs the ${scope} scope: send Authorization: Bearer <key>.`,
    }
  }
  return {
    ok: false,
    code: 'insufficient_scope',
    detail: `This key lacks the ${scope} scope.`,
  }
}
