import type { CollectionSlug, PayloadRequest } from 'payload'

import { hasRole } from '@/access/roles'
import { isLocale, sourceLocale as defaultSourceLocale, type Locale } from '@/lib/locales'
import { messagesOfRequest } from '@/messages'
import { canonicalJson, fingerprint } from '@/translation/fingerprint'
import { translatableContent, type TranslatableContent } from '@/translation/sourceContent'
import { translatableFields } from '@/translation/translatableFields'
import type { WorkflowStatus } from '@/translation/statuses'

import { readInLocale } from './readInLocale'
import { readerCollections } from '@/lib/readerCollections'

export const translatedCollections = readerCollections
export type TranslatedCollection = (typeof translatedCollections)[number]

export const isTranslatedCollection = (value: unknown): value is TranslatedCollection =>
  typeof value === 'string' && (translatedCollections as readonly string[]).includes(value)

/** A refused translation request: the endpoint answers `status` with `message`. */
export class TranslationRequestError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message)
  }
}

/** Why a translation request is refused, in the language of whoever asks (src/messages/). */
export const refusals = (req: Partial<PayloadRequest> | undefined) => messagesOfRequest(req).translationRefusals

/** The `translation` group of one locale (see src/fields/translation.ts). */
export type TranslationState = {
  status?: WorkflowStatus | null
  assignee?: unknown
  sourceFingerprint?: string | null
  sourceSnapshot?: TranslatableContent | null
  machine?: Record<string, string> | null
  /** The provider of the last machine run (`opencc`: converted, `deepl`: machine-translated). */
  machineProvider?: string | null
  translatedAt?: string | null
}

type StoredDoc = Record<string, unknown> & {
  id: number | string
  sourceLocale?: string | null
  sourceFingerprint?: string | null
  translation?: TranslationState | null
}

/** A document in its source locale and in one target locale, as translation reads it. */
export type TranslationPair = {
  collection: TranslatedCollection
  id: number | string
  sourceLocale: Locale
  targetLocale: Locale
  source: TranslatableContent
  target: TranslatableContent
  /** The document's `sourceFingerprint` (kept as of the last non-minor edit), or that of its current source. */
  sourceFingerprint: string
  state: TranslationState
  targetDoc: StoredDoc
}

/** Staff may translate; a translator only into the locales they work in. */
export const mayTranslateInto = (user: PayloadRequest['user'], locale: string): boolean => {
  if (hasRole(user, 'admin', 'editor')) return true
  if (!hasRole(user, 'translator')) return false
  const locales = (user as { locales?: string[] | null } | null)?.locales ?? []
  return locales.includes(locale)
}

/** Refuses (401/403) anyone but staff. */
export const assertStaff = (req: PayloadRequest): void => {
  if (!req.user) throw new TranslationRequestError(refusals(req).logIn, 401)
  if (!hasRole(req.user, 'admin', 'editor', 'translator')) throw new TranslationRequestError(refusals(req).staffOnly, 403)
}

/** Refuses (401/403) anyone who may not translate into `locale`; a CLI call (no request user) passes. */
export const assertMayTranslate = (req: PayloadRequest, locale: string, cli = false): void => {
  if (cli) return
  assertStaff(req)
  if (!mayTranslateInto(req.user, locale)) {
    throw new TranslationRequestError(`locale: ${refusals(req).mayNotTranslateInto(locale)}`, 403)
  }
}

export const fieldsOf = (req: PayloadRequest, collection: TranslatedCollection) =>
  translatableFields(req.payload.collections[collection].config.fields)

