import { GraphQLError, type ExecutionArgs, type ValidationRule } from 'graphql'

/** What Payload's GraphQL route gives each operation as its context. */
type Context = { req?: { user?: unknown } }

/**
 * Introspection (`__schema`, `__type`) in production for signed-in staff and API keys only: the
 * tools that generate types (graphql-codegen, get-graphql-schema) run as one of them, while an
 * anonymous client still learns nothing about the schema beyond what it asks. The committed
 * schema (src/graphql/schema.graphql) serves those without a key. In development, anyone.
 * It replaces Payload's `disableIntrospectionInProduction`, which refuses everyone.
 */
export const introspectionForStaffAndKeys =
  (args: ExecutionArgs): ValidationRule =>
  (context) => ({
    Field(node) {
      if (node.name.value !== '__schema' && node.name.value !== '__type') return
      if (process.env.NODE_ENV !== 'production' || (args.contextValue as Context | undefined)?.req?.user) return
      context.reportError(new GraphQLError('GraphQL introspection needs a signed-in user or an API key.', { nodes: [node] }))
    },
  })
