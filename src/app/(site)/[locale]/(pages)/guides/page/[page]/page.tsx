import type { Metadata } from 'next'

import { madeOnRequest } from '@/site/params'
import { guidesMetadata, GuidesList } from '@/site/lists/guides'

type Props = { params: Promise<{ locale: string; page: string }> }

export const generateStaticParams = madeOnRequest

export const generateMetadata = ({ params }: Props): Promise<Metadata> => guidesMetadata(params)

export default function GuidesPageN({ params }: Props) {
  return <GuidesList params={params} />
}
