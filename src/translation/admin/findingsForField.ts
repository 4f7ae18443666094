import type { Finding } from '@/translation/qa/types'

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
