'use client'

import { SelectField, useAuth, useTranslation } from '@payloadcms/ui'
import type { SelectFieldClientProps } from 'payload'

import { adminLanguage, type AdminText } from '@/lib/adminLabels'

const notice: AdminText = {
  zh: '这是第一个账号：它将成为管理员，可以管理内容、用户、API 密钥和 Webhook。',
  en: 'This is the first account: it becomes an administrator, who manages content, users, API keys and webhooks.',
  fr: 'C’est le premier compte : il devient administrateur, et gère le contenu, les utilisateurs, les clés d’API et les webhooks.',
}

/**
 * The create-first-user screen is the only one where nobody is signed in. The account it makes is
 * always an administrator (firstUserIsAdmin), so the screen says so instead of offering a role.
 */
export const FirstAccountNotice = () => {
  const { user } = useAuth()
  const { i18n } = useTranslation()
  if (user) return null
  return (
    <p className="first-account-notice" data-role="admin">
      {notice[adminLanguage(i18n.language)]}
    </p>
  )
}

/** The role picker, for accounts an administrator makes; not on the create-first-user screen. */
export const RoleField = (props: SelectFieldClientProps) => {
  const { user } = useAuth()
  return user ? <SelectField {...props} /> : null
}
