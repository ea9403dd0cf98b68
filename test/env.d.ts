// Types `exports` from 'cloudflare:workers' with the main module's exports.
declare namespace Cloudflare {
  interface GlobalProps {
    mainModule: typeof import('../src/index')
  }
}
