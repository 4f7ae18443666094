import { notFound } from 'next/navigation'

/** Any other path under a locale is that locale's 404. */
export default function UnknownPage() {
  notFound()
}
