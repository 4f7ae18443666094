import type { ServerProps } from 'payload'

import { adminLanguage, translationAdminLabels } from './labels'

/** The dashboard's entry in the admin's navigation. */
export const TranslationsNavLink = ({ i18n, payload }: ServerProps) => (
  <a className="nav__link translations-nav-link" href={`${payload.config.routes.admin}/translations`}>
    <span className="nav__link-label">{translationAdminLabels.dashboard[adminLanguage(i18n.language)]}</span>
  </a>
)
