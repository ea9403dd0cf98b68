// The pinned reference bundle, imported as text through the `Text` rule in wrangler.toml.
declare module '*/standalone.js' {
  const source: string
  // biome-ignore lint/style/noDefaultExport: a Text module has only a default export.
  export default source
}
