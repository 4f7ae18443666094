import type { Locale } from '@/lib/locales'
import type { Carrier } from '@/payload-types'

import { formatNumber, formatPrice, xpfInEuros } from '../format'
import { t } from '../messages'

export type Offer = NonNullable<Carrier['offers']>[number]

/** The facts of one offer, as table cells with their column name for narrow screens. */
export const OfferCells = ({ offer, locale }: { offer: Offer; locale: Locale }) => {
  const m = t(locale)
  const likelihood = (value: Offer['receivesSms'] | null | undefined) =>
    value === 'yes' ? m.yes : value === 'usually' ? m.usually : value === 'usually-not' ? m.usuallyNot : value === 'no' ? m.no : m.unknown
  const data = offer.unlimitedData
    ? m.unlimited
    : offer.dataAllowanceGB != null
      ? m.gigabytes(formatNumber(offer.dataAllowanceGB, locale))
      : m.unknown
  const price =
    offer.price?.amount != null && offer.price.currency ? (
      <>
        {formatPrice(offer.price.amount, offer.price.currency, locale)}
        {offer.price.currency === 'XPF' ? (
          <span className="euro"> ({m.aboutEuro(formatPrice(xpfInEuros(offer.price.amount), 'EUR', locale))})</span>
        ) : null}
      </>
    ) : (
      m.unknown
    )
  return (
    <>
      <td data-label={m.type}>{m.offerTypes[offer.type]}</td>
      <td data-label={m.data}>{data}</td>
      <td data-label={m.validity}>{offer.validityDays ? m.days(formatNumber(offer.validityDays, locale)) : m.unknown}</td>
      <td data-label={m.price}>{price}</td>
      <td data-label={m.phoneNumber}>{likelihood(offer.includesPhoneNumber)}</td>
      <td data-label={m.sms}>{likelihood(offer.receivesSms)}</td>
      <td data-label={m.esim}>{offer.type === 'esim' ? m.yes : m.no}</td>
    </>
  )
}

export const OfferHeaderCells = ({ locale }: { locale: Locale }) => {
  const m = t(locale)
  return (
    <>
      <th scope="col">{m.type}</th>
      <th scope="col">{m.data}</th>
      <th scope="col">{m.validity}</th>
      <th scope="col">{m.price}</th>
      <th scope="col">{m.phoneNumber}</th>
      <th scope="col">{m.sms}</th>
      <th scope="col">{m.esim}</th>
    </>
  )
}
