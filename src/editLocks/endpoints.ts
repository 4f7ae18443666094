import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'

import { hasRole } from '@/access/roles'
import { isTranslator, translatorLocales } from '@/access/translators'
import { errorResponse } from '@/api/problems'
import { isStoredId } from '@/api/whereValues'
import { isLocale, type Locale } from '@/lib/locales'

import { sharedPart, type Part } from './parts'
import { claimParts, releaseParts, type Holder } from './store'

const noStore = { 'cache-control': 'no-store' }

class EditLockRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly path?: string,
  ) {
    super(message)
  }
}

const refusal = (error: EditLockRequestError): Response =>
  errorResponse(error.status, error.message, {
    problems: error.path ? [{ path: error.path, message: error.message }] : undefined,
    headers: noStore,
  })

/** The person asking, their locale and the document: refused unless they may edit that locale of it. */
const editorOfLocale = async (req: PayloadRequest): Promise<{ holder: Holder; locale: Locale; collection: string; id: number }> => {
  const user = req.user as { id?: number; name?: string; email?: string; collection?: string } | null
  if (!user) throw new EditLockRequestError('Log in to edit.', 401)
  if (user.collection !== 'users' || !hasRole(req.user, 'admin', 'editor', 'translator')) throw new EditLockRequestError('Staff only.', 403)
  const locale = req.searchParams.get('locale')
  if (!isLocale(locale)) throw new EditLockRequestError(`locale: expected one of zh, en, fr, got "${locale ?? ''}".`, 400, 'locale')
  if (isTranslator(req.user) && !translatorLocales(req.user).includes(locale)) {
    throw new EditLockRequestError(`locale: translators edit only their locales (${translatorLocales(req.user).join(', ') || 'none'}).`, 403, 'locale')
  }
  const collection = String(req.routeParams?.collection ?? '')
  const rawId = req.routeParams?.id
  const exists =
    isStoredId(rawId) &&
    (await req.payload.count({ collection: collection as CollectionSlug, where: { id: { equals: Number(rawId) } }, overrideAccess: true, req })).totalDocs > 0
  if (!exists) throw new EditLockRequestError('Not Found', 404)
  return { holder: { id: Number(user.id), name: user.name || user.email || String(user.id) }, locale, collection, id: Number(rawId) }
}

const yes = (value: string | null): boolean => value === '1' || value === 'true'

/**
 * `POST /api/{collection}/{id}/edit-locks?locale=fr[&shared=1][&takeOver=1]`: claims (or renews)
 * the locale's part of the document for the person asking, and with `shared` the part every
 * locale shares (editors and admins only: a translator never changes shared fields). A part
 * someone else holds stays theirs unless `takeOver`. Answers who holds each part now (200), the
 * admin's edit view shows it. Staff only; a translator only in their locales.
 */
export const claimEditLocksEndpoint: Endpoint = {
  path: '/:id/edit-locks',
  method: 'post',
  handler: async (req) => {
    try {
      const { holder, locale, collection, id } = await editorOfLocale(req)
      const shared = yes(req.searchParams.get('shared'))
      if (shared && isTranslator(req.user)) throw new EditLockRequestError('shared: only an editor edits the fields every locale shares.', 403, 'shared')
      const parts: Part[] = shared ? [locale, sharedPart] : [locale]
      const claims = await claimParts(req, collection, id, holder, parts, yes(req.searchParams.get('takeOver')))
      return Response.json({ claims }, { headers: noStore })
    } catch (error) {
      if (error instanceof EditLockRequestError) return refusal(error)
      throw error
    }
  },
}

/**
 * `DELETE /api/{collection}/{id}/edit-locks?locale=fr`: gives back the locale's part and the
 * shared part, if the person asking holds them (the admin calls it when the edit view closes).
 */
export const releaseEditLocksEndpoint: Endpoint = {
  path: '/:id/edit-locks',
  method: 'delete',
  handler: async (req) => {
    try {
      const { holder, locale, collection, id } = await editorOfLocale(req)
      await releaseParts(req, collection, id, holder.id, [locale, sharedPart])
      return new Response(null, { status: 204, headers: noStore })
    } catch (error) {
      if (error instanceof EditLockRequestError) return refusal(error)
      throw error
    }
  },
}
