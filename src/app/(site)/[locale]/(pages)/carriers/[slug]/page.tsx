import type { Metadata } from 'next'
import { draftMode } from 'next/headers'
import { notFound, permanentRedirect } from 'next/navigation'

import type { Locale } from '@/lib/locales'
import { CarrierCard } from '@/site/components/CarrierCard'
import { FallbackNotice } from '@/site/components/FallbackNotice'
import { GuideRichText } from '@/site/components/GuideRichText'
import { SiteShell } from '@/site/components/SiteShell'
import { SourcesList } from '@/site/components/SourcesList'
import { bcp47 } from '@/site/format'
import { t } from '@/site/messages'
import { pageMetadata } from '@/site/metadata'
import { localeParam, madeOnRequest, publishedPaths, switcherPaths } from '@/site/params'
import { paths } from '@/site/paths'
import { carrierIn, resolveSlug, shownLocale } from '@/site/queries'

type Props = { params: Promise<{ locale: string; slug: string }> }

export const generateStaticParams = madeOnRequest

const load = async (params: Props['params']) => {
  const { locale: rawLocale, slug } = await params
  const locale = localeParam(rawLocale)
  const preview = (await draftMode()).isEnabled
  const resolution = await resolveSlug('carriers', locale, decodeURIComponent(slug), preview)
  if (resolution.kind === 'missing') notFound()
  if (resolution.kind === 'redirect') permanentRedirect(paths.carrier(locale, resolution.slug))
  const carrier = await carrierIn(resolution.entry.id, resolution.shown, preview)
  if (!carrier) notFound()
  return { locale, preview, shown: resolution.shown, entry: resolution.entry, carrier }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, shown, entry, carrier } = await load(params)
  return pageMetadata({ locale, shown, title: carrier.name ?? '', alternates: publishedPaths(entry, paths.carrier) })
}

export default async function CarrierPage({ params }: Props) {
  const { locale, preview, shown, entry, carrier } = await load(params)
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
