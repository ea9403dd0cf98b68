import { createRouter } from '../../http/router'
import { detectHandler } from './handler'
import { detectRoute } from './route'

export const detectRoutes = createRouter().openapi(detectRoute, detectHandler)
