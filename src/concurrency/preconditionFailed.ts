import { APIError, type PayloadRequest } from 'payload'

import { revisionEtag } from '@/api/httpCaching'
import { localeOfAdminLanguage, type Locale } from '@/lib/locales'

const explanation: Record<Locale, (revision: number) => string> = {
  zh: (revision: number) => `他人已保存此文档（当前为第 ${revision} 版）：请重新加载，查看对方的修改后再保存您的修改。`,
  en: (revision: number) => `Someone else saved this document (now revision ${revision}): reload it to see their change, then save yours again.`,
  fr: (revision: number) =>
    `Quelqu’un d’autre a enregistré ce document (révision ${revision}) : rechargez-le pour voir sa modification, puis enregistrez de nouveau la vôtre.`,
  'zh-Hant': (revision: number) => `他人已儲存此文件（目前為第 ${revision} 版）：請重新載入，查看對方的修改後再儲存您的修改。`,
}

/** Its own name, for `loggingLevels`: a client's stale copy is not the server's error. */
export class PreconditionFailed extends APIError {
  constructor(message: string, data: Record<string, unknown>) {
    super(message, 412, data, true)
    this.name = 'PreconditionFailed'
  }
}

/**
 * A save whose `If-Match` names an older revision: 412, in the language of whoever asks (the
 * admin's, or Accept-Language), naming the header and giving the current revision and its ETag
 * (also as the response's ETag header) so the client can reload and retry.
 */
export const preconditionFailed = (req: PayloadRequest, collection: string, id: number | string, revision: number): never => {
  const etag = revisionEtag(collection, id, revision)
  req.responseHeaders = new Headers(req.responseHeaders)
  req.responseHeaders.set('ETag', etag)
  const language = req.i18n?.language
  const message = explanation[localeOfAdminLanguage(language)](revision)
  throw new PreconditionFailed(message, { errors: [{ path: 'If-Match', message }], revision, etag })
}
