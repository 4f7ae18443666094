import type { AdminText } from '@/lib/adminLabels'
import { inEveryLanguage } from '@/messages'

/** The translation screens' own words, in each language the admin speaks (src/messages/). */
export const translationAdminLabels = inEveryLanguage((messages) => messages.translationAdmin) satisfies Record<string, AdminText>

export type AdminLanguage = keyof AdminText

export { adminLanguage } from '@/lib/adminLabels'
