import { createRouter } from '../../http/router'
import { problemHandler } from './handler'
import { problemRoute } from './route'

export const problemRoutes = createRouter().openapi(problemRoute, problemHandler)
