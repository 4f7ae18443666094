import type { PayloadRequest } from 'payload'

import { isLocale, locales } from '@/lib/locales'

import { plainText } from '../diff'
import { isTranslatedCollection } from '../documents'
import { CopyFromSource } from './CopyFromSource'
import { findingsForField } from './findingsForField'
import { QaFindings } from './QaFindings'
import { adminLanguage, translationAdminLabels as text } from './labels'
import { readSourceOnce, sourceLocaleOf, valueAt } from './readSource'

type Props = {
  id?: number | string
  collectionSlug?: string
  data?: Record<string, unknown>
  path: string
  req: PayloadRequest
}

/**
 * Under a translatable field, when a translation is being edited: the source text of that field,
 * with a button that copies it into the field, and what translation QA found in it.
 */
export const SourceText = async ({ id, collectionSlug, data, path, req }: Props) => {
  const source = sourceLocaleOf(data)
  if (id === undefined || !isTranslatedCollection(collectionSlug) || !isLocale(req.locale) || req.locale === source) {
    return null
  }
  const sourceDoc = await readSourceOnce(req, collectionSlug, id, source)
  const value = valueAt(sourceDoc, path)
  const sourceText = plainText(value)
  if (!sourceText) return null
  const lang = adminLanguage(req.i18n.language)
  return (
    <>
      <CopyFromSource
        path={path}
        value={value}
        richText={typeof value === 'object'}
        text={sourceText}
        lang={locales.find(({ code }) => code === source)!.bcp47}
        label={`${text.source[lang]} (${source})`}
        copyLabel={text.copyFromSource[lang]}
      />
      <QaFindings findings={findingsForField(data, path)} lang={lang} />
    </>
  )
}
