import type { RouteHandler } from '@hono/zod-openapi'
import type { KeyRecord } from '../../access/record'
import type { AppEnv } from '../../http/env'
import { accessPorts } from '../../services'
import { createApiKey, listApiKeys, revokeApiKey } from '../../usecases/access'
import type { createKeyRoute, listKeysRoute, revokeKeyRoute } from './route'

/** A key as listed: named fields only (never the hash), arrays copied. */
function listed(r: KeyRecord) {
  return {
    id: r.id,
    tenant: r.tenant,
    name: r.name,
    kind: r.kind,
    scopes: [...r.scopes],
    origins: [...r.origins],
    rateLimit: r.rateLimit ? { requests: r.rateLimit.requests, period: r.rateLimit.period } : null,
    monthlyCharacters: r.monthlyCharacters,
    createdAt: r.createdAt,
    revokedAt: r.revokedAt,
  }
}

export const createKeyHandler: RouteHandler<typeof createKeyRoute, AppEnv> = async (c) => {
  const created = await createApiKey(
    accessPorts(c.env).keys,
    c.req.valid('json'),
    c.var.services.now()
  )
  return c.json({ ...listed(created), key: created.key }, 201, { 'Cache-Control': 'no-store' })
}

export const listKeysHandler: RouteHandler<typeof listKeysRoute, AppEnv> = async (c) => {
  const { tenant } = c.req.valid('query')
  const keys = await listApiKeys(accessPorts(c.env).keys, tenant)
  return c.json({ keys: keys.map(listed) }, 200, { 'Cache-Control': 'no-store' })
}

export const revokeKeyHandler: RouteHandler<typeof revokeKeyRoute, AppEnv> = async (c) => {
  await revokeApiKey(accessPorts(c.env).keys, c.req.valid('param').id, c.var.services.now())
  return c.body(null, 204)
}
