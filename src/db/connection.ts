/** How long a connection to PostgreSQL may take before the command or request waiting for it fails. */
export const connectTimeoutMs = (): number => Number(process.env.DATABASE_CONNECT_TIMEOUT || 10) * 1000

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
