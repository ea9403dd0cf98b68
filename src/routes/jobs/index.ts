import type { Context } from 'hono'
import { createRouter } from '../../http/router'
import { MAX_JSON_JOB_BYTES } from '../../jobs/model'
import { cancelJobHandler, createJobHandler, getJobHandler, jobResultsHandler } from './handler'
import { cancelJobRoute, createJobRoute, getJobRoute, jobResultsRoute } from './route'

export const jobRoutes = createRouter()
  .openapi(createJobRoute, createJobHandler)
  .openapi(getJobRoute, getJobHandler)
  .openapi(jobResultsRoute, jobResultsHandler)
  .openapi(cancelJobRoute, cancelJobHandler)

/**
 * The body limit of job submissions: 10 MB of JSON, and no buffering at all for NDJSON (the
 * handler streams it into R2 and enforces its 100 MB limit itself). Other routes: the default.
 */
export function jobBodyLimit(c: Context): number | 'stream' | undefined {
  if (c.req.method !== 'POST' || c.req.path !== '/v1/jobs') return undefined
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
  return type === 'application/x-ndjson' ? 'stream' : MAX_JSON_JOB_BYTES
}
