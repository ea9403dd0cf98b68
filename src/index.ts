import { createApp } from './app'

const app = createApp()

// biome-ignore lint/style/noDefaultExport: the Workers runtime loads the default export.
export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>
