import type { Locale } from '@/lib/locales'
import { messagesOf, type Messages as AllMessages } from '@/messages'

/** Every string a reader sees, in one locale (src/messages/). */
export type Messages = AllMessages['site']

export const t = (locale: Locale): Messages => messagesOf(locale).site
