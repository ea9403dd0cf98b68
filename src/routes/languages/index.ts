import { createRouter } from '../../http/router'
import { languagesHandler } from './handler'
import { languagesRoute } from './route'

export const languageRoutes = createRouter().openapi(languagesRoute, languagesHandler)
