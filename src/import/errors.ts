/** A problem in an input file: reported with its place, and nothing is written. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(file ? `${file}${line ? `:${line}` : ''}: ${message}` : message)
    this.name = 'ImportError'
  }
}
