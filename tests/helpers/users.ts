import type { Payload } from 'payload'

import { login } from './apiServer'

export const password = 'correct horse battery staple'

/** Staff accounts of each role, made through the Local API. */
export const createStaff = async (payload: Payload) => {
  const make = (role: 'admin' | 'editor' | 'translator', locales?: ('zh' | 'en' | 'fr')[]) =>
    payload.create({
      collection: 'users',
      data: { email: `${role}@lagon.test`, password, name: role, role, locales },
    })
  return { admin: await make('admin'), editor: await make('editor'), translator: await make('translator', ['fr']) }
}

/** Authorization headers of the staff `createStaff` made, logged in through the REST API at `url`. */
export const staffHeaders = async (url: string) => {
  return {
    admin: await login(url, 'admin@lagon.test', password),
    editor: await login(url, 'editor@lagon.test', password),
    translator: await login(url, 'translator@lagon.test', password),
  }
}
