// Values vitest.config.ts provides to the worker tests (`inject('ci')`): a module augmentation.
import 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    ci: boolean
    apertiumUrl: string
    /** ../shared/examples/article-c5.txt, or '' when the shared folder is absent. */
    exampleArticle: string
  }
}
