import { createRouter } from '../../http/router'
import { summarizeHandler } from './handler'
import { summarizeRoute } from './route'

export { MAX_SUMMARY_TARGETS, type SummarizeResponse } from './schemas'

export const summarizeRoutes = createRouter().openapi(summarizeRoute, summarizeHandler)
