import type { AdminText } from '@/lib/adminLabels'
import type { Finding } from '@/translation/qa/types'

import type { AdminLanguage } from './labels'
import { translationAdminLabels as text } from './labels'

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
