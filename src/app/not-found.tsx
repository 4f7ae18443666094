/**
 * A URL outside every locale (`/de/…`): no layout applies, so this page is a whole document,
 * and since no language is known it speaks all three.
 */
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '40rem', margin: '2rem auto', padding: '0 1rem' }}>
        <main>
          <h1>404</h1>
          <p lang="zh-Hans">
            找不到此页面。<a href="/zh">返回首页</a>
          </p>
          <p lang="en">
            Page not found. <a href="/en">Back to the home page</a>
          </p>
          <p lang="fr">
            Page introuvable. <a href="/fr">Retour à l&apos;accueil</a>
          </p>
        </main>
      </body>
    </html>
  )
}
