import type {
  SerializedListItemNode,
  SerializedListNode,
  SerializedParagraphNode,
  SerializedTableCellNode,
  SerializedTableNode,
  SerializedTableRowNode,
} from '@payloadcms/richtext-lexical'
import { RichText, type JSXConverterArgs, type JSXConvertersFunction } from '@payloadcms/richtext-lexical/react'
import type React from 'react'
import { getImageProps } from 'next/image'

import type { Locale } from '@/lib/locales'
import type { Carrier, Media, Tip } from '@/payload-types'

import { siteUrl } from '../paths'
import { Callout } from './Callout'
import { CarrierCard } from './CarrierCard'

type Fields = Record<string, unknown>
type BlockArgs = { node: { fields: unknown } }
type CellArgs = JSXConverterArgs<SerializedTableCellNode>

/** A cell holding one paragraph shows its text, not a paragraph in a cell. */
const cellContent = ({ node, nodesToJSX }: CellArgs) => {
  const [only, ...others] = node.children
  const nodes = only?.type === 'paragraph' && others.length === 0 ? (only as SerializedParagraphNode).children : node.children
  return nodesToJSX({ nodes })
}

const converters =
  (locale: Locale): JSXConvertersFunction =>
  ({ defaultConverters }) => ({
    ...defaultConverters,
    // Tables and lists as plain elements styled by site.css: Lexical's defaults repeat classes and
    // inline styles on every cell and item, a tenth of a guide's HTML.
    table: ({ node, nodesToJSX }: JSXConverterArgs<SerializedTableNode>) => (
      // Focusable: at narrow widths the table scrolls sideways, and keyboard users must reach it.
      <div className="table-wrap" tabIndex={0}>
        <table>
          <tbody>{nodesToJSX({ nodes: node.children })}</tbody>
        </table>
      </div>
    ),
    tablerow: ({ node, nodesToJSX }: JSXConverterArgs<SerializedTableRowNode>) => <tr>{nodesToJSX({ nodes: node.children })}</tr>,
    tablecell: (args: CellArgs) => {
      const Cell = (args.node.headerState ?? 0) > 0 ? 'th' : 'td'
      const span = (value?: number) => (value && value > 1 ? value : undefined)
      return (
        <Cell colSpan={span(args.node.colSpan)} rowSpan={span(args.node.rowSpan)}>
          {cellContent(args)}
        </Cell>
      )
    },
    list: ({ node, nodesToJSX }: JSXConverterArgs<SerializedListNode>) => {
      const List = node.tag === 'ol' ? 'ol' : 'ul'
      return <List>{nodesToJSX({ nodes: node.children })}</List>
    },
    listitem: (args: JSXConverterArgs<SerializedListItemNode>) => {
      const { node, parent, nodesToJSX } = args
      if ('listType' in parent && parent.listType === 'check') return (defaultConverters.listitem as (a: typeof args) => React.ReactNode)(args)
      const nested = node.children.some((child) => child.type === 'list')
      return <li className={nested ? 'nested' : undefined}>{nodesToJSX({ nodes: node.children })}</li>
    },
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
