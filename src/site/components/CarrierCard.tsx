import type { Locale } from '@/lib/locales'
import type { Carrier } from '@/payload-types'

import { t } from '../messages'
import { paths } from '../paths'
import { OfferCells, OfferHeaderCells } from './OfferCells'

/** A carrier in brief, as embedded in a guide. */
export const CarrierCard = ({ carrier, locale }: { carrier: Carrier; locale: Locale }) => {
  const m = t(locale)
  return (
    <section className="card carrier-card" aria-label={carrier.name ?? ''}>
      <p className="card-title">
        {carrier.slug ? <a href={paths.carrier(locale, carrier.slug)}>{carrier.name}</a> : carrier.name}{' '}
        <span className={`badge badge-${carrier.verification}`}>{m.verification[carrier.verification]}</span>
      </p>
      <p className="muted">
        {m.kinds[carrier.kind]}
        {carrier.technologies?.length ? ` · ${carrier.technologies.join(' / ')}` : ''}
      </p>
      {carrier.offers?.length ? (
        <div className="table-wrap">
          <table className="offers">
            <thead>
              <tr>
                <th scope="col">{m.offer}</th>
                <OfferHeaderCells locale={locale} />
              </tr>
            </thead>
            <tbody>
              {carrier.offers.map((offer, index) => (
                <tr key={offer.id ?? index}>
                  <th scope="row">{offer.name}</th>
                  <OfferCells offer={offer} locale={locale} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  )
}
