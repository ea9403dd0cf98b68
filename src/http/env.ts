import type { Caller } from '../access/authenticate'
import type { Services } from '../services'

/** The Hono environment of the whole app: bindings plus per-request variables. */
export type AppEnv = {
  Bindings: Env
  Variables: {
    requestId: string
    services: Services
    /** Who is calling (set by the access middleware on `/v1/*`). */
    caller: Caller
  }
}
