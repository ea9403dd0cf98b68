import type { RouteHandler } from '@hono/zod-openapi'
import { isTenant } from '../../access/record'
import type { AppEnv } from '../../http/env'
import { ApiError } from '../../http/problem'
import { accessPorts } from '../../services'
import { usageOf } from '../../usecases/access'
import type { usageRoute } from './route'

export const usageHandler: RouteHandler<typeof usageRoute, AppEnv> = async (c) => {
  const { tenant } = c.req.valid('query')
  const caller = c.var.caller
  const meters = accessPorts(c.env).meter
  const now = c.var.services.now()
  if (tenant !== undefined) {
    if (caller.kind !== 'operator') {
      throw new ApiError(
        'insufficient_scope',
        'Only the operator token may read a tenant’s usage.',
        {
          extensions: { scope: 'admin' },
        }
      )
    }
    if (!isTenant(tenant)) {
      throw new ApiError('invalid_request', 'tenant is not a tenant name.', {
        errors: [{ pointer: '#/tenant', message: 'must be 1–63 of a-z, 0-9 and -' }],
      })
    }
    return c.json(await usageOf(meters, { tenant }, now), 200, { 'Cache-Control': 'no-store' })
  }
  if (caller.kind !== 'key') {
    throw new ApiError(
      caller.kind === 'anonymous' ? 'unauthorized' : 'invalid_request',
      caller.kind === 'anonymous'
        ? 'Usage is per key: send Authorization: Bearer <key>.'
        : 'The operator has no usage of its own: ask for ?tenant=<tenant>.',
      caller.kind === 'anonymous'
        ? { headers: { 'WWW-Authenticate': 'Bearer realm="precis"' } }
        : { errors: [{ pointer: '#/tenant', message: 'required with the operator token' }] }
    )
  }
  const report = await usageOf(meters, { tenant: caller.tenant, key: caller.record }, now)
  return c.json(report, 200, { 'Cache-Control': 'no-store' })
}
