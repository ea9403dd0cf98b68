/**
 * `AI` is bound only in the deployment (wrangler.production.toml); `wrangler types` reads the local
 * wrangler.toml, which has no Workers AI binding, so the optional binding is declared here.
 */
declare namespace Cloudflare {
  interface Env {
    AI?: Ai
  }
}
