import type { Metadata } from 'next'

import type { Locale } from '@/lib/locales'
import { CarrierCard } from '@/site/components/CarrierCard'
import { FallbackNotice } from '@/site/components/FallbackNotice'
import { GuideRichText } from '@/site/components/GuideRichText'
import { SiteShell } from '@/site/components/SiteShell'
import { SourcesList } from '@/site/components/SourcesList'
import { documentPageLoader, type DocumentPageParams } from '@/site/documentPage'
import { bcp47 } from '@/site/format'
import { t } from '@/site/messages'
import { pageMetadata } from '@/site/metadata'
import { madeOnRequest, publishedPaths, switcherPaths } from '@/site/params'
import { paths } from '@/site/paths'
import { carrierIn, shownLocale } from '@/site/queries'

type Props = { params: DocumentPageParams }

const load = documentPageLoader('carriers', paths.carrier, carrierIn)

export const generateStaticParams = madeOnRequest

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, shown, entry, doc: carrier } = await load(params)
  return pageMetadata({ locale, shown, title: carrier.name ?? '', alternates: publishedPaths(entry, paths.carrier) })
}

export default async function CarrierPage({ params }: Props) {
  const { locale, preview, shown, entry, doc: carrier } = await load(params)
  const m = t(locale)
  return (
    <SiteShell locale={locale} alternates={switcherPaths(entry, paths.carrier, (l: Locale) => shownLocale(entry, l))} preview={preview}>
      <article lang={shown === locale ? undefined : bcp47(shown)}>
        <FallbackNotice locale={locale} shown={shown} />
        <h1>{carrier.name}</h1>
        <p className="meta">
          {m.kinds[carrier.kind]} · <span className={`badge badge-${carrier.verification}`}>{m.verification[carrier.verification]}</span>
        </p>
        <GuideRichText data={carrier.description} locale={shown} />
        <dl>
          {carrier.website ? (
            <>
              <dt>{m.website}</dt>
              <dd>
                <a href={carrier.website}>{carrier.website}</a>
              </dd>
            </>
          ) : null}
          {carrier.technologies?.length ? (
            <>
              <dt>{m.technologies}</dt>
              <dd>{carrier.technologies.join(' / ')}</dd>
            </>
          ) : null}
          {carrier.bands?.length ? (
            <>
              <dt>{m.bands}</dt>
              <dd>{carrier.bands.join(' · ')}</dd>
            </>
          ) : null}
        </dl>
        <h2>{m.offers}</h2>
        <CarrierCard carrier={carrier} locale={locale} />
        {carrier.offers?.filter((offer) => offer.notes).map((offer) => (
          <p key={offer.id}>
            <strong>{offer.name}</strong>: {offer.notes}
          </p>
        ))}
        <SourcesList sources={carrier.sources} lastVerified={carrier.lastVerified} locale={locale} />
      </article>
    </SiteShell>
  )
}
