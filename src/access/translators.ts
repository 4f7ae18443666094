import type { Access, FieldAccess } from 'payload'

import { isLocale, type Locale } from '@/lib/locales'

import { hasRole, type Role } from './roles'

type MaybeTranslator = { collection?: string; role?: Role | null; locales?: string[] | null } | null | undefined

export const isTranslator = (user: MaybeTranslator): boolean => hasRole(user, 'translator')

/** The locales a translator works in (none for anyone else). */
export const translatorLocales = (user: MaybeTranslator): Locale[] =>
  isTranslator(user) ? (user?.locales ?? []).filter(isLocale) : []

/**
 * Admins and editors edit every locale; translators only theirs (`locale=all` is not one).
 * Whether a translator's save publishes is not decided here: the admin asks this access with the
 * stored document as `data`, published or not, to decide whether the document is editable at all.
 * `guardTranslatorChanges` refuses the publish itself.
 */
export const canEditLocale: Access = ({ req: { user, locale } }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  return isTranslator(user) && translatorLocales(user).includes(locale as Locale)
}

/** Field-level: the fields every locale shares are read-only for translators (the admin greys them out). */
export const notTranslator: FieldAccess = ({ req: { user } }) => !isTranslator(user)
