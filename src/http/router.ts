import { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from './env'
import { validationHook } from './validation'

/** Every router comes from here, so none forgets the shared validation hook. */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
}
