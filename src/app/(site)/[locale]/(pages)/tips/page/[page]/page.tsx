import type { Metadata } from 'next'

import { madeOnRequest } from '@/site/params'
import { tipsMetadata, TipsList } from '@/site/lists/tips'

type Props = { params: Promise<{ locale: string; page: string }> }

export const generateStaticParams = madeOnRequest

export const generateMetadata = ({ params }: Props): Promise<Metadata> => tipsMetadata(params)

export default function TipsPageN({ params }: Props) {
  return <TipsList params={params} />
}
