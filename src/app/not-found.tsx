import { bcp47, locales, readerDefaultLocale, urlPrefix } from '@/lib/locales'
import { messagesOf } from '@/messages'

/**
 * A URL outside every locale (`/de/…`): no layout applies, so this page is a whole document,
 * and since no language is known it speaks all of them.
 */
export default function GlobalNotFound() {
  return (
    <html lang={bcp47(readerDefaultLocale)}>
      <body style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '40rem', margin: '2rem auto', padding: '0 1rem' }}>
        <main>
          <h1>404</h1>
          {locales.map(({ code }) => (
            <p key={code} lang={bcp47(code)}>
              {messagesOf(code).globalNotFound.text} <a href={`/${urlPrefix(code)}`}>{messagesOf(code).globalNotFound.home}</a>
            </p>
          ))}
        </main>
      </body>
    </html>
  )
}
