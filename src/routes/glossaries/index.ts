import { createRouter } from '../../http/router'
import {
  candidatesHandler,
  checkHandler,
  deleteHandler,
  getHandler,
  listHandler,
  putHandler,
} from './handler'
import { candidatesRoute, checkRoute, deleteRoute, getRoute, listRoute, putRoute } from './route'

const router = createRouter()
router.openAPIRegistry.registerComponent('securitySchemes', 'adminToken', {
  type: 'http',
  scheme: 'bearer',
  description: 'The ADMIN_TOKEN secret of the deployment.',
})

export const glossaryRoutes = router
  .openapi(listRoute, listHandler)
  .openapi(getRoute, getHandler)
  .openapi(putRoute, putHandler)
  .openapi(deleteRoute, deleteHandler)
  .openapi(checkRoute, checkHandler)
  .openapi(candidatesRoute, candidatesHandler)
