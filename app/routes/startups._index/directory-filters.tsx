import { Form, Link, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/ui/button'
import { Field, SelectField } from '~/components/ui/field'
import { directoryRegions, type DirectoryQuery } from '~/modules/startups/directory-query'
import { subsectorLabelKey, subsectors } from '~/modules/startups/subsectors'
import { regionName } from '~/modules/organisations/regions'

/** The search box and filters; a GET form, so the results page's URL is the query. */
export function DirectoryFilters({ query }: { query: DirectoryQuery }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const pending = navigation.state === 'loading' && navigation.location.pathname === '/startups'
  const filtered = Boolean(query.q || query.region || query.subsector)
  const regionOptions = [
    { value: '', label: t('startups.directory.filters.anyRegion') },
    ...directoryRegions.map((code) => ({
      value: code,
      label: code === 'other' ? t('startups.directory.filters.otherRegions') : `${regionName(code)} (${code})`,
    })),
  ]
  const subsectorOptions = [
    { value: '', label: t('startups.directory.filters.anySubsector') },
    ...subsectors.map((code) => ({ value: code, label: t(subsectorLabelKey(code)) })),
  ]
  return (
    // Keyed by the query so the fields show the current URL after a link changes it.
    <Form
      key={JSON.stringify([query.q, query.region, query.subsector])}
      method="get"
      action="/startups"
      role="search"
      aria-label={t('startups.directory.filters.label')}
      className="grid gap-4 rounded-2xl border border-line bg-white p-5 shadow-sm md:grid-cols-[2fr_1fr_1fr_auto] md:items-end"
    >
      <Field label={t('startups.directory.filters.search')} name="q" type="search" defaultValue={query.q} maxLength={100} />
      <SelectField label={t('startups.directory.filters.region')} name="region" defaultValue={query.region ?? ''} options={regionOptions} />
      <SelectField label={t('startups.directory.filters.subsector')} name="subsector" defaultValue={query.subsector ?? ''} options={subsectorOptions} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={pending}>
          {t('startups.directory.filters.apply')}
        </Button>
        {filtered ? (
          <Link to="/startups" className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
            {t('startups.directory.filters.clear')}
          </Link>
        ) : null}
      </div>
    </Form>
  )
}
