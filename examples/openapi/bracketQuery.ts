/**
 * A query serializer for openapi-fetch (or any client generated from /api/openapi.json): writes
 * nested objects and lists in brackets, `where[or][0][category][equals]=cash`, as Payload reads
 * them (qs). openapi-fetch's own `deepObject` style stops at one level, which a `where` outgrows.
 *
 *   import createClient from 'openapi-fetch'
 *   const client = createClient<paths>({ baseUrl: 'https://guide.example', querySerializer: bracketQuery })
 *   await client.GET('/api/tips', { params: { query: { where: { category: { in: ['cash', 'apps'] } }, limit: 20 } } })
 */
export const bracketQuery = (query: Record<string, unknown> = {}): string => {
  const parts: string[] = []
  const add = (key: string, value: unknown): void => {
    if (value === undefined || value === null) return
    if (Array.isArray(value)) value.forEach((item, index) => add(`${key}[${index}]`, item))
    else if (typeof value === 'object') for (const [name, inner] of Object.entries(value)) add(`${key}[${name}]`, inner)
    else parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  }
  for (const [name, value] of Object.entries(query)) add(name, value)
  return parts.join('&')
}
