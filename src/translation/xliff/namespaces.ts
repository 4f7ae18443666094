export const xliffNamespace = 'urn:oasis:names:tc:xliff:document:2.0'
export const metadataNamespace = 'urn:oasis:names:tc:xliff:metadata:2.0'
