import type { Metadata } from 'next'

import { madeOnRequest } from '@/site/params'
import { carriersMetadata, CarriersList } from '@/site/lists/carriers'

type Props = { params: Promise<{ locale: string; page: string }> }

export const generateStaticParams = madeOnRequest

export const generateMetadata = ({ params }: Props): Promise<Metadata> => carriersMetadata(params)

export default function CarriersPageN({ params }: Props) {
  return <CarriersList params={params} />
}
