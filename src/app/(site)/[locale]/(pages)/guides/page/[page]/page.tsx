import type { Metadata } from 'next'

import { guidesMetadata, GuidesList } from '@/site/lists/guides'

type Props = { params: Promise<{ locale: string; page: string }> }

// Made on first request and kept: the number of pages grows with the content, the build does not.
export const generateStaticParams = (): { locale: string; page: string }[] => []

export const generateMetadata = ({ params }: Props): Promise<Metadata> => guidesMetadata(params)

export default function GuidesPageN({ params }: Props) {
  return <GuidesList params={params} />
}
