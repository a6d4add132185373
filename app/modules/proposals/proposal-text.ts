import { supportedLocales, type Locale } from '~/modules/i18n/locales'

/**
 * Which of a proposal's languages to show a reader of `locale`: theirs when the startup wrote
 * one, else the language the startup wrote it in first, else any there is. `lang` goes on the
 * element; when it differs from the reader's language the page says so.
 */
export function pickProposalLocale(available: readonly Locale[], locale: Locale, originalLocale: Locale): Locale | null {
  for (const candidate of [locale, originalLocale, ...supportedLocales]) {
    if (available.includes(candidate)) return candidate
  }
  return null
}

/** The entry of `texts` for a reader of `locale`, with its language. */
export function pickProposalText<T>(texts: Partial<Record<Locale, T>>, locale: Locale, originalLocale: Locale): (T & { lang: Locale }) | null {
  const available = supportedLocales.filter((lang) => texts[lang] !== undefined)
  const lang = pickProposalLocale(available, locale, originalLocale)
  return lang ? { ...texts[lang]!, lang } : null
}

/** The title of a published version (its snapshot, if any) for a reader of `locale`, with its language. */
export function snapshotTitle(snapshot: { texts: Partial<Record<Locale, { title: string }>>; originalLocale: Locale } | null, locale: Locale) {
  const text = snapshot ? pickProposalText(snapshot.texts, locale, snapshot.originalLocale) : null
  return { title: text?.title ?? null, lang: text?.lang ?? null }
}
