import type { PayloadRequest } from 'payload'

import { checkSources, needsReverification, type SourcedRecord } from '@/fields/sourceQuality'
import { QaFindings } from '@/translation/admin/QaFindings'
import { adminLanguage, translationAdminLabels as text } from '@/translation/admin/labels'

type Props = { data?: Record<string, unknown>; req: PayloadRequest }

/**
 * Under `lastVerified`: "needs re-verification" once it is older than `LAGON_REVERIFY_AFTER_DAYS`,
 * and what the source checks find in the record's sources (computed from the form's data: cheap).
 */
export const SourceQuality = ({ data, req }: Props) => {
  if (!data) return null
  const lang = adminLanguage(req.i18n.language)
  // On a change the form's data holds an empty array as its row count (0), not as [].
  const record = { ...data, sources: Array.isArray(data.sources) ? data.sources : [] } as SourcedRecord
  const findings = checkSources(record).filter((finding) => finding.code !== 'needs-reverification')
  return (
    <div className="source-quality">
      {needsReverification(record.lastVerified) ? (
        <p className="source-quality__reverify" data-reverify="true" role="status">
          {text.needsReverification[lang]}
        </p>
      ) : null}
      {findings.length > 0 ? (
        <>
          <div className="source-quality__label">{text.sourceQuality[lang]}</div>
          <QaFindings findings={findings.map((finding) => ({ ...finding, segment: finding.path }))} lang={lang} />
        </>
      ) : null}
    </div>
  )
}
