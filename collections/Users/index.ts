import type { CollectionConfig } from 'payload'

import { adminOrSelf } from '@/access/adminOrSelf'
import { isAdmin, isAdminField } from '@/access/isAdmin'
import { hasRole, roles } from '@/access/roles'
import { locales } from '@/lib/locales'
import { rejectMalformedId } from '@/hooks/rejectMalformedId'

import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'

export const Users: CollectionConfig = {
  slug: 'users',
  auth: true,
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
  hooks: { beforeOperation: [rejectMalformedId], beforeChange: [firstUserIsAdmin] },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'editor',
      saveToJWT: true,
      options: roles.map((role) => ({ label: role, value: role })),
      access: { create: isAdminField, update: isAdminField },
    },
    {
      name: 'locales',
      // `users_locales` is the table Payload keeps for localized fields: this one needs its own.
      dbName: 'users_working_locales',
      enumName: 'enum_users_working_locales',
      type: 'select',
      hasMany: true,
      saveToJWT: true,
      options: locales.map(({ code, label }) => ({ label, value: code })),
      access: { create: isAdminField, update: isAdminField },
      admin: {
        description: 'The locales this translator works in.',
        condition: (data) => data?.role === 'translator',
      },
    },
  ],
}
