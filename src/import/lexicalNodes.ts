/**
 * Builders for Lexical's serialized nodes, in the shapes Payload's editor saves, so that imported
 * documents are indistinguishable from ones written in the admin.
 */
export type LexicalNode = { type: string; version: number; [key: string]: unknown }

export type LexicalDocument = { root: LexicalNode & { children: LexicalNode[] } }

export const textFormat = { bold: 1, italic: 2, strikethrough: 4, code: 16 } as const

const element = (type: string, children: LexicalNode[], extra: Record<string, unknown> = {}): LexicalNode => ({
  type,
  version: 1,
  children,
  direction: null,
  format: '',
  indent: 0,
  ...extra,
})

export const root = (children: LexicalNode[]): LexicalDocument => ({
  root: element('root', children) as LexicalDocument['root'],
})

export const text = (value: string, format = 0): LexicalNode => ({
  type: 'text',
  version: 1,
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
})

export const lineBreak = (): LexicalNode => ({ type: 'linebreak', version: 1 })

export const paragraph = (children: LexicalNode[]): LexicalNode =>
  element('paragraph', children, { textFormat: 0, textStyle: '' })

export const heading = (level: number, children: LexicalNode[]): LexicalNode =>
  element('heading', children, { tag: `h${Math.min(Math.max(level, 1), 6)}` })

export const quote = (children: LexicalNode[]): LexicalNode => element('quote', children)

export const list = (ordered: boolean, start: number, items: LexicalNode[]): LexicalNode =>
  element('list', items, { listType: ordered ? 'number' : 'bullet', start, tag: ordered ? 'ol' : 'ul' })

export const listItem = (value: number, children: LexicalNode[]): LexicalNode =>
  element('listitem', children, { value })

export const link = (url: string, children: LexicalNode[]): LexicalNode => ({
  ...element('link', children),
  version: 3,
  fields: { linkType: 'custom', newTab: false, url },
})

/** Header cells of the first row only: GFM tables have no row headers. */
export const table = (rows: LexicalNode[][][]): LexicalNode =>
  element(
    'table',
    rows.map((cells, rowIndex) =>
      element(
        'tablerow',
        cells.map((cellChildren) =>
          element('tablecell', [paragraph(cellChildren)], {
            headerState: rowIndex === 0 ? 1 : 0,
            colSpan: 1,
            rowSpan: 1,
            backgroundColor: null,
          }),
        ),
      ),
    ),
  )

export const block = (blockType: string, fields: Record<string, unknown>, id: string): LexicalNode => ({
  type: 'block',
  version: 2,
  format: '',
  fields: { id, blockName: '', blockType, ...fields },
})

export const upload = (relationTo: string, value: number | string, id: string): LexicalNode => ({
  type: 'upload',
  version: 3,
  format: '',
  relationTo,
  value,
  fields: null,
  id,
})
