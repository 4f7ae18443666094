import type { AdminText } from '@/lib/adminLabels'
import type { Finding } from '@/translation/qa/types'

import type { AdminLanguage } from './labels'
import { translationAdminLabels as text } from './labels'

type Doc = Record<string, unknown>

/**
 * A finding's field path in the form's terms: QA keys array rows by id (`offers.<id>.notes`, so
 * reordering rows keeps findings in place), the form by index (`offers.0.notes`).
 */
export const formPathOf = (path: string, data: unknown): string => {
  let node: unknown = data
  return path
    .split('.')
    .map((segment) => {
      if (Array.isArray(node)) {
        const index = node.findIndex((row: { id?: unknown } | null) => row && String(row.id) === segment)
        const key = index === -1 ? segment : String(index)
        node = node[index === -1 ? Number(segment) : index]
        return key
      }
      node = node && typeof node === 'object' ? (node as Doc)[segment] : undefined
      return segment
    })
    .join('.')
}

/** The findings a document's form data holds for one field (its `translation.qaFindings`). */
export const findingsForField = (data: unknown, path: string): Finding[] => {
  const stored = ((data as Doc | undefined)?.translation as Doc | undefined)?.qaFindings
  return Array.isArray(stored) ? (stored as Finding[]).filter((finding) => formPathOf(finding.path, data) === path) : []
}

/** Beside a field being translated: what translation QA found in it, errors first. */
export const QaFindings = ({ findings, lang }: { findings: Finding[]; lang: AdminLanguage }) => {
  if (findings.length === 0) return null
  const sorted = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
  const label: Record<Finding['severity'], AdminText> = { error: text.qaError, warning: text.qaWarning }
  return (
    <ul className="qa-findings" aria-label={text.qaFindings[lang]}>
      {sorted.map((finding, index) => (
        <li
          key={index}
          className={`qa-findings__item qa-findings__item--${finding.severity}`}
          data-code={finding.code}
          data-severity={finding.severity}
          data-segment={finding.segment ?? undefined}
        >
          <strong>{label[finding.severity][lang]}</strong> {finding.message[lang]}
          {finding.segment ? <span className="qa-findings__segment"> ({finding.segment})</span> : null}
        </li>
      ))}
    </ul>
  )
}
