'use client'

import { useForm } from '@payloadcms/ui'

type Props = { path: string; value: unknown; richText: boolean; text: string; lang: string; label: string; copyLabel: string }

/** The source text beside a field being translated, and a one-click copy of it into the field. */
export const CopyFromSource = ({ path, value, richText, text, lang, label, copyLabel }: Props) => {
  const { dispatchFields, setModified } = useForm()
  const copy = () => {
    // The Lexical editor keeps its own state and reloads it only when the field's initial value
    // changes, so rich text gets a new initial value as well as a new value.
    const copied = richText ? structuredClone(value) : value
    dispatchFields({ type: 'UPDATE', path, value: copied, ...(richText ? { initialValue: copied } : {}) })
    setModified(true)
  }
  return (
    <div className="source-text" data-source-for={path}>
      <div className="source-text__label">{label}</div>
      <div className="source-text__text" lang={lang}>
        {text}
      </div>
      <button type="button" className="btn btn--style-secondary btn--size-small source-text__copy" onClick={copy}>
        {copyLabel}
      </button>
    </div>
  )
}
