import type { RouteHandler } from '@hono/zod-openapi'
import type { AppEnv } from '../../http/env'
import { ApiError, fromUseCaseError, PROBLEMS } from '../../http/problem'
import type { UseCaseError } from '../../usecases/errors'
import { listEngineLanguages } from '../../usecases/languages'
import type { languagesRoute } from './route'

/** An engine's failure as listed next to it: its problem code, status and detail. */
function describeError(error: UseCaseError) {
  return { code: error.code, status: PROBLEMS[error.code].status, detail: error.detail }
}

export const languagesHandler: RouteHandler<typeof languagesRoute, AppEnv> = async (c) => {
  const { provider } = c.req.valid('query')
  const out = await listEngineLanguages(c.var.services, provider)
  const providers = out.providers.map(({ error, ...rest }) => ({
    ...rest,
    ...(error ? { error: describeError(error) } : {}),
  }))
  if (out.failure) {
    // Nobody answered: the endpoint cannot say anything useful, so it is the engine's problem.
    const problem = fromUseCaseError(out.failure)
    throw new ApiError(problem.code, problem.detail, {
      ...problem.options,
      extensions: { ...problem.options.extensions, providers },
    })
  }
  return c.json({ defaultProvider: out.defaultProvider, providers }, 200, {
    'Cache-Control': out.complete ? 'public, max-age=300' : 'no-store',
  })
}
