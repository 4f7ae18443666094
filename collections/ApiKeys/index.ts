import type { CollectionConfig, FieldAccess } from 'payload'

import { apiKeyScopes } from '@/access/apiKeys'
import { isAdmin } from '@/access/isAdmin'
import { hasRole } from '@/access/roles'
import { cachedApiKeyStrategy } from '@/api/apiKeyLookup'
import { dayAndTime } from '@/fields/dates'
import { checkApiKey } from '@/hooks/checkApiKey'
import { rejectMalformedId } from '@/hooks/rejectMalformedId'
import { collectionLabels, labelledOptions, labels } from '@/lib/adminLabels'

import { forgetKeyLookupsAfterChange, forgetKeyLookupsAfterDelete } from './hooks/forgetKeyLookups'
import { setCreatedBy } from './hooks/setCreatedBy'

/** Written by the server only (hooks, request accounting), never through the API. */
const serverOnly: FieldAccess = () => false

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
    afterChange: [forgetKeyLookupsAfterChange],
    afterDelete: [forgetKeyLookupsAfterDelete],
  },
  fields: [
    { name: 'name', type: 'text', label: labels.name, required: true },
    {
      name: 'scope',
      type: 'select',
      label: { zh: '权限范围', en: 'Scope', fr: 'Portée' },
      required: true,
      defaultValue: 'read',
      options: labelledOptions(apiKeyScopes, {
        read: { zh: '只读已发布内容', en: 'Read published content', fr: 'Lecture du contenu publié' },
        'read-drafts': { zh: '读取草稿（预览）', en: 'Read drafts (previews)', fr: 'Lecture des brouillons (aperçus)' },
      }),
    },
    {
      name: 'revoked',
      type: 'checkbox',
      label: { zh: '已吊销', en: 'Revoked', fr: 'Révoquée' },
      defaultValue: false,
      admin: {
        description: {
          zh: '吊销后，使用此密钥的请求一律返回 401。',
          en: 'Requests with a revoked key get 401.',
          fr: 'Les requêtes avec une clé révoquée reçoivent 401.',
        },
      },
    },
    {
      name: 'createdBy',
      type: 'relationship',
      label: { zh: '创建者', en: 'Created by', fr: 'Créée par' },
      relationTo: 'users',
      access: { create: serverOnly, update: serverOnly },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'lastUsedAt',
      type: 'date',
      label: { zh: '最近使用', en: 'Last used', fr: 'Dernière utilisation' },
      access: { create: serverOnly, update: serverOnly },
      admin: { position: 'sidebar', readOnly: true, date: dayAndTime },
    },
    {
      name: 'requestCount',
      type: 'number',
      label: { zh: '请求次数', en: 'Requests', fr: 'Requêtes' },
      access: { create: serverOnly, update: serverOnly },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}
