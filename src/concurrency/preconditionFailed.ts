import { APIError, type PayloadRequest } from 'payload'

import { revisionEtag } from '@/api/httpCaching'
import { messagesOfRequest } from '@/messages'

/** Its own name, for `loggingLevels`: a client's stale copy is not the server's error. */
export class PreconditionFailed extends APIError {
  constructor(message: string, data: Record<string, unknown>) {
    super(message, 412, data, true)
    this.name = 'PreconditionFailed'
  }
}

/**
 * A save whose `If-Match` names an older revision: 412, in the language of whoever asks (the
 * admin's, or Accept-Language), naming the header and giving the current revision and its ETag
 * (also as the response's ETag header) so the client can reload and retry.
 */
export const preconditionFailed = (req: PayloadRequest, collection: string, id: number | string, revision: number): never => {
  const etag = revisionEtag(collection, id, revision)
  req.responseHeaders = new Headers(req.responseHeaders)
  req.responseHeaders.set('ETag', etag)
  const message = messagesOfRequest(req).concurrency.preconditionFailed(revision)
  throw new PreconditionFailed(message, { errors: [{ path: 'If-Match', message }], revision, etag })
}
