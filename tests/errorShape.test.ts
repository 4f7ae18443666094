import { describe, expect, it } from 'vitest'

import { revalidationSecret } from '@/freshness/nextCache'
import { withReadOnlyApiKeys } from '@/lib/readOnlyApiKeys'

type ErrorBody = { errors: { message: string; data?: { errors: { path: string; message: string }[] } }[] }

const errorOf = async (response: Response, status: number): Promise<ErrorBody['errors'][number]> => {
  expect(response.status).toBe(status)
  const body = (await response.json()) as ErrorBody
  expect(body.errors).toHaveLength(1)
  expect(typeof body.errors[0]!.message).toBe('string')
  return body.errors[0]!
}

/**
 * Lagon's own routes answer errors in Payload's shape, as the API does: `errors[0].message`, and
 * `errors[0].data.errors[].path` naming the part at fault where there is one.
 */
describe('error responses of our own routes', () => {
  it('the revalidation route names the missing secret and the bad tags', async () => {
    const { POST } = await import('@/app/next/revalidate/route')
    const unauthorized = await errorOf(await POST(new Request('http://lagon.test/next/revalidate', { method: 'POST' })), 401)
    expect(unauthorized.data?.errors.map((problem) => problem.path)).toEqual(['authorization'])
    const badTags = await POST(
      new Request('http://lagon.test/next/revalidate', {
        method: 'POST',
        headers: { authorization: `Bearer ${revalidationSecret()}`, 'content-type': 'application/json' },
        body: JSON.stringify({ tags: ['not a tag'] }),
      }),
    )
    const refused = await errorOf(badTags, 400)
    expect(refused.data?.errors).toEqual([{ path: 'tags', message: refused.message }])
  })

  it('a write with an API key is refused with a message', async () => {
    const handler = withReadOnlyApiKeys(async () => new Response('written'))
    const request = new Request('http://lagon.test/api/articles', { method: 'POST', headers: { authorization: 'api-keys API-Key abc' } })
    const refused = await errorOf(await handler(request, {}), 403)
    expect(refused.message).toMatch(/read-only/)
  })
})
