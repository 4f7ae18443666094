import type { CollectionConfig, FieldAccess } from 'payload'

import { apiKeyScopes } from '@/access/apiKeys'
import { isAdmin } from '@/access/isAdmin'
import { hasRole } from '@/access/roles'
import { cachedApiKeyStrategy } from '@/api/apiKeyLookup'
import { dayAndTime } from '@/fields/dates'
import { expireOnWrite } from '@/freshness/expireOnWrite'
import { checkApiKey } from '@/hooks/checkApiKey'
import { rejectMalformedId } from '@/hooks/rejectMalformedId'
import { adminTextsOf, collectionLabels, labelledOptions, labels } from '@/lib/adminLabels'
import { tags } from '@/site/tags'

import { setCreatedBy } from './hooks/setCreatedBy'

const texts = adminTextsOf('apiKeys')

/** Written by the server only (hooks, request accounting), never through the API. */
const serverOnly: FieldAccess = () => false

/**
 * The API keeps the keys it looked up (src/api/apiKeyLookup.ts): any committed write to a key
 * (made, edited, revoked, deleted) makes every instance look keys up again, before the write's
 * own response, so a revoked key is refused from the next request on. Attribution counters are
 * written in SQL, not through here.
 */
const forgetKeyLookups = expireOnWrite([tags.apiKeys])

/**
 * Keys for integrations (`Authorization: api-keys API-Key <key>`). A key reads; it never writes,
 * whatever its scope (no role, see `hasRole`). Only admins see or manage keys.
 */
export const ApiKeys: CollectionConfig = {
  slug: 'api-keys',
  labels: collectionLabels.apiKeys,
  // Keys are looked up once per key and change, not once per request (src/api/apiKeyLookup.ts).
  auth: { useAPIKey: true, disableLocalStrategy: true, strategies: [cachedApiKeyStrategy] },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'scope', 'revoked', 'lastUsedAt', 'requestCount'],
    hidden: ({ user }) => !hasRole(user, 'admin'),
  },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  hooks: {
    beforeOperation: [checkApiKey, rejectMalformedId],
    beforeChange: [setCreatedBy],
    afterChange: [forgetKeyLookups.afterChange],
    afterDelete: [forgetKeyLookups.afterDelete],
  },
  fields: [
    { name: 'name', type: 'text', label: labels.name, required: true },
    {
      name: 'scope',
      type: 'select',
      label: texts.scope,
      required: true,
      defaultValue: 'read',
      options: labelledOptions(apiKeyScopes, texts.scopes),
    },
    {
      name: 'revoked',
      type: 'checkbox',
      label: texts.revoked,
      defaultValue: false,
      admin: {
        description: texts.revokedDescription,
      },
    },
    {
      name: 'createdBy',
      type: 'relationship',
      label: texts.createdBy,
      relationTo: 'users',
      access: { create: serverOnly, update: serverOnly },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'lastUsedAt',
      type: 'date',
      label: texts.lastUsedAt,
      access: { create: serverOnly, update: serverOnly },
      admin: { position: 'sidebar', readOnly: true, date: dayAndTime },
    },
    {
      name: 'requestCount',
      type: 'number',
      label: texts.requestCount,
      access: { create: serverOnly, update: serverOnly },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}
