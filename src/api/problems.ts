/** One thing wrong with a request: where (`locale`, `where[slug]`, `body`, a field path) and what. */
export type Problem = { path: string; message: string }

/**
 * An error response shaped like Payload's own validation errors, so clients read every 400 the
 * same way: `errors[0].message`, and `errors[0].data.errors[].path` naming each part at fault.
 */
export const problemResponse = (status: number, problems: Problem[], headers?: HeadersInit): Response =>
  Response.json(
    {
      errors: [
        {
          name: status === 404 ? 'NotFound' : 'BadRequest',
          message: problems.map((problem) => problem.message).join('; '),
          data: { errors: problems },
        },
      ],
    },
    { status, headers },
  )
