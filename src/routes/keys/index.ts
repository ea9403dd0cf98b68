import { createRouter } from '../../http/router'
import { createKeyHandler, listKeysHandler, revokeKeyHandler } from './handler'
import { createKeyRoute, listKeysRoute, revokeKeyRoute } from './route'

export const keyRoutes = createRouter()
  .openapi(createKeyRoute, createKeyHandler)
  .openapi(listKeysRoute, listKeysHandler)
  .openapi(revokeKeyRoute, revokeKeyHandler)
