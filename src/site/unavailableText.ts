import type { Locale } from '@/lib/locales'
import { messagesOf } from '@/messages'

/**
 * The page a reader gets when a page cannot be made right now (the database is unreachable, a
 * render took too long) and no earlier copy of it is kept. Its texts (src/messages/) are plain
 * data: Lagon's server sends it without Next, which may be the part that is failing.
 */
export const unavailableText = (locale: Locale) => messagesOf(locale).unavailable
