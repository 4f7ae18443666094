import type { AdminText } from '@/lib/adminLabels'
import type { Locale } from '@/lib/locales'
import { inEveryLanguage } from '@/messages'

/** The edit view's lock banner, in each language the admin speaks (src/messages/). */
export const editLockLabels = inEveryLanguage((messages) => messages.editLocks.banner) satisfies Record<string, AdminText>

/** Each locale's name in each admin language (src/messages/). */
export const localeNames: Record<Locale, AdminText> = inEveryLanguage((messages) => messages.editLocks.localeNames)
