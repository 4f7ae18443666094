import { ValidationError, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'

import { hasRole } from '@/access/roles'
import { clientAddress } from '@/api/clientAddress'
import type { Queryable } from '@/api/rateLimit'
import { readApiSettings } from '@/api/settings'
import type { Messages } from '@/messages'

import { countAttempt, forgetFailures, lockedForSeconds, lockoutKey } from './lockout'
import { passwordMatches } from './passwordHash'
import { accountMessagesIn, passwordProblem } from './passwordPolicy'
import { readAccountSettings } from './settings'

type PasswordData = { email?: unknown; password?: unknown; currentPassword?: unknown }

const refuse = (req: PayloadRequest, path: string, message: string) =>
  new ValidationError({ collection: 'users', errors: [{ path, message }] }, req.t)

const currentPasswordMessage = (req: PayloadRequest, problem: keyof Messages['accounts']['currentPassword']) =>
  accountMessagesIn(req.i18n?.language).currentPassword[problem]

/**
 * A password set by any operation on accounts (create, the first account, an update, a reset by
 * e-mail token) follows the policy (passwordPolicy.ts), and a person changing their own password
 * gives the current one (`currentPassword`), checked as a login is: a stolen session alone cannot
 * take the account over. Admins resetting someone else's password do not need that person's.
 * Payload itself then ends every other session of the account (`auth.useSessions`: an update that
 * sets a password keeps only the session that made it). The Local API without a user (the seed,
 * scripts) is trusted. `currentPassword` is never stored.
 */
export const checkPasswordChange: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'resetPassword') return args
  const data = (args as { data?: PasswordData }).data
  if (!data || typeof data !== 'object') return args
  const { currentPassword } = data
  delete data.currentPassword
  if (data.password === undefined || data.password === null || data.password === '') return args

  const id = (args as { id?: number | string }).id
  const account = id !== undefined ? await req.payload.db.findOne<{ id: number; email?: unknown; hash?: unknown; salt?: unknown }>({ collection: 'users', req, where: { id: { equals: id } } }) : null
  const problem = passwordProblem(data.password, { email: data.email ?? account?.email, language: req.i18n?.language })
  if (problem) throw refuse(req, 'password', problem)

  const user = req.user
  if (operation !== 'update' || !user || user.collection !== 'users') return args
  // A bulk update (`PATCH /api/users?where=…`) may include the signed-in account: passwords change one account at a time.
  if (id === undefined) throw refuse(req, 'password', 'a password is changed one account at a time (PATCH /api/users/{id})')
  const ownAccount = String(user.id) === String(id)
  if (!ownAccount && hasRole(user, 'admin')) return args
  if (!ownAccount || !account) return args
  if (typeof currentPassword !== 'string' || currentPassword === '') throw refuse(req, 'currentPassword', currentPasswordMessage(req, 'missing'))

  const db = req.payload.db.pool as unknown as Queryable
  const settings = readAccountSettings()
  const key = lockoutKey(String(account.email).toLowerCase(), clientAddress(req.headers, readApiSettings().trustedProxies))
  if ((await lockedForSeconds(db, key, settings)) > 0) throw refuse(req, 'currentPassword', currentPasswordMessage(req, 'locked'))
  await countAttempt(db, key)
  if (!(await passwordMatches(currentPassword, account))) throw refuse(req, 'currentPassword', currentPasswordMessage(req, 'wrong'))
  await forgetFailures(db, key)
  return args
}
