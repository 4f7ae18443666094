export type DroppedLine = { line: number; text: string; reason: string }

const rules: { reason: string; pattern: RegExp }[] = [
  {
    reason: 'Telegram handle',
    pattern: /(\bTG\b|telegram|电报|纸飞机|\bt\.me\/)[^\n]*?(@[A-Za-z0-9_]{4,}|t\.me\/\S+)|\bt\.me\/\S+/i,
  },
  {
    reason: 'WeChat handle',
    pattern: /(微信号?|\bV信|\bVX\b|\bwx\b|wechat\s*id)\s*[:：]\s*@?[A-Za-z][-_A-Za-z0-9]{5,19}/i,
  },
  {
    reason: 'external image used as an ad',
    pattern: /!\[[^\]]*\]\(\s*https?:\/\/[^)]+\)/i,
  },
]

/**
 * Drops promotional lines (contact handles, hot-linked ad images) such as the one scraped
 * articles end with. The whole line goes: a handle in the middle of a sentence is still an ad.
 */
export const dropPromotionalLines = (markdown: string, firstLine = 1): { kept: string; dropped: DroppedLine[] } => {
  const dropped: DroppedLine[] = []
  const kept = markdown.split('\n').map((text, index) => {
    const rule = rules.find(({ pattern }) => pattern.test(text))
    if (!rule) return text
    dropped.push({ line: firstLine + index, text: text.trim(), reason: rule.reason })
    return ''
  })
  return { kept: kept.join('\n'), dropped }
}
