import { parse, YAMLParseError } from 'yaml'

import { ImportError } from './errors'

export type ParsedFile = {
  data: Record<string, unknown>
  body: string
  /** Line number of the body's first line in the file. */
  bodyLine: number
}

/** Splits `---` YAML front matter from the Markdown body. */
export const parseFrontMatter = (source: string, file: string): ParsedFile => {
  const lines = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n')
  if (lines[0]?.trimEnd() !== '---') return { data: {}, body: lines.join('\n'), bodyLine: 1 }
  const close = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---')
  if (close === -1) {
    throw new ImportError('the front matter opened by "---" on line 1 is never closed.', file, 1)
  }
  let data: unknown
  try {
    data = parse(lines.slice(1, close).join('\n')) ?? {}
  } catch (error) {
    const line = error instanceof YAMLParseError ? (error.linePos?.[0]?.line ?? 0) + 1 : undefined
    throw new ImportError(`invalid YAML front matter: ${(error as Error).message.split('\n')[0]}`, file, line)
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ImportError('the front matter must be a YAML mapping of field names to values.', file, 2)
  }
  return { data: data as Record<string, unknown>, body: lines.slice(close + 1).join('\n'), bodyLine: close + 2 }
}
