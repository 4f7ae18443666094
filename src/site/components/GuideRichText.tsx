import { RichText, type JSXConvertersFunction } from '@payloadcms/richtext-lexical/react'
import { getImageProps } from 'next/image'

import type { Locale } from '@/lib/locales'
import type { Carrier, Media, Tip } from '@/payload-types'

import { siteUrl } from '../paths'
import { Callout } from './Callout'
import { CarrierCard } from './CarrierCard'

type Fields = Record<string, unknown>
type BlockArgs = { node: { fields: unknown } }

const converters =
  (locale: Locale): JSXConvertersFunction =>
  ({ defaultConverters }) => ({
    ...defaultConverters,
    upload: ({ node }: { node: { value: unknown } }) => {
      const media = node.value as Media | number | null
      return typeof media === 'object' && media ? <GuideImage media={media} /> : null
    },
    blocks: {
      callout: ({ node }: BlockArgs) => {
        const fields = node.fields as Fields
        return (
          <Callout kind={fields.kind as 'note' | 'warning' | 'unverified'} locale={locale}>
            <RichText data={fields.content as never} disableContainer converters={converters(locale)} />
          </Callout>
        )
      },
      // An embedded document that is not published comes back unpopulated (an id): it is left out.
      carrierEmbed: ({ node }: BlockArgs) => {
        const carrier = (node.fields as Fields).carrier
        return typeof carrier === 'object' && carrier ? <CarrierCard carrier={carrier as Carrier} locale={locale} /> : null
      },
      tipEmbed: ({ node }: BlockArgs) => {
        const tip = (node.fields as Fields).tip
        return typeof tip === 'object' && tip ? <TipCard tip={tip as Tip} locale={locale} /> : null
      },
    },
  })

export const GuideRichText = ({ data, locale }: { data: unknown; locale: Locale }) =>
  data ? <RichText data={data as never} disableContainer converters={converters(locale)} /> : null

/** A tip in brief, as embedded in a guide or listed on the tips page. */
export const TipCard = ({ tip, locale }: { tip: Tip; locale: Locale }) => (
  <section className="card tip-card" aria-label={tip.title ?? ''}>
    <p className="card-title">{tip.title}</p>
    <GuideRichText data={tip.body} locale={locale} />
  </section>
)

/**
 * An image as plain `<img>` with Next's optimized sources (AVIF/WebP, sized for the column) and
 * its intrinsic width and height, so nothing shifts while it loads and no client code ships.
 */
const GuideImage = ({ media }: { media: Media }) => {
  if (!media.url || !media.width || !media.height) return null
  // Payload gives absolute URLs when the server URL is set; ours must stay local for the optimizer.
  const src = media.url.startsWith(siteUrl()) ? media.url.slice(siteUrl().length) : media.url
  const { props } = getImageProps({
    src,
    width: media.width,
    height: media.height,
    alt: media.alt ?? '',
    sizes: '(max-width: 46rem) 100vw, 46rem',
  })
  return (
    <figure>
      {/* eslint-disable-next-line jsx-a11y/alt-text, @next/next/no-img-element -- getImageProps gives alt and optimized sources */}
      <img {...props} />
    </figure>
  )
}
