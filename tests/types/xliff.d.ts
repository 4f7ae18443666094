/** The two functions of the `xliff` npm package the tests use (it ships no types). */
declare module 'xliff' {
  export function xliff2js(xml: string): Promise<unknown>
  export function js2xliff(js: unknown): Promise<string>
}
