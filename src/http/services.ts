import type { MiddlewareHandler } from 'hono'
import type { RequestScope, Services } from '../services'
import type { AppEnv } from './env'

/** Builds the request's services from the Worker's bindings. */
export type ServicesFactory = (env: Env, scope: RequestScope) => Services

/** Middleware: puts the request's services (the use cases' dependencies) on `c.var.services`. */
export function provideServices(makeServices: ServicesFactory): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const waitUntil = (promise: Promise<unknown>): void => {
      try {
        c.executionCtx.waitUntil(promise)
      } catch {
        // No execution context (called as a plain function, e.g. in Node tests): let it run.
        void promise
      }
    }
    c.set('services', makeServices(c.env, { waitUntil, requestId: c.get('requestId') }))
    await next()
  }
}
