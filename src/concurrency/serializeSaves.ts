import type {
  CollectionAfterOperationHook,
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  CollectionSlug,
  PayloadRequest,
} from 'payload'

import { isStoredId } from '@/api/whereValues'
import { matchesIfMatch, revisionEtag } from '@/api/httpCaching'

import { lockAndCountSave, versionParent } from './lockRows'
import { preconditionFailed } from './preconditionFailed'
import { lockedRevision, rememberRevision } from './revisions'
import type { SaveArguments as SaveArgs } from '@/hooks/saveArguments'


/** The request is a REST call on this very document (not a save nested in another one's hooks). */
const isRouteDocument = (req: PayloadRequest, collection: string, id: unknown): boolean =>
  req.payloadAPI === 'REST' && req.routeParams?.collection === collection && String(req.routeParams.id) === String(id)

/**
 * Whether the request's `If-Match` is a precondition on this save: a REST save of the document its
 * URL names, or a GraphQL mutation of one document by id (a request whose mutations save several
 * documents lists each one's ETag; every document saved by id must match one of them).
 */
const ifMatchApplies = (req: PayloadRequest, collection: string, id: unknown): boolean =>
  isRouteDocument(req, collection, id) || (req.payloadAPI === 'GraphQL' && id !== undefined && id !== null)

/** The ids a save will write: its document, a restored version's document, or what a bulk update matches. */
const savedIds = async (req: PayloadRequest, collection: string, operation: string, args: SaveArgs): Promise<number[]> => {
  if (args.id !== undefined && args.id !== null) {
    if (!isStoredId(args.id)) return [] // rejectMalformedId's 404
    if (operation === 'restoreVersion') {
      const parent = await versionParent(req, collection, args.id)
      return parent === undefined ? [] : [parent]
    }
    return [Number(args.id)]
  }
  const { docs } = await req.payload.find({
    collection: collection as CollectionSlug,
    where: args.where,
    draft: args.draft,
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: {},
    req: { ...req },
  })
  return docs.map((doc) => Number(doc.id))
}

/**
 * Saves of one document take turns: each locks the document's row, in its own transaction,
 * before Payload reads the document it merges the save's data into (Payload starts the
 * transaction just before this hook, and reads right after it). Without this, two saves read the
 * same document, and the one that writes last undoes the other's fields, in every locale. A REST
 * or GraphQL save that sends `If-Match` with an older revision is refused (412) instead. Runs before the
 * hooks that read the stored document (draftSavesStayDrafts, guardTranslatorChanges).
 */
export const serializeSaves: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'update' && operation !== 'restoreVersion') return args
  const save = args as SaveArgs
  const ids = (await savedIds(req, collection.slug, operation, save)).filter((id) => lockedRevision(req, collection.slug, id) === undefined)
  if (ids.length > 0) {
    const revisions = await lockAndCountSave(req, collection.slug, ids)
    revisions.forEach((revision, id) => rememberRevision(req, collection.slug, id, revision))
    const ifMatch = req.headers?.get('if-match')
    const revision = revisions.get(ids[0]!)
    if (ifMatch && operation === 'update' && revision !== undefined && ifMatchApplies(req, collection.slug, save.id)) {
      if (!matchesIfMatch(ifMatch, revisionEtag(collection.slug, ids[0]!, revision - 1))) preconditionFailed(req, collection.slug, ids[0]!, revision - 1)
    }
  }
  // The revision is the save's to set (stampRevision), never the client's.
  if (save.data && 'revision' in save.data) {
    const { revision: _ignored, ...data } = save.data
    return { ...args, data }
  }
  return args
}

/** Writes the revision `serializeSaves` counted into the document (and into its version). */
export const stampRevision: CollectionBeforeChangeHook = ({ collection, data, operation, originalDoc, req }) => {
  if (operation === 'create') return { ...data, revision: 1 }
  const revision = originalDoc?.id === undefined ? undefined : lockedRevision(req, collection.slug, originalDoc.id as number)
  return revision === undefined ? data : { ...data, revision }
}

/** A REST read or save of one document answers with its revision's ETag (for `If-Match`). */
export const etagOfRevision: CollectionAfterOperationHook = ({ collection, operation, req, result }) => {
  if (operation !== 'findByID' && operation !== 'updateByID') return result
  const doc = result as { id?: number | string; revision?: unknown } | null
  if (!doc || typeof doc.revision !== 'number' || !isRouteDocument(req, collection.slug, doc.id)) return result
  req.responseHeaders = new Headers(req.responseHeaders)
  req.responseHeaders.set('ETag', revisionEtag(collection.slug, doc.id!, doc.revision))
  return result
}
