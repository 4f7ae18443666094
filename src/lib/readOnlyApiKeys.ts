import { Kind } from 'graphql'

import { presentsApiKey } from '@/access/apiKeys'
import { parsedDocument } from '@/api/graphqlDocument'
import { errorResponse } from '@/api/problems'
import { graphqlMaxTokens } from '@/api/settings'

type Handler<Context> = (request: Request, context: Context) => Promise<Response>

const refused = () => errorResponse(403, 'API keys are read-only.', { headers: { 'cache-control': 'no-store' } })

/**
 * A request with an API key never writes. Access rules already refuse keys in our collections,
 * but some of Payload's own writes skip access control (preferences, token refresh): this guard
 * at the route refuses every non-read method outright. Payload's POST-as-GET (long queries) stays.
 */
export const withReadOnlyApiKeys =
  <Context>(handler: Handler<Context>): Handler<Context> =>
  (request, context) =>
    presentsApiKey(request.headers) && request.headers.get('x-payload-http-method-override') !== 'GET'
      ? Promise.resolve(refused())
      : handler(request, context)

/** The document as the API's policy parsed it (graphqlDocument.ts); Payload reports one that does not parse. */
const writesData = (query: unknown): boolean => {
  if (typeof query !== 'string') return false
  try {
    return parsedDocument(query, graphqlMaxTokens).definitions.some(
      (definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.operation !== 'query',
    )
  } catch {
    return false
  }
}

/** GraphQL runs reads and writes through one POST: keys get queries only. */
export const withQueriesOnlyForApiKeys =
  <Context>(handler: Handler<Context>): Handler<Context> =>
  async (request, context) => {
    if (!presentsApiKey(request.headers)) return handler(request, context)
    const body = (await request
      .clone()
      .json()
      .catch(() => null)) as { query?: unknown } | null
    return writesData(body?.query) ? refused() : handler(request, context)
  }
