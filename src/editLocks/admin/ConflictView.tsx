'use client'

import { useForm } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import type { Claim } from '../parts'
import type { ConflictField } from './conflictFields'
import { differences, type FieldDifference } from './conflictValues'

export type ConflictText = {
  title: string
  takenOver: string
  changed: string
  field: string
  mine: string
  theirs: string
  same: string
  empty: string
  rows: string
  keepMine: string
  keepMineHint: string
  loadTheirs: string
  confirmLoadTheirs: string
  loading: string
  failed: string
}

/** A save of the edit view the server refused: 423 (someone else holds the part) or 412. */
export type RefusedSave = { url: string; method: string; status?: string; holder?: string }

type Props = {
  /** The document's REST address, `/api/{collection}/{id}`. */
  documentUrl: string
  locale: string
  refused: RefusedSave
  fields: ConflictField[]
  /** Takes the parts this view held back from whoever holds them now. */
  takeBack: () => Promise<Claim[] | null>
  onKept: (claims: Claim[]) => void
  text: ConflictText
}

const errorMessage = async (response: Response): Promise<string> => {
  const body = (await response.json().catch(() => null)) as { errors?: { message?: string }[] } | null
  return body?.errors?.[0]?.message ?? `${response.status} ${response.statusText}`
}

/**
 * Reloads the page without Payload's "leave without saving?" question: the person has just
 * confirmed dropping their changes. Runs before Payload's own handler (capture, on the target).
 */
const reloadDroppingChanges = () => {
  window.addEventListener('beforeunload', (event) => event.stopImmediatePropagation(), { capture: true })
  window.location.reload()
}

/**
 * What the edit view shows when its save was refused because someone else took its part over:
 * field by field, the person's unsaved value next to the one saved now, and two ways out.
 * "Keep mine" takes the part back and saves the form's values again over the newest revision;
 * "Load theirs" reloads the document (after a confirm), dropping the unsaved values.
 */
export const ConflictView = ({ documentUrl, locale, refused, fields, takeBack, onKept, text }: Props) => {
  const { getData, setModified } = useForm()
  const [rows, setRows] = useState<FieldDifference[] | null>(null)
  const [failure, setFailure] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let open = true
    const compare = async () => {
      const response = await fetch(`${documentUrl}?locale=${locale}&draft=true&depth=0&fallback-locale=null`, { credentials: 'include' })
      if (!response.ok) throw new Error(await errorMessage(response))
      const saved = (await response.json()) as Record<string, unknown>
      if (open) setRows(differences(fields, getData(), saved, text.rows))
    }
    compare().catch((error: Error) => open && setFailure(text.failed.replace('{message}', error.message)))
    return () => {
      open = false
    }
  }, [documentUrl, locale, fields, getData, text])

  const keepMine = async () => {
    setBusy(true)
    setFailure('')
    try {
      const claims = await takeBack()
      if (!claims) throw new Error(`${documentUrl}/edit-locks`)
      // The refused save again (its address says draft or not, and the locale), with the form's values now.
      const body = new FormData()
      body.append('_payload', JSON.stringify({ ...getData(), ...(refused.status && { _status: refused.status }) }))
      const response = await fetch(refused.url, { method: refused.method, body, credentials: 'include' })
      if (!response.ok) throw new Error(await errorMessage(response))
      setModified(false)
      onKept(claims)
    } catch (error) {
      setFailure(text.failed.replace('{message}', (error as Error).message))
    } finally {
      setBusy(false)
    }
  }

  const loadTheirs = () => {
    if (!window.confirm(text.confirmLoadTheirs)) return
    setModified(false)
    reloadDroppingChanges()
  }

  const intro = refused.holder ? text.takenOver.replace('{holder}', refused.holder) : text.changed
  return (
    <section className="edit-conflict" role="alertdialog" aria-labelledby="edit-conflict-title" style={{ border: '1px solid var(--theme-error-500)', borderRadius: 4, padding: '1rem', margin: '0 0 1.5rem' }}>
      <h3 id="edit-conflict-title">{text.title}</h3>
      <p>{intro}</p>
      {!rows && !failure && <p>{text.loading}</p>}
      {rows && rows.length === 0 && <p className="edit-conflict__same">{text.same}</p>}
      {rows && rows.length > 0 && (
        <table className="edit-conflict__fields" style={{ width: '100%', borderCollapse: 'collapse', margin: '0 0 1rem' }}>
          <thead>
            <tr>
              <th style={{ textAlign: 'start' }}>{text.field}</th>
              <th style={{ textAlign: 'start' }}>{text.mine}</th>
              <th style={{ textAlign: 'start' }}>{text.theirs}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.name} data-field={row.name} style={{ verticalAlign: 'top', borderTop: '1px solid var(--theme-elevation-150)' }}>
                <th scope="row" style={{ textAlign: 'start', paddingInlineEnd: '1rem' }}>{row.label}</th>
                <td className="edit-conflict__mine" style={{ whiteSpace: 'pre-wrap', paddingInlineEnd: '1rem' }}>{row.mine || text.empty}</td>
                <td className="edit-conflict__theirs" style={{ whiteSpace: 'pre-wrap' }}>{row.theirs || text.empty}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {failure && <p className="edit-conflict__failure" role="alert">{failure}</p>}
      <button type="button" className="btn btn--style-primary btn--size-small edit-conflict__keep-mine" title={text.keepMineHint} disabled={busy} onClick={keepMine}>
        {text.keepMine}
      </button>{' '}
      <button type="button" className="btn btn--style-secondary btn--size-small edit-conflict__load-theirs" disabled={busy} onClick={loadTheirs}>
        {text.loadTheirs}
      </button>
    </section>
  )
}
