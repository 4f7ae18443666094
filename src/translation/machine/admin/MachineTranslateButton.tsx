'use client'

import { Button, useConfig, useDocumentInfo, useFormFields, useLocale, useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { adminLanguage, type AdminText } from '@/lib/adminLabels'
import { sourceLocale as defaultSourceLocale } from '@/lib/locales'

import { machineTranslationMessages as messages } from './messages'

type Availability = { configured: boolean } | null

/**
 * The sidebar button of a document opened in a target locale: machine-translates it into a
 * needs-review draft through `POST /api/{collection}/{id}/machine-translate`. Says so when the
 * server has no provider configured.
 */
export const MachineTranslateButton = () => {
  const { i18n } = useTranslation()
  const { config } = useConfig()
  const { id, collectionSlug } = useDocumentInfo()
  const locale = useLocale()
  const sourceLocale = useFormFields(([fields]) => fields.sourceLocale?.value as string | undefined)
  const [availability, setAvailability] = useState<Availability>(null)
  const [state, setState] = useState<{ busy: boolean; message?: string; error?: boolean }>({ busy: false })
  const text = (entry: AdminText) => entry[adminLanguage(i18n.language)]
  const api = `${config.serverURL ?? ''}${config.routes.api}`

  useEffect(() => {
    let live = true
    const query = new URLSearchParams({ locale: locale.code, source: sourceLocale ?? defaultSourceLocale })
    fetch(`${api}/machine-translation?${query}`, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : { configured: false }))
      .then((body: { configured: boolean }) => live && setAvailability({ configured: body.configured }))
      .catch(() => live && setAvailability({ configured: false }))
    return () => {
      live = false
    }
  }, [api, locale.code, sourceLocale])

  if (!id || !collectionSlug || locale.code === (sourceLocale ?? defaultSourceLocale)) return null

  const translate = async () => {
    setState({ busy: true })
    const response = await fetch(`${api}/${collectionSlug}/${id}/machine-translate?locale=${locale.code}`, {
      method: 'POST',
      credentials: 'include',
    })
    const body = (await response.json().catch(() => ({}))) as { errors?: { message: string }[] }
    if (!response.ok) {
      setState({ busy: false, error: true, message: body.errors?.[0]?.message ?? String(response.status) })
      return
    }
    setState({ busy: false, message: text(messages.done) })
    window.location.reload()
  }

  return (
    <div className="field-type" style={{ marginBottom: 'var(--base)' }}>
      <div className="field-label">{text(messages.label)}</div>
      {availability && !availability.configured ? (
        <p role="status">{text(messages.notConfigured)}</p>
      ) : (
        <>
          <Button buttonStyle="secondary" size="small" disabled={!availability || state.busy} onClick={translate}>
            {state.busy ? text(messages.working) : text(messages.button)}
          </Button>
          <p className="field-description">{text(messages.hint)}</p>
        </>
      )}
      {state.message ? <p role={state.error ? 'alert' : 'status'}>{state.message}</p> : null}
    </div>
  )
}
