/** Field paths named by a Payload error response. */
export const errorPaths = (body: unknown): string[] => {
  const errors = (body as { errors?: { data?: { errors?: { path: string }[] } }[] }).errors ?? []
  return errors.flatMap((error) => error.data?.errors?.map(({ path }) => path) ?? [])
}

export const json = (headers: Record<string, string> = {}) => ({ 'content-type': 'application/json', ...headers })
