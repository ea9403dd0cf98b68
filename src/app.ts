/**
 * The application: middleware, routes, error handling and the OpenAPI document.
 *
 * @module
 */
import { OpenAPIHono } from '@hono/zod-openapi'
import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import { corsPolicy, enforceIdentity, identify } from './http/access'
import { requestBodyLimit } from './http/body-limit'
import type { AppEnv } from './http/env'
import { errorHandler } from './http/error-handler'
import { methodNotAllowed } from './http/method-not-allowed'
import { provideServices, type ServicesFactory } from './http/services'
import { validationHook } from './http/validation'
import { detectRoutes } from './routes/detect'
import { docsRoutes } from './routes/docs'
import { glossaryRoutes } from './routes/glossaries'
import { healthRoutes } from './routes/health'
import { jobBodyLimit, jobRoutes } from './routes/jobs'
import { keyRoutes } from './routes/keys'
import { languageRoutes } from './routes/languages'
import { problemRoutes } from './routes/problems'
import { summarizeRoutes } from './routes/summarize'
import { translateRoutes } from './routes/translate'
import { usageRoutes } from './routes/usage'
import { createServices } from './services'
import { API_VERSION } from './version'

export type AppOptions = {
  /** Replaces the composition root (tests inject fakes here). */
  readonly createServices?: ServicesFactory
}

export function createApp(options: AppOptions = {}) {
  const makeServices = options.createServices ?? createServices
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })

  app.use('*', requestId({ limitLength: 128 }))
  app.use('*', secureHeaders({ crossOriginResourcePolicy: false }))
  app.use('*', provideServices(makeServices))
  // Who is calling, then CORS (which may depend on the caller's key), then refusals.
  app.use('/v1/*', identify())
  app.use('/v1/*', corsPolicy())
  app.use('/v1/*', enforceIdentity())
  app.use('*', requestBodyLimit(jobBodyLimit))

  // Chained so that the type of `routes` carries every route's schema (see `AppType`).
  const routes = app
    .route('/', healthRoutes)
    .route('/', detectRoutes)
    .route('/', summarizeRoutes)
    .route('/', glossaryRoutes)
    .route('/', translateRoutes)
    .route('/', languageRoutes)
    .route('/', keyRoutes)
    .route('/', usageRoutes)
    .route('/', jobRoutes)
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
      {
        name: 'Access',
        description:
          'API keys (operator) and usage. Every /v1 route takes `Authorization: Bearer <key>`; with AUTH_MODE=required it is mandatory.',
      },
      {
        name: 'Jobs',
        description:
          'Background jobs: thousands of items through summarize, detect, translate or check, processed from a queue, results paged as NDJSON, optional signed callback.',
      },
      { name: 'Service', description: 'Health and problem documentation.' },
    ],
  })
  // The reference UI, served entirely from this Worker (see src/routes/docs/page.ts).
  app.route('/', docsRoutes)

  app.notFound(methodNotAllowed(() => app.routes))
  app.onError(errorHandler())

  return routes
}

/** The API's routes and schemas as a type, for the typed client (`src/client.ts`). */
export type AppType = ReturnType<typeof createApp>
