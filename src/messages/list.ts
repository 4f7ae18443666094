/** Values named in a message, one after another: the QA findings' lists of numbers, links, marks. */
export const list = (values: string[]): string => values.join(', ')
