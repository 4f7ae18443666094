type GraphQLError = { extensions?: { statusCode?: number } }
type GraphQLBody = { data?: Record<string, unknown> | null; errors?: GraphQLError[] }

type Handler<Context> = (request: Request, context: Context) => Promise<Response>

/**
 * Payload answers every GraphQL error with HTTP 200. A client's mistake should read as one:
 * a request that could not run (syntax, unknown field, mistyped variable) is a 400, and an
 * operation whose every field failed with a client error takes that error's status.
 */
export const withGraphQLErrorStatus =
  <Context>(handler: Handler<Context>): Handler<Context> =>
  async (request, context) => {
    const response = await handler(request, context)
    if (response.status !== 200 || !response.headers.get('content-type')?.includes('json')) return response
    const text = await response.text()
    const rebuild = (status: number) =>
      new Response(text, { status, statusText: '', headers: response.headers })
    let body: GraphQLBody
    try {
      body = JSON.parse(text) as GraphQLBody
    } catch {
      return rebuild(200)
    }
    if (!body.errors?.length) return rebuild(200)
    if (!('data' in body) || body.data === null) return rebuild(400)
    const everyFieldFailed = Object.values(body.data ?? {}).every((value) => value === null)
    const statuses = body.errors.map((error) => error.extensions?.statusCode ?? 500)
    if (everyFieldFailed && statuses.every((status) => status >= 400 && status < 500)) {
      return rebuild(Math.max(...statuses))
    }
    return rebuild(200)
  }
