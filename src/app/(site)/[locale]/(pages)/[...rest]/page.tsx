import { notFound } from 'next/navigation'

// Rendered per request: the not-found page of a static route reaches readers only through JavaScript.
export const dynamic = 'force-dynamic'

/** Any other path under a locale is that locale's 404. */
export default function UnknownPage() {
  notFound()
}
