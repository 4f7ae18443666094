import type { PayloadRequest } from 'payload'

import { isLocale } from '@/lib/locales'

import { isTranslatedCollection } from '../documents'
import { translationDetail } from '../report'
import { translationStatusLabels } from '../statuses'
import { adminLanguage, translationAdminLabels as text } from './labels'

type Props = { id?: number | string; collectionSlug?: string; req: PayloadRequest }

/**
 * In the sidebar of a translation: its computed status and, when the source changed since it was
 * made, what changed, field by field.
 */
export const SourceChanges = async ({ id, collectionSlug, req }: Props) => {
  if (id === undefined || !isTranslatedCollection(collectionSlug) || !isLocale(req.locale)) return null
  const detail = await translationDetail(req.payload, collectionSlug, id, req.locale, req.user)
  if (!detail?.status) return null
  const lang = adminLanguage(req.i18n.language)
  return (
    <div className="source-changes" data-status={detail.status}>
      <div className="source-changes__status">
        {text.translationStatus[lang]}:{' '}
        <span className={`translation-status translation-status--${detail.status}`}>
          {translationStatusLabels[detail.status][lang]}
        </span>
      </div>
      {detail.changes.length > 0 ? (
        <>
          <p>{text.sourceChanged[lang]}</p>
          {detail.changes.map((change) => (
            <div key={change.path} className="source-changes__field" data-path={change.path}>
              <div className="source-changes__path">{change.path}</div>
              <div className="source-changes__diff" lang={detail.sourceLocale}>
                {change.parts.map((part, index) =>
                  part.type === 'added' ? (
                    <ins key={index}>{part.text}</ins>
                  ) : part.type === 'removed' ? (
                    <del key={index}>{part.text}</del>
                  ) : (
                    <span key={index}>{part.text}</span>
                  ),
                )}
              </div>
            </div>
          ))}
        </>
      ) : null}
    </div>
  )
}
