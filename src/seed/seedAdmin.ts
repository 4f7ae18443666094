import type { Payload } from 'payload'

import { passwordProblem } from '@/accounts/passwordPolicy'

/**
 * The first admin, from LAGON_ADMIN_EMAIL and LAGON_ADMIN_PASSWORD when both are set. Lagon has
 * no built-in password: without them, the admin's first-register screen makes the first account.
 */
export const seedAdmin = async (payload: Payload, env = process.env): Promise<'created' | 'exists' | 'skipped'> => {
  const email = env.LAGON_ADMIN_EMAIL?.trim()
  const password = env.LAGON_ADMIN_PASSWORD
  if (!email || !password) return 'skipped'
  // The same policy as every account's (docs/security.md), said in the setting's name rather than as a validation error.
  const problem = passwordProblem(password, { email })
  if (problem) throw new Error(`LAGON_ADMIN_PASSWORD: ${problem}`)
  const { totalDocs } = await payload.count({ collection: 'users', where: { email: { equals: email } } })
  if (totalDocs > 0) return 'exists'
  await payload.create({
    collection: 'users',
    data: { email, password, name: email.split('@')[0] ?? 'admin', role: 'admin' },
  })
  return 'created'
}
