import { createRouter } from '../../http/router'
import { healthHandler } from './handler'
import { healthRoute } from './route'

export const healthRoutes = createRouter().openapi(healthRoute, healthHandler)
