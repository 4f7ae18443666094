import type { CollectionConfig } from 'payload'

import { adminOrSelf } from '@/access/adminOrSelf'
import { isAdmin, isAdminField } from '@/access/isAdmin'
import { hasRole, roles } from '@/access/roles'
import { forgetFailuresOnLogin, guardLogin } from '@/accounts/loginGuard'
import { checkPasswordChange } from '@/accounts/passwordChange'
import { siteIsHttps } from '@/accounts/settings'
import { cachedJwtStrategy } from '@/accounts/signedInUsers'
import { collectionLabels, labelledOptions } from '@/lib/adminLabels'
import { locales } from '@/lib/locales'
import { checkApiKey } from '@/hooks/checkApiKey'
import { rejectMalformedId } from '@/hooks/rejectMalformedId'

import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'

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
    { name: 'name', type: 'text', label: { zh: '姓名', en: 'Name', fr: 'Nom' }, required: true },
    {
      // Never stored: checked and dropped by checkPasswordChange.
      name: 'currentPassword',
      type: 'text',
      virtual: true,
      label: { zh: '当前密码', en: 'Current password', fr: 'Mot de passe actuel' },
      admin: {
        description: {
          zh: '修改自己的密码时需要填写。',
          en: 'Needed to change your own password.',
          fr: 'Nécessaire pour changer votre propre mot de passe.',
        },
        disableListColumn: true,
        disableListFilter: true,
        components: { Field: '/collections/Users/admin/CurrentPassword#CurrentPasswordField' },
      },
    },
    {
      name: 'role',
      type: 'select',
      label: { zh: '角色', en: 'Role', fr: 'Rôle' },
      required: true,
      defaultValue: 'editor',
      saveToJWT: true,
      options: labelledOptions(roles, {
        admin: { zh: '管理员', en: 'Administrator', fr: 'Administrateur' },
        editor: { zh: '编辑', en: 'Editor', fr: 'Rédacteur' },
        translator: { zh: '译者', en: 'Translator', fr: 'Traducteur' },
      }),
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
      label: { zh: '工作语言', en: 'Working locales', fr: 'Langues de travail' },
      hasMany: true,
      saveToJWT: true,
      // Each locale keeps its own name, as language pickers do.
      options: locales.map(({ code, label }) => ({ label, value: code })),
      access: { create: isAdminField, update: isAdminField },
      admin: {
        description: {
          zh: '该译者负责的语言。',
          en: 'The locales this translator works in.',
          fr: 'Les langues dans lesquelles ce traducteur travaille.',
        },
        condition: (data) => data?.role === 'translator',
      },
    },
  ],
}
