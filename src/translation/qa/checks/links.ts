import { qaMessages } from '../labels'
import { minus, urlsIn, walkNodes } from '../text'
import type { PairCheck, QaText } from '../types'

/** Every link target of a segment: its link nodes' URLs and the URLs written in its text. */
export const linkTargets = ({ text, nodes }: QaText): string[] => {
  const targets: string[] = []
  for (const node of walkNodes(nodes)) {
    if (node.type !== 'link' && node.type !== 'autolink') continue
    const url = (node.fields as { url?: unknown } | undefined)?.url
    if (typeof url === 'string' && url) targets.push(url)
  }
  return [...targets, ...urlsIn(text).filter((url) => !targets.includes(url))]
}

/** Links and URLs are the source's, exactly: a dropped or changed link target is an error. */
export const linksCheck: PairCheck = ({ source, target }) => {
  const from = linkTargets(source)
  const to = linkTargets(target)
  const missing = minus(from, to)
  const added = minus(to, from)
  return [
    ...(missing.length ? [{ code: 'link-missing', severity: 'error' as const, message: qaMessages.linkMissing(missing) }] : []),
    ...(added.length ? [{ code: 'link-added', severity: 'error' as const, message: qaMessages.linkAdded(added) }] : []),
  ]
}
