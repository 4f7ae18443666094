import type { CollectionConfig } from 'payload'

import { adminOrSelf } from '@/access/adminOrSelf'
import { isAdmin, isAdminField } from '@/access/isAdmin'
import { hasRole, roles } from '@/access/roles'
import { forgetFailuresOnLogin, guardLogin } from '@/accounts/loginGuard'
import { checkPasswordChange } from '@/accounts/passwordChange'
import { siteIsHttps } from '@/accounts/settings'
import { cachedJwtStrategy } from '@/accounts/signedInUsers'
import { adminTextsOf, collectionLabels, labelledOptions } from '@/lib/adminLabels'
import { locales } from '@/lib/locales'
import { checkApiKey } from '@/hooks/checkApiKey'
import { rejectMalformedId } from '@/hooks/rejectMalformedId'

import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'

const texts = adminTextsOf('users')

export const Users: CollectionConfig = {
  slug: 'users',
  labels: collectionLabels.users,
  auth: {
    // Payload's lock (5 failures from anywhere lock the account for everyone) let anyone lock any
    // known account: failures are counted per account and client address instead (guardLogin).
    maxLoginAttempts: 0,
    // Each login is a session in the account; a password change ends all but the one that made it.
    useSessions: true,
    // The account a token names is read once per token and change, not once per request (src/accounts/signedInUsers.ts).
    strategies: [cachedJwtStrategy],
    cookies: { secure: siteIsHttps(), sameSite: 'Lax' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role', 'locales'],
  },
  access: {
    admin: ({ req: { user } }) => hasRole(user, ...roles),
    read: adminOrSelf,
    create: isAdmin,
    update: adminOrSelf,
    delete: isAdmin,
  },
  hooks: {
    beforeOperation: [checkApiKey, rejectMalformedId, guardLogin, checkPasswordChange],
    beforeChange: [firstUserIsAdmin],
    afterLogin: [forgetFailuresOnLogin],
  },
  fields: [
    {
      // Shown on the create-first-user screen only.
      name: 'firstAccountNotice',
      type: 'ui',
      admin: { disableListColumn: true, components: { Field: '/collections/Users/admin/FirstAccount#FirstAccountNotice' } },
    },
    { name: 'name', type: 'text', label: texts.name, required: true },
    {
      // Never stored: checked and dropped by checkPasswordChange.
      name: 'currentPassword',
      type: 'text',
      virtual: true,
      label: texts.currentPassword,
      admin: {
        description: texts.currentPasswordDescription,
        disableListColumn: true,
        disableListFilter: true,
        components: { Field: '/collections/Users/admin/CurrentPassword#CurrentPasswordField' },
      },
    },
    {
      name: 'role',
      type: 'select',
      label: texts.role,
      required: true,
      defaultValue: 'editor',
      saveToJWT: true,
      options: labelledOptions(roles, texts.roles),
      access: { create: isAdminField, update: isAdminField },
      // Not on the create-first-user screen: the first account is always an administrator (firstUserIsAdmin).
      admin: { components: { Field: '/collections/Users/admin/FirstAccount#RoleField' } },
    },
    {
      name: 'locales',
      // `users_locales` is the table Payload keeps for localized fields: this one needs its own.
      dbName: 'users_working_locales',
      enumName: 'enum_users_working_locales',
      type: 'select',
      label: texts.locales,
      hasMany: true,
      saveToJWT: true,
      // Each locale keeps its own name, as language pickers do.
      options: locales.map(({ code, label }) => ({ label, value: code })),
      access: { create: isAdminField, update: isAdminField },
      admin: {
        description: texts.localesDescription,
        condition: (data) => data?.role === 'translator',
      },
    },
  ],
}
