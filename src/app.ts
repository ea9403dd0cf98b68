/**
 * The application: middleware, routes, error handling and the OpenAPI document.
 *
 * @module
 */
import { OpenAPIHono } from '@hono/zod-openapi'
import { Scalar } from '@scalar/hono-api-reference'
import { bodyLimit } from 'hono/body-limit'
import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import { ConfigError } from './config'
import type { AppEnv } from './http/env'
import { allowedMethods } from './http/methods'
import { ApiError, problemResponse, toApiError } from './http/problem'
import { validationHook } from './http/validation'
import { detectRoutes } from './routes/detect'
import { glossaryRoutes } from './routes/glossaries'
import { healthRoutes } from './routes/health'
import { problemRoutes } from './routes/problems'
import { summarizeRoutes } from './routes/summarize'
import { translateRoutes } from './routes/translate'
import { createServices, type RequestScope, type Services } from './services'
import { API_VERSION } from './version'

export type AppOptions = {
  /** Replaces the composition root (tests inject fakes here). */
  readonly createServices?: (env: Env, scope: RequestScope) => Services
}

export function createApp(options: AppOptions = {}) {
  const makeServices = options.createServices ?? createServices
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })

  app.use('*', requestId({ limitLength: 128 }))
  app.use('*', secureHeaders({ crossOriginResourcePolicy: false }))
  app.use('*', async (c, next) => {
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
  })
  // The limit is enforced on the raw stream (or Content-Length) before anything parses the body.
  app.use('*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const maxSize = c.var.services.config.maxBodyBytes
    return bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError(
          'payload_too_large',
          `The request body is over the limit of ${maxSize} bytes.`
        )
      },
    })(c, next)
  })

  // Chained so that the type of `routes` carries every route's schema (see `AppType`).
  const routes = app
    .route('/', healthRoutes)
    .route('/', detectRoutes)
    .route('/', summarizeRoutes)
    .route('/', glossaryRoutes)
    .route('/', translateRoutes)
    .route('/', problemRoutes)

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Précis API',
      version: API_VERSION,
      description:
        'Language detection, extractive summaries with glossary terminology, and translation for newsrooms. Errors are RFC 9457 problem details (`application/problem+json`).',
    },
    tags: [
      {
        name: 'Summaries',
        description: 'Extractive summaries in several lengths, with offsets and scores.',
      },
      { name: 'Language', description: 'Language detection.' },
      {
        name: 'Translation',
        description:
          'Translation through Apertium, Workers AI (M2M-100) or DeepL with the glossary enforced, and a terminology report computed from each output.',
      },
      {
        name: 'Glossaries',
        description:
          'Terminology per concept and language: bundled from the repository or managed here (admin token), exported as TSV, CSV, TBX or JSON, and checked against texts.',
      },
      { name: 'Service', description: 'Health and problem documentation.' },
    ],
  })
  app.get('/docs', Scalar({ url: '/openapi.json', pageTitle: 'Précis API reference' }))

  app.notFound((c) => {
    const allowed = allowedMethods(app.routes, c.req.path)
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
  })

  app.onError((error, c) => {
    if (error instanceof ConfigError) {
      console.error(
        JSON.stringify({
          event: 'configuration_error',
          requestId: c.get('requestId'),
          error: error.message,
        })
      )
      return problemResponse(
        c,
        new ApiError('configuration_error', 'The service is misconfigured.')
      )
    }
    const apiError = toApiError(error)
    // A 5xx ApiError was thrown on purpose (e.g. an engine failure, logged where it happened).
    if (apiError.status >= 500 && !(error instanceof ApiError)) {
      // We did not expect this: log everything we know, answer without internals.
      console.error(
        JSON.stringify({
          event: 'unhandled_error',
          requestId: c.get('requestId'),
          path: c.req.path,
          error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
          stack: error instanceof Error ? error.stack : undefined,
        })
      )
    }
    return problemResponse(c, apiError)
  })

  return routes
}

/** The API's routes and schemas as a type, for the typed client (`src/client.ts`). */
export type AppType = ReturnType<typeof createApp>
