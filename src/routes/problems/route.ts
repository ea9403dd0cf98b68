import { createRoute, z } from '@hono/zod-openapi'

const ProblemTypeSchema = z
  .object({
    type: z.string(),
    code: z.string(),
    status: z.number().int(),
    title: z.string(),
    description: z.string(),
  })
  .openapi('ProblemType')

export const problemRoute = createRoute({
  method: 'get',
  path: '/problems/{slug}',
  operationId: 'describeProblem',
  tags: ['Service'],
  summary: 'What a problem `type` means',
  request: { params: z.object({ slug: z.string().max(64) }) },
  responses: {
    200: {
      description: 'Documentation of one problem type.',
      content: { 'application/json': { schema: ProblemTypeSchema } },
    },
  },
})
