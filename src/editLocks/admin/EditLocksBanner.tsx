'use client'

import { useEffect, useRef, useState } from 'react'

import type { Claim } from '../parts'
import type { ConflictField, ConflictFields } from './conflictFields'
import { ConflictView, type ConflictText, type RefusedSave } from './ConflictView'

type Text = {
  localeHeldBy: string
  sharedHeldBy: string
  sharedReleased: string
  reload: string
  takeOver: string
  takeOverHint: string
  conflict: ConflictText
}

type Props = {
  collection: string
  id: string
  locale: string
  /** Editors and admins hold the shared part when it is free; translators never do. */
  claimShared: boolean
  renewMs: number
  sharedFields: string[]
  /** The fields of each part, labelled, for the conflict view. */
  conflictFields: ConflictFields
  text: Text
}

/** The innermost field wrapper around a shared field's input: greyed out and unclickable. */
const readOnlyStyle = (fields: string[]): string =>
  fields
    .map((name) => `.field-type:has(#field-${name}):not(:has(.field-type #field-${name}))`)
    .join(',\n')
    .concat(' { pointer-events: none; opacity: 0.55; }')

/** Claims (or renews) the parts: who holds each part of the document now, or null if refused. */
const claimParts = async (url: string, shared: boolean, takeOver = false): Promise<Claim[] | null> => {
  const response = await fetch(`${url}&shared=${shared ? 1 : 0}${takeOver ? '&takeOver=1' : ''}`, { method: 'POST', credentials: 'include' })
  if (!response.ok) return null
  return ((await response.json()) as { claims: Claim[] }).claims
}

type Conflict = { refused: RefusedSave; fields: ConflictField[]; shared: boolean }

const requestUrl = (input: RequestInfo | URL): URL =>
  new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, window.location.href)

/**
 * The edit view's save of this document (in this locale) that the server refused because someone
 * else holds a part it writes (423, naming the part and who holds it) or because the document
 * changed since (412); undefined for any other response.
 */
const refusedSave = async (input: RequestInfo | URL, init: RequestInit | undefined, response: Response, documentPath: string, locale: string) => {
  if (response.status !== 423 && response.status !== 412) return undefined
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase()
  const url = requestUrl(input)
  const savedLocale = url.searchParams.get('locale')
  if (method !== 'PATCH' || url.pathname !== documentPath || (savedLocale !== null && savedLocale !== locale)) return undefined
  const body = (await response.clone().json().catch(() => null)) as { errors?: { data?: { holder?: unknown } }[] } | null
  const holder = body?.errors?.find((error) => error.data)?.data?.holder
  const payload = init?.body instanceof FormData ? init.body.get('_payload') : null
  const status = typeof payload === 'string' ? (JSON.parse(payload) as { _status?: unknown })._status : undefined
  return {
    url: url.href,
    method,
    ...(typeof status === 'string' && { status }),
    ...(typeof holder === 'string' && { holder }),
  } satisfies RefusedSave
}

/**
 * Claims this person's part of the document while the edit view is open (renewed every
 * `renewMs`, given back on leaving), and tells them who holds a part they cannot save, with a
 * take-over button. Taking over reloads the page: the form then holds the latest saved values.
 * When a save of this view is refused because someone took its part over, shows the conflict view.
 */
