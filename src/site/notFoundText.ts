import type { Locale } from '@/lib/locales'
import { messagesOf } from '@/messages'

/** The 404 page's strings (src/messages/), for the 404 page and the client-side not-found boundary. */
export const notFoundText = (locale: Locale) => messagesOf(locale).notFound
