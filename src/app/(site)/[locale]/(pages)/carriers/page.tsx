import type { Metadata } from 'next'
import { draftMode } from 'next/headers'

import type { Carrier } from '@/payload-types'
import { OfferCells, OfferHeaderCells } from '@/site/components/OfferCells'
import { SiteShell } from '@/site/components/SiteShell'
import { bcp47 } from '@/site/format'
import { t } from '@/site/messages'
import { pageMetadata } from '@/site/metadata'
import { everyLocale, localeParam, noPagesAtBuild } from '@/site/params'
import { paths } from '@/site/paths'
import { carrierIn, carrierIndex, shownLocale } from '@/site/queries'

type Props = { params: Promise<{ locale: string }> }

export const generateStaticParams = noPagesAtBuild

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = localeParam((await params).locale)
  const m = t(locale)
  return pageMetadata({ locale, shown: locale, title: m.carriersTitle, description: m.carriersIntro, alternates: everyLocale(paths.carriers) })
}

export default async function CarriersPage({ params }: Props) {
  const locale = localeParam((await params).locale)
  const m = t(locale)
  const preview = (await draftMode()).isEnabled
  const entries = await carrierIndex(preview)
  const carriers = (
    await Promise.all(
      entries.map(async (entry) => {
        const shown = shownLocale(entry, locale)!
        return { shown, carrier: await carrierIn(entry.id, shown, preview) }
      }),
    )
  ).filter((row): row is { shown: typeof row.shown; carrier: Carrier } => row.carrier !== null)
  return (
    <SiteShell locale={locale} alternates={everyLocale(paths.carriers)} preview={preview}>
      <h1>{m.carriersTitle}</h1>
      <p>{m.carriersIntro}</p>
      <div className="table-wrap">
        <table className="offers">
          <caption className="muted">{m.carriersTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{m.carrier}</th>
              <th scope="col">{m.offer}</th>
              <OfferHeaderCells locale={locale} />
            </tr>
          </thead>
          <tbody>
            {carriers.flatMap(({ carrier, shown }) =>
              (carrier.offers?.length ? carrier.offers : [null]).map((offer, index) => (
                <tr key={`${carrier.id}-${offer?.id ?? index}`} lang={shown === locale ? undefined : bcp47(shown)}>
                  <th scope="row" data-label={m.carrier}>
                    <a href={paths.carrier(locale, carrier.slug!)}>{carrier.name}</a>{' '}
                    <span className={`badge badge-${carrier.verification}`}>{m.verification[carrier.verification]}</span>
                  </th>
                  {offer ? (
                    <>
                      <td data-label={m.offer}>{offer.name}</td>
                      <OfferCells offer={offer} locale={locale} />
                    </>
                  ) : (
                    <td colSpan={8}>{m.unknown}</td>
                  )}
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
    </SiteShell>
  )
}
