import { createApp } from './app'

export { AccessMeter } from './objects/access-meter'
export { GlossaryWriter } from './objects/glossary-writer'

const app = createApp()

// biome-ignore lint/style/noDefaultExport: the Workers runtime loads the default export.
export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>
