import { createRouter } from '../../http/router'
import { translateHandler } from './handler'
import { translateRoute } from './route'

export {
  MAX_TRANSLATE_ITEM_LENGTH,
  MAX_TRANSLATE_ITEMS,
  MAX_TRANSLATE_TOTAL_LENGTH,
  type TranslateResponse,
} from './schemas'

export const translateRoutes = createRouter().openapi(translateRoute, translateHandler)
