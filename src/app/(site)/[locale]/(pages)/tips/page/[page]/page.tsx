import type { Metadata } from 'next'

import { tipsMetadata, TipsList } from '@/site/lists/tips'

type Props = { params: Promise<{ locale: string; page: string }> }

// Made on first request and kept: the number of pages grows with the content, the build does not.
export const generateStaticParams = (): { locale: string; page: string }[] => []

export const generateMetadata = ({ params }: Props): Promise<Metadata> => tipsMetadata(params)

export default function TipsPageN({ params }: Props) {
  return <TipsList params={params} />
}
