/**
 * Access control for Précis: API keys, scopes, rate limits and usage metering (pure parts).
 *
 * @module
 */
export * from './admission'
export * from './authenticate'
export * from './keys'
export * from './period'
export * from './rate-limit'
export * from './record'
export * from './scopes'
export * from './usage'
