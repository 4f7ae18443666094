import {
  APIError,
  AuthenticationError,
  ErrorDeletingFile,
  FileRetrievalError,
  FileUploadError,
  Forbidden,
  Locked,
  LockedAuth,
  MissingFile,
  NotFound,
  QueryError,
  UnauthorizedError,
  UnverifiedEmail,
  ValidationError,
  type AfterErrorHook,
} from 'payload'

/**
 * Payload names its errors after their class (`this.constructor.name`), and a production build
 * minifies class names: `where[nope]` answered `"name":"a"`. Clients branch on these names, so
 * each error class a client can meet is named here, by the class itself, as docs/api.md lists them.
 */
const payloadErrors: [abstract new (...args: never[]) => Error, string][] = [
  [APIError, 'APIError'],
  [AuthenticationError, 'AuthenticationError'],
  [ErrorDeletingFile, 'ErrorDeletingFile'],
  [FileRetrievalError, 'FileRetrievalError'],
  [FileUploadError, 'FileUploadError'],
  [Forbidden, 'Forbidden'],
  [Locked, 'Locked'],
  [LockedAuth, 'LockedAuth'],
  [MissingFile, 'MissingFile'],
  [NotFound, 'NotFound'],
  [QueryError, 'QueryError'],
  [UnauthorizedError, 'UnauthorizedError'],
  [UnverifiedEmail, 'UnverifiedEmail'],
  [ValidationError, 'ValidationError'],
]

/**
 * The name a client sees for an error: Payload's classes by identity (the exact class, so that a
 * subclass of ours keeps the name it gives itself, like PreconditionFailed), else its own name.
 */
export const stableErrorName = (error: Error): string | undefined =>
  payloadErrors.find(([errorClass]) => error.constructor === errorClass)?.[1] ?? (error instanceof APIError ? error.name : undefined)

const statusOf = (error: Error): number => (error instanceof APIError ? error.status : 500)

/**
 * Names every client-facing error the same way on REST (`errors[].name`) and GraphQL
 * (`errors[].extensions.name`), in development and in a minified production build. Errors of the
 * server itself (5xx) are left as Payload hides them.
 */
export const stableErrorNames: AfterErrorHook = ({ error, graphqlResult, result }) => {
  const original = (error as Error & { originalError?: Error }).originalError ?? error
  const name = stableErrorName(original)
  if (!name || statusOf(original) >= 500) return
  if (graphqlResult) return { graphqlResult: { ...graphqlResult, extensions: { ...graphqlResult.extensions, name } } }
  if (result?.errors?.length === 1) return { response: { ...result, errors: [{ ...result.errors[0], name }] } }
}
