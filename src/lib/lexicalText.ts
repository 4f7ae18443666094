type Node = { type?: string; text?: string; children?: Node[]; fields?: Record<string, unknown> }

const blockTypes = new Set(['paragraph', 'heading', 'listitem', 'quote', 'tablecell', 'block'])

/** The plain text of a Lexical document (callouts included), one line per block. */
export const lexicalText = (value: unknown): string => {
  const walk = (node: Node): string => {
    if (typeof node.text === 'string') return node.text
    if (node.type === 'linebreak') return '\n'
    const nested = Object.values(node.fields ?? {})
      .filter((field): field is { root: Node } => typeof field === 'object' && field !== null && 'root' in field)
      .map((field) => walk(field.root))
    const inner = [...(node.children ?? []).map(walk), ...nested].join('')
    return node.type && blockTypes.has(node.type) ? `${inner}\n` : inner
  }
  const root = (value as { root?: Node } | null)?.root
  return root ? walk(root).replace(/\n{2,}/g, '\n').trim() : ''
}
