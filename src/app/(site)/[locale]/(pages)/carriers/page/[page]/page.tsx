import type { Metadata } from 'next'

import { carriersMetadata, CarriersList } from '@/site/lists/carriers'

type Props = { params: Promise<{ locale: string; page: string }> }

// Made on first request and kept: the number of pages grows with the content, the build does not.
export const generateStaticParams = (): { locale: string; page: string }[] => []

export const generateMetadata = ({ params }: Props): Promise<Metadata> => carriersMetadata(params)

export default function CarriersPageN({ params }: Props) {
  return <CarriersList params={params} />
}
