'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

/**
 * In the admin's live preview, re-renders the page each time the editor's draft is saved.
 * Payload's admin posts `payload-document-event` messages to the preview frame and waits for a
 * `payload-live-preview` ready message (its live-preview protocol). Written here rather than
 * taken from @payloadcms/live-preview-react, which has no release matching Payload 3.90.2 and
 * Payload refuses mismatched versions.
 */
export const LivePreviewRefresh = ({ serverURL }: { serverURL: string }) => {
  const router = useRouter()
  useEffect(() => {
    const adminOrigin = new URL(serverURL).origin
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: string } | null
      if (event.origin === adminOrigin && data?.type === 'payload-document-event') router.refresh()
    }
    window.addEventListener('message', onMessage)
    const admin = window.opener ?? (window.parent !== window ? window.parent : null)
    admin?.postMessage({ type: 'payload-live-preview', ready: true }, adminOrigin)
    return () => window.removeEventListener('message', onMessage)
  }, [router, serverURL])
  return null
}
