import { createRouter } from '../../http/router'
import { candidatesRoute } from './candidates-route'
import { checkRoute } from './check-route'
import {
  candidatesHandler,
  checkHandler,
  deleteHandler,
  getHandler,
  listHandler,
  putHandler,
} from './handler'
import { deleteRoute, getRoute, listRoute, putRoute } from './route'

const router = createRouter()
router.openAPIRegistry.registerComponent('securitySchemes', 'adminToken', {
  type: 'http',
  scheme: 'bearer',
  description: 'The ADMIN_TOKEN secret of the deployment (the operator, tenant `default`).',
})
router.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
  type: 'http',
  scheme: 'bearer',
  description:
    'An API key (`sk_…` secret, `pk_…` publishable), acting for its tenant with its scopes. Optional when the deployment runs with AUTH_MODE=open.',
})

export const glossaryRoutes = router
  .openapi(listRoute, listHandler)
  .openapi(getRoute, getHandler)
  .openapi(putRoute, putHandler)
  .openapi(deleteRoute, deleteHandler)
  .openapi(checkRoute, checkHandler)
  .openapi(candidatesRoute, candidatesHandler)
