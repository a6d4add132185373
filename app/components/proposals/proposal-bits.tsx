import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { localeNames, type Locale } from '~/modules/i18n/locales'
import { Badge } from '~/components/ui/card'
import { labelKey } from '~/modules/proposals/labels'
import type { Instrument, Stage, Subsector } from '~/modules/proposals/taxonomy'
import { startupRegionLabel } from '~/modules/startups/place'

/** "Shown in Español: not written in your language" under a text the startup wrote in another language. */
export function OtherLanguageNote({ lang, locale }: { lang: Locale; locale: Locale }) {
  const { t } = useTranslation()
  if (lang === locale) return null
  return <p className="mt-2 text-xs text-muted">{t('catalogue.otherLanguage', { language: localeNames[lang] })}</p>
}

/** Where a startup is: "Vigo · Galicia"; parts it has not filled in are left out. */
export function startupPlace(startup: { city: string | null; region: string | null; country: string }, locale: Locale): string {
  const region = startup.region ? startupRegionLabel(startup.region, startup.country, locale) : null
  return [startup.city, region].filter(Boolean).join(' · ')
}

/** A label and its value in a definition list of facts. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex justify-between gap-4 border-b border-line py-3 first:pt-0 last:border-0 last:pb-0">
      <dt className="text-muted">{label}</dt>
      <dd className="text-right font-medium text-ink">{children}</dd>
    </div>
  )
}

/**
 * HTML rendered on the server from a proposal's Markdown (markdown-it without raw HTML; see
 * app/modules/proposals/markdown.server.ts), styled as prose with Tailwind classes only.
 */
export function MarkdownContent({ html, lang }: { html: string; lang?: Locale }) {
  return (
    <div
      lang={lang}
      className="max-w-none space-y-4 leading-relaxed text-ink [&_a]:font-medium [&_a]:text-brand-700 [&_a]:underline [&_a]:underline-offset-2 [&_blockquote]:border-l-4 [&_blockquote]:border-line [&_blockquote]:pl-4 [&_blockquote]:text-muted [&_code]:rounded [&_code]:bg-canvas [&_code]:px-1 [&_code]:text-sm [&_h3]:mt-6 [&_h3]:text-lg [&_h3]:font-semibold [&_h4]:mt-4 [&_h4]:font-semibold [&_h5]:font-semibold [&_h6]:font-semibold [&_hr]:border-line [&_li]:mt-1 [&_ol]:list-decimal [&_ol]:pl-6 [&_pre]:overflow-x-auto [&_pre]:rounded-lg [&_pre]:bg-canvas [&_pre]:p-3 [&_table]:w-full [&_table]:text-sm [&_td]:border [&_td]:border-line [&_td]:px-2 [&_td]:py-1 [&_th]:border [&_th]:border-line [&_th]:px-2 [&_th]:py-1 [&_th]:text-left [&_ul]:list-disc [&_ul]:pl-6"
      // Safe: produced by renderMarkdown on the server, which never lets raw HTML through.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  )
}

/** The subsector, stage and instrument of a proposal as badges (catalogue card and proposal page). */
export function ClassificationBadges({ proposal }: { proposal: { subsector: Subsector; stage: Stage; instrument: Instrument } }) {
  const { t } = useTranslation()
  return (
    <ul aria-label={t('catalogue.card.classification')} className="mt-4 flex flex-wrap gap-1.5">
      <li>
        <Badge tone="brand">{t(labelKey.subsector(proposal.subsector))}</Badge>
      </li>
      <li>
        <Badge>{t(labelKey.stage(proposal.stage))}</Badge>
      </li>
      <li>
        <Badge>{t(labelKey.instrument(proposal.instrument))}</Badge>
      </li>
    </ul>
  )
}
