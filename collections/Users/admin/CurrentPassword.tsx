'use client'

import { PasswordField, useAuth, useDocumentInfo } from '@payloadcms/ui'
import type { TextFieldClientProps } from 'payload'

/**
 * The current password, asked on one's own account only: changing one's own password needs it
 * (src/accounts/passwordChange.ts); an admin resetting someone else's does not.
 */
export const CurrentPasswordField = ({ field, path }: TextFieldClientProps) => {
  const { user } = useAuth()
  const { id } = useDocumentInfo()
  if (!user || id === undefined || String(user.id) !== String(id)) return null
  return <PasswordField autoComplete="current-password" field={field} path={path ?? field.name} />
}
