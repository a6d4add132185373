import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { buttonClass } from '~/components/ui/button'
import { getCatalogueStats } from '~/modules/organisations/directory.server'

export const meta: MetaFunction = () => [
  { title: 'Ponte — biotech funding across the border' },
  { name: 'description', content: 'The funding portal of the Galicia–Northern Portugal–Castilla y León biotech cluster.' },
]

export async function loader({ context }: LoaderFunctionArgs) {
  return { stats: await getCatalogueStats(context.db) }
}

export default function Home() {
  const { t } = useTranslation()
  const { stats } = useLoaderData<typeof loader>()
  const audiences = [
    ['forStartups', 'forStartupsText'],
    ['forInvestors', 'forInvestorsText'],
    ['forOrganisers', 'forOrganisersText'],
  ] as const
  return (
    <div className="space-y-16">
      <section className="rounded-3xl bg-gradient-to-br from-brand-800 via-brand-700 to-brand-500 px-6 py-16 text-white shadow-lg sm:px-12">
        <p className="text-sm font-semibold uppercase tracking-widest text-brand-100">{t('common.home.eyebrow')}</p>
        <h1 className="mt-4 max-w-3xl text-3xl font-semibold tracking-tight sm:text-5xl">{t('common.home.title')}</h1>
        <p className="mt-6 max-w-2xl text-lg text-brand-50">{t('common.home.lead')}</p>
        <div className="mt-10 flex flex-wrap gap-3">
          <Link to="/signup" className={buttonClass('secondary', 'border-transparent')}>
            {t('common.home.ctaSignup')}
          </Link>
          <Link to="/startups" className="inline-flex items-center rounded-lg px-4 py-2.5 text-sm font-semibold text-white ring-1 ring-white/40 hover:bg-white/10">
            {t('common.home.ctaBrowse')}
          </Link>
        </div>
        <dl className="mt-12 grid max-w-xl grid-cols-3 gap-6">
          {(
            [
              ['startups', stats.startups],
              ['investors', stats.investors],
              ['regions', stats.regions],
            ] as const
          ).map(([key, value]) => (
            <div key={key}>
              <dt className="text-sm text-brand-100">{t(`common.home.stats.${key}`)}</dt>
              <dd className="text-3xl font-semibold">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="grid gap-6 md:grid-cols-3">
        {audiences.map(([title, text]) => (
          <div key={title} className="rounded-2xl border border-line bg-white p-6 shadow-sm">
            <h2 className="text-lg font-semibold">{t(`common.home.${title}`)}</h2>
            <p className="mt-2 text-sm text-muted">{t(`common.home.${text}`)}</p>
          </div>
        ))}
      </section>
    </div>
  )
}
