import type { Metadata } from 'next'

import type { Carrier } from '@/payload-types'

import { OfferCells, OfferHeaderCells } from '../components/OfferCells'
import { Pagination } from '../components/Pagination'
import { SiteShell } from '../components/SiteShell'
import { bcp47 } from '../format'
import { t } from '../messages'
import { pageMetadata } from '../metadata'
import { everyLocale } from '../params'
import { paths } from '../paths'
import { carrierIn, shownLocale } from '../queries'
import { loadList, type ListParams } from './loadList'

/** A carrier takes one to three table rows: 15 keep a page under 30 KB of HTML. */
export const carriersPerPage = 15

export const carriersMetadata = async (params: ListParams): Promise<Metadata> => {
  const { locale, page, list } = await loadList('carriers', params, carriersPerPage)
  const m = t(locale)
  return pageMetadata({
    locale,
    shown: locale,
    title: page > 1 ? `${m.carriersTitle} · ${m.pageOf(page, list.totalPages)}` : m.carriersTitle,
    description: m.carriersIntro,
    alternates: everyLocale((each) => paths.carriers(each, page)),
  })
}

/** The carriers and their offers as a comparison table, one page at a time. */
export const CarriersList = async ({ params }: { params: ListParams }) => {
  const { locale, page, preview, list } = await loadList('carriers', params, carriersPerPage)
  const m = t(locale)
  const carriers = (
    await Promise.all(
      list.entries.map(async (entry) => {
        const shown = shownLocale(entry, locale)!
        return { shown, carrier: await carrierIn(entry.id, shown, preview) }
      }),
    )
  ).filter((row): row is { shown: typeof row.shown; carrier: Carrier } => row.carrier !== null)
  return (
    <SiteShell locale={locale} alternates={everyLocale((each) => paths.carriers(each, page))} preview={preview}>
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
      <Pagination locale={locale} page={page} totalPages={list.totalPages} href={(n) => paths.carriers(locale, n)} />
    </SiteShell>
  )
}
