/**
 * `npm run client:generate` — writes `packages/client/src/api.generated.ts`, the types of the
 * packaged client, from the OpenAPI document the Worker serves at `/openapi.json`.
 *
 * The document is taken from the app itself, in process: `src/app.ts` is bundled with esbuild
 * (the reference bundle loaded as text, as the Worker's `Text` rule does) and asked for
 * `/openapi.json`. So the client's types come from the same zod schemas the routes validate
 * with, and `npm run generated:check` (which calls `renderClientModule`) fails when a route
 * changed and this file was not regenerated.
 *
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { type OpenApiDocument, renderClientTypes } from './openapi-to-ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const CLIENT_TYPES_PATH = path.join(ROOT, 'packages/client/src/api.generated.ts')

type AppModule = {
  createApp: () => {
    request: (path: string, init: object, env: object) => Response | Promise<Response>
  }
}

/** The OpenAPI document of the current source tree. */
export async function loadOpenApiDocument(): Promise<OpenApiDocument> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'src/app.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'reference-bundle-as-text',
        setup(b) {
          b.onLoad({ filter: /api-reference\/dist\/browser\/standalone\.js$/ }, (args) => ({
            contents: readFileSync(args.path, 'utf8'),
            loader: 'text',
          }))
        },
      },
    ],
  })
  const code = result.outputFiles[0]?.text
  if (code === undefined) throw new Error('esbuild wrote no bundle of src/app.ts')
  const module = (await import(
    `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
  )) as AppModule
  // The document does not depend on bindings; the configuration only has to parse.
  const response = await module.createApp().request('/openapi.json', {}, { AUTH_MODE: 'open' })
  if (response.status !== 200) {
    throw new Error(`/openapi.json answered ${response.status}: ${await response.text()}`)
  }
  return (await response.json()) as OpenApiDocument
}

export async function renderClientModule(): Promise<string> {
  return renderClientTypes(await loadOpenApiDocument(), 'scripts/client/generate.ts')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(CLIENT_TYPES_PATH, await renderClientModule())
  console.log(`wrote ${path.relative(ROOT, CLIENT_TYPES_PATH)}`)
}
