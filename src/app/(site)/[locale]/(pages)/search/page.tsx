import type { Metadata } from 'next'

import { searchMetadata, SearchResults, type SearchPageProps } from '@/site/search/SearchResults'

export const generateMetadata = (props: SearchPageProps): Promise<Metadata> => searchMetadata(props)

export default function SearchPage(props: SearchPageProps) {
  return <SearchResults {...props} />
}
