'use client'

import { useEffect, useRef, useState } from 'react'

import type { Claim } from '../parts'

type Text = { localeHeldBy: string; sharedHeldBy: string; sharedReleased: string; reload: string; takeOver: string; takeOverHint: string }

type Props = {
  collection: string
  id: string
  locale: string
  /** Editors and admins hold the shared part when it is free; translators never do. */
  claimShared: boolean
  renewMs: number
  sharedFields: string[]
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

/**
 * Claims this person's part of the document while the edit view is open (renewed every
 * `renewMs`, given back on leaving), and tells them who holds a part they cannot save, with a
 * take-over button. Taking over reloads the page: the form then holds the latest saved values.
 */
export const EditLocksBanner = ({ collection, id, locale, claimShared, renewMs, sharedFields, text }: Props) => {
  const [claims, setClaims] = useState<Claim[] | null>(null)
  const url = `/api/${collection}/${id}/edit-locks?locale=${locale}`
  const holdsShared = Boolean(claims?.some((part) => part.part === 'shared' && part.mine))
  // For the renewal timer, which outlives renders.
  const holdsSharedNow = useRef(false)
  useEffect(() => {
    holdsSharedNow.current = holdsShared
  }, [holdsShared])

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

  if (!claims) return null
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
