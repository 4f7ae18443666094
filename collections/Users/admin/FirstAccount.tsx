'use client'

import { SelectField, useAuth, useTranslation } from '@payloadcms/ui'
import type { SelectFieldClientProps } from 'payload'

import { adminLanguage, adminTextsOf } from '@/lib/adminLabels'

const texts = adminTextsOf('users')


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
      {texts.firstAccountNotice[adminLanguage(i18n.language)]}
    </p>
  )
}

/** The role picker, for accounts an administrator makes; not on the create-first-user screen. */
export const RoleField = (props: SelectFieldClientProps) => {
  const { user } = useAuth()
  return user ? <SelectField {...props} /> : null
}
