import { STATUS_CODES } from 'node:http'

/** One thing wrong with a request: where (`locale`, `where[slug]`, `body`, a field path) and what. */
export type Problem = { path: string; message: string }

/**
 * The one shape of every error Lagon answers, Payload's own (its validation errors, its hooks'
 * refusals), so clients read every error the same way: `errors[0].message`, and
 * `errors[0].data.errors[].path` naming each part at fault where there is one.
 */
export type ErrorBody = { errors: [{ name?: string; message: string; data?: { errors: Problem[] } }] }

type ErrorDetails = { name?: string; problems?: Problem[] }

/** The error body for `message`, naming the parts at fault (`problems`) if any. */
export const errorBody = (message: string, { name, problems }: ErrorDetails = {}): ErrorBody => ({
  errors: [{ ...(name && { name }), message, ...(problems && { data: { errors: problems } }) }],
})

/** An error response: `status` with the error body for `message`. */
export const errorResponse = (status: number, message: string, details: ErrorDetails & { headers?: HeadersInit } = {}): Response =>
  Response.json(errorBody(message, details), { status, headers: details.headers })

/**
 * The name of a refusal with `status` (docs/api.md's table): its reason phrase in one word, so a
 * client branching on `name` tells a 429 from a 400 (`TooManyRequests`, `BadRequest`,
 * `PayloadTooLarge`, `UnsupportedMediaType`, `MethodNotAllowed`, `NotFound`).
 */
export const statusName = (status: number): string => (STATUS_CODES[status] ?? 'Bad Request').replace(/[^A-Za-z]/g, '')

/** An error response for what is wrong with a request, each part at fault named by its path. */
export const problemResponse = (status: number, problems: Problem[], headers?: HeadersInit): Response =>
  errorResponse(status, problems.map((problem) => problem.message).join('; '), {
    name: statusName(status),
    problems,
    headers,
  })
