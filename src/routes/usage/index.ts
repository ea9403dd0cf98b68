import { createRouter } from '../../http/router'
import { usageHandler } from './handler'
import { usageRoute } from './route'

export const usageRoutes = createRouter().openapi(usageRoute, usageHandler)