/** Reads what translating `id` into `targetLocale` needs; refuses an unknown document or locale. */
export const readTranslationPair = async (
  req: PayloadRequest,
  collection: TranslatedCollection,
  id: number | string,
  targetLocale: string,
): Promise<TranslationPair> => {
  const refused = refusals(req)
  if (!isLocale(targetLocale)) throw new TranslationRequestError(`locale: ${refused.notALocale(targetLocale)}`)
  const numericId = typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id
  if (typeof numericId !== 'number') throw new TranslationRequestError(`id: ${refused.notADocumentId(String(id))}`)
  const first = (await readInLocale(req, collection, numericId, targetLocale)) as StoredDoc | null
  if (!first) throw new TranslationRequestError(`id: ${refused.noDocument(collection, String(id))}`, 404)
  const sourceLocale = isLocale(first.sourceLocale) ? first.sourceLocale : defaultSourceLocale
  if (targetLocale === sourceLocale) {
    throw new TranslationRequestError(`locale: ${refused.isSourceLocale(targetLocale, collection, String(id))}`)
  }
  const sourceDoc = (await readInLocale(req, collection, numericId, sourceLocale)) as StoredDoc
  const fields = fieldsOf(req, collection)
  const source = translatableContent(sourceDoc, fields)
  return {
    collection,
    id: numericId,
    sourceLocale,
    targetLocale,
    source,
    target: translatableContent(first, fields),
    sourceFingerprint: (typeof sourceDoc.sourceFingerprint === 'string' && sourceDoc.sourceFingerprint) || fingerprint(source),
    state: first.translation ?? {},
    targetDoc: first,
  }
}

/**
 * The fingerprint a translation records it was made from: the document's own when the
 * translation is of the whole current source, else that of the mix of sources it was made from
 * (a person's field kept from an older source), which reads as outdated.
 */
const madeFromFingerprint = (pair: TranslationPair, snapshot: TranslatableContent): string =>
  canonicalJson(snapshot) === canonicalJson(pair.source) ? pair.sourceFingerprint : fingerprint(snapshot)

/** Sets a translatable value at its stable key (`offers.<row id>.name`) in a document. */
const setAtKey = (doc: Record<string, unknown>, key: string, value: unknown): void => {
  const segments = key.split('.')
  let node: unknown = doc
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1
    if (Array.isArray(node)) {
      const row = node.find((candidate: { id?: unknown }) => String(candidate?.id) === segment) ?? node[Number(segment)]
      node = row
      return
    }
    const record = node as Record<string, unknown>
    if (last) record[segment] = value
    else {
      if (record[segment] === null || record[segment] === undefined) record[segment] = {}
      node = record[segment]
    }
  })
}

/**
 * Saves translated values as a needs-review DRAFT of the target locale (the published version
 * stays as it is until someone publishes), recording the machine fingerprints and the source it
 * was made from. Only the top-level fields that hold a changed value are sent, taken whole from
 * the target locale's own draft so nothing else moves.
 */
export const saveTranslationDraft = async (
  req: PayloadRequest,
  pair: TranslationPair,
  values: Map<string, unknown>,
  { machine, snapshot, provider }: { machine: Record<string, string>; snapshot: TranslatableContent; provider?: string },
  { cli = false }: { cli?: boolean } = {},
): Promise<void> => {
  const state: TranslationState = {
    status: 'needs-review',
    machine,
    sourceSnapshot: snapshot,
    sourceFingerprint: madeFromFingerprint(pair, snapshot),
    translatedAt: new Date().toISOString(),
    ...(provider ? { machineProvider: provider } : {}),
  }
  const doc = structuredClone(pair.targetDoc)
  for (const [key, value] of values) setAtKey(doc, key, value)
  const data: Record<string, unknown> = {}
  for (const key of values.keys()) {
    const top = key.split('.')[0]!
    data[top] = doc[top]
  }
  const { assignee, ...rest } = { ...(pair.state ?? {}), ...state }
  data.translation = { ...rest, assignee: assignee && typeof assignee === 'object' ? (assignee as { id: unknown }).id : assignee }
  await req.payload.update({
    collection: pair.collection as CollectionSlug,
    id: pair.id,
    locale: pair.targetLocale,
    fallbackLocale: false,
    draft: true,
    data,
    depth: 0,
    overrideAccess: cli,
    req,
  })
}
