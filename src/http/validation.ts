/**
 * Turns zod issues into the `errors[]` of a 422 `invalid_request` problem.
 *
 * @module
 */
import type { Hook } from '@hono/zod-openapi'
import type { z } from 'zod'
import type { AppEnv } from './env'
import { ApiError, type FieldError, toPointer } from './problem'

/** Zod issues → `[{ pointer, message }]`, one per issue, pointers into the request part. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    pointer: toPointer(issue.path),
    message: issue.message,
  }))
}

/**
 * The shared validation hook of every router: a body, query or path parameter that does not
 * match its schema is a 422 naming each bad field.
 */
// biome-ignore lint/suspicious/noExplicitAny: zod-openapi's Hook is generic over every route's input.
export const validationHook: Hook<any, AppEnv, any, any> = (result) => {
  if (!result.success) {
    const errors = fieldErrors(result.error as z.ZodError)
    const fields = [...new Set(errors.map((e) => e.pointer))].join(', ')
    throw new ApiError('invalid_request', `The request does not match the schema (${fields}).`, {
      errors,
    })
  }
}
