/** A database's address for messages: host, port and name, never the password. */
export const databaseAddress = (url: string | undefined): string => {
  if (!url) return '(no DATABASE_URL)'
  try {
    const { hostname, port, pathname } = new URL(url)
    return `${hostname}:${port || 5432}${pathname}`
  } catch {
    return '(a DATABASE_URL that is not a URL)'
  }
}