export const EditLocksBanner = ({ collection, id, locale, claimShared, renewMs, sharedFields, conflictFields, text }: Props) => {
  const [claims, setClaims] = useState<Claim[] | null>(null)
  const [conflict, setConflict] = useState<Conflict | null>(null)
  const documentPath = `/api/${collection}/${id}`
  const url = `${documentPath}/edit-locks?locale=${locale}`
  const holdsShared = Boolean(claims?.some((part) => part.part === 'shared' && part.mine))
  // For the renewal timer, which outlives renders.
  const holdsSharedNow = useRef(false)
  // Whether this view's form was the shared fields' holder's: its saves write them too.
  const heldShared = useRef(false)
  useEffect(() => {
    holdsSharedNow.current = holdsShared
    if (holdsShared) heldShared.current = true
  }, [holdsShared])

  // Payload's form gives no hook on a refused save (it shows a toast): the view watches its own
  // document's saves, while it is open, to explain a refusal with the conflict view.
  useEffect(() => {
    const original = window.fetch
    let watched = true
    const watching: typeof window.fetch = async (input, init) => {
      const response = await original(input, init)
      const refused = watched && (await refusedSave(input, init, response, documentPath, locale).catch(() => undefined))
      if (refused) {
        const shared = heldShared.current
        setConflict((open) => open ?? { refused, shared, fields: [...conflictFields.locale, ...(shared ? conflictFields.shared : [])] })
      }
      return response
    }
    window.fetch = watching
    return () => {
      // Another view (a drawer's) may have wrapped it since: this one then only passes through.
      watched = false
      if (window.fetch === watching) window.fetch = original
    }
  }, [conflictFields, documentPath, locale])

  useEffect(() => {
    let open = true
    const update = (now: Claim[] | null) => {
      if (open && now) setClaims(now)
    }
    const release = () => {
      void fetch(url, { method: 'DELETE', credentials: 'include', keepalive: true })
    }
    void claimParts(url, claimShared).then(update)
    // A renewal keeps the shared part if held, never takes it later: the form's shared values
    // would be those of when the view opened.
    const timer = setInterval(() => void claimParts(url, holdsSharedNow.current).then(update), renewMs)
    window.addEventListener('pagehide', release)
    return () => {
      open = false
      clearInterval(timer)
      window.removeEventListener('pagehide', release)
      release()
    }
  }, [claimShared, renewMs, url])

  const takeOver = async () => {
    if (await claimParts(url, claimShared, true)) window.location.reload()
  }

  const conflictView = conflict && (
    <ConflictView
      documentUrl={documentPath}
      locale={locale}
      refused={conflict.refused}
      fields={conflict.fields}
      takeBack={() => claimParts(url, conflict.shared, true)}
      onKept={(now) => {
        setClaims(now)
        setConflict(null)
      }}
      text={text.conflict}
    />
  )
  if (!claims) return conflictView
  const localeHolder = claims.find((part) => part.part === locale && !part.mine)
  const sharedHolder = claims.find((part) => part.part === 'shared' && !part.mine)
  const sharedReadOnly = claimShared && !holdsShared
  const notices = [
    localeHolder && { part: locale, message: text.localeHeldBy.replace('{holder}', localeHolder.holder.name), holder: localeHolder.holder.name },
    claimShared && sharedHolder && { part: 'shared', message: text.sharedHeldBy.replace('{holder}', sharedHolder.holder.name), holder: sharedHolder.holder.name },
    sharedReadOnly && !sharedHolder && { part: 'shared', message: text.sharedReleased, holder: '' },
  ].filter((notice) => Boolean(notice)) as { part: string; message: string; holder: string }[]
  return (
    <div className="edit-locks" data-holds={claims.filter((part) => part.mine).map((part) => part.part).join(' ')}>
      {sharedReadOnly && sharedFields.length > 0 && <style>{readOnlyStyle(sharedFields)}</style>}
      {conflictView}
      {notices.map((notice) => (
        <div key={notice.part} className="edit-locks__notice" role="status" data-part={notice.part} data-holder={notice.holder}>
          <p>{notice.message}</p>
          {notice.holder ? (
            <button type="button" className="btn btn--style-secondary btn--size-small edit-locks__take-over" title={text.takeOverHint} onClick={takeOver}>
              {text.takeOver}
            </button>
          ) : (
            <button type="button" className="btn btn--style-secondary btn--size-small edit-locks__reload" onClick={takeOver}>
              {text.reload}
            </button>
          )}
        </div>
      ))}
    </div>
  )
}
