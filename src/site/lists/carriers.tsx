import type { Metadata } from 'next'

import { OfferCells, OfferHeaderCells } from '../components/OfferCells'
import { Pagination } from '../components/Pagination'
import { SiteShell } from '../components/SiteShell'
import { bcp47 } from '../format'
import { t } from '../messages'
import { everyLocale } from '../params'
import { paths } from '../paths'
import { carrierIn } from '../queries'
import { listMetadata, loadList, readShown, type ListParams } from './loadList'

/** A carrier takes one to three table rows: 15 keep a page under 30 KB of HTML. */
export const carriersPerPage = 15

export const carriersMetadata = (params: ListParams): Promise<Metadata> =>
  listMetadata(params, { collection: 'carriers', perPage: carriersPerPage, title: (m) => m.carriersTitle, description: (m) => m.carriersIntro, path: paths.carriers })

/** The carriers and their offers as a comparison table, one page at a time. */
export const CarriersList = async ({ params }: { params: ListParams }) => {
  const loaded = await loadList('carriers', params, carriersPerPage)
  const { locale, page, preview, list } = loaded
  const m = t(locale)
  const carriers = (await readShown(loaded, carrierIn)).map(({ shown, doc }) => ({ shown, carrier: doc }))
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
