/**
 * 405 support: Hono answers an unknown method on a known path with "not found", so the app
 * looks up which methods the path does have and answers 405 with `Allow`.
 *
 * @module
 */
import type { NotFoundHandler } from 'hono'
import type { AppEnv } from './env'
import { ApiError, problemResponse } from './problem'

type RouteLike = { readonly method: string; readonly path: string }

/** `true` when a Hono route pattern (`/v1/glossaries/:id`, `/docs/*`) matches `path`. */
function patternMatches(pattern: string, path: string): boolean {
  const want = pattern.split('/').filter(Boolean)
  const have = path.split('/').filter(Boolean)
  for (let i = 0; i < want.length; i++) {
    const part = want[i] as string
    if (part === '*') return true
    const segment = have[i]
    if (segment === undefined) return false
    if (!part.startsWith(':') && part !== segment) return false
  }
  return want.length === have.length
}

/**
 * The methods registered for `path`, excluding middleware (`ALL`). Empty when the path is
 * unknown. `HEAD` is implied by `GET`.
 */
export function allowedMethods(routes: readonly RouteLike[], path: string): string[] {
  const methods = new Set<string>()
  for (const route of routes) {
    if (route.method === 'ALL') continue
    if (patternMatches(route.path, path)) methods.add(route.method.toUpperCase())
  }
  if (methods.has('GET')) methods.add('HEAD')
  return [...methods].sort()
}

/**
 * The app's not-found handler: 405 with `Allow` when the path exists under other methods (Hono
 * itself answers those with "not found"), else 404. Pass the app's route list (`app.routes`).
 */
export function methodNotAllowed(routes: () => readonly RouteLike[]): NotFoundHandler<AppEnv> {
  return (c) => {
    const allowed = allowedMethods(routes(), c.req.path)
    if (allowed.length > 0) {
      return problemResponse(
        c,
        new ApiError('method_not_allowed', `${c.req.method} is not allowed on ${c.req.path}.`, {
          headers: { Allow: allowed.join(', ') },
        })
      )
    }
    return problemResponse(
      c,
      new ApiError('not_found', `No route for ${c.req.method} ${c.req.path}.`)
    )
  }
}
