import type { Payload } from 'payload'

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
