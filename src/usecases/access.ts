/**
 * Key management and usage reports. Who may call these is the edge's decision (the operator's
 * token for keys, any valid key for its own usage); these functions only do the work.
 *
 * @module
 */
import { generateKey, hashKey, isKeyId } from '../access/keys'
import { monthPeriod } from '../access/period'
import { buildKeyRecord, type CreateKeyRequest, type KeyRecord } from '../access/record'
import { type UsageCounters, type UsageReport, usageReport } from '../access/usage'
import { ConfigError } from '../config'
import { UseCaseError } from './errors'

/** The key store as the use cases see it (implemented on KV in `src/adapters/keys-kv.ts`). */
export interface KeyRepository {
  create(record: KeyRecord, hash: string): Promise<void>
  list(tenant?: string): Promise<KeyRecord[]>
  revoke(id: string, at: Date): Promise<KeyRecord | undefined>
}

/** Usage counters of a tenant's meter. */
export type UsageSource = (tenant: string) => {
  usage(query: { month: string; key?: string }): Promise<UsageCounters>
}

function required<T>(port: T | undefined, binding: string): T {
  if (port === undefined) throw new ConfigError(`The ${binding} binding is missing.`)
  return port
}

/** A new key: the record as listed plus the key itself, shown this once. */
export async function createApiKey(
  keys: KeyRepository | undefined,
  body: CreateKeyRequest,
  now: number
): Promise<KeyRecord & { key: string }> {
  const store = required(keys, 'KEYS')
  const { id, key } = generateKey(body.kind)
  const record = buildKeyRecord(body, { id, createdAt: new Date(now) })
  await store.create(record, await hashKey(key))
  return { ...record, key }
}

export async function listApiKeys(
  keys: KeyRepository | undefined,
  tenant: string | undefined
): Promise<KeyRecord[]> {
  return required(keys, 'KEYS').list(tenant)
}

/** @throws UseCaseError `not_found` for an unknown id. */
export async function revokeApiKey(
  keys: KeyRepository | undefined,
  id: string,
  now: number
): Promise<KeyRecord> {
  if (!isKeyId(id)) throw new UseCaseError('not_found', `No key '${id}'.`)
  const revoked = await required(keys, 'KEYS').revoke(id, new Date(now))
  if (revoked === undefined) throw new UseCaseError('not_found', `No key '${id}'.`)
  return revoked
}

/** This month's usage of one key (`key` given) or of a whole tenant. */
export async function usageOf(
  meters: UsageSource | undefined,
  query: { tenant: string; key?: KeyRecord },
  now: number
): Promise<UsageReport> {
  const period = monthPeriod(new Date(now))
  const counters = await required(
    meters,
    'ACCESS_METER'
  )(query.tenant).usage({
    month: period.key,
    ...(query.key ? { key: query.key.id } : {}),
  })
  return usageReport(period, counters, query.key?.monthlyCharacters ?? null)
}
