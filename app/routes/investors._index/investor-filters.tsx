import { Form, Link, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/ui/button'
import { Field, SelectField } from '~/components/ui/field'
import type { InvestorDirectoryQuery } from '~/modules/investors/directory-query'
import { nutsRegions } from '~/modules/organisations/regions'
import { investorTypes } from '~/modules/organisations/schemas'
import { stages } from '~/modules/proposals/taxonomy'
import { subsectorLabelKey, subsectors } from '~/modules/startups/subsectors'

/** The search box and filters of the investor directory; a GET form, so the URL is the query. */
export function InvestorFilters({ query }: { query: InvestorDirectoryQuery }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const pending = navigation.state === 'loading' && navigation.location.pathname === '/investors'
  const filtered = Boolean(query.q || query.type || query.subsector || query.stage || query.amount || query.region)
  const any = (key: string) => ({
    value: '',
    label: t(`investors.directory.filters.${key}`),
  })
  return (
    <Form
      key={JSON.stringify(query)}
      method="get"
      action="/investors"
      role="search"
      aria-label={t('investors.directory.filters.label')}
      className="grid gap-4 rounded-2xl border border-line bg-white p-5 shadow-sm sm:grid-cols-2 lg:grid-cols-3"
    >
      <Field
        label={t('investors.directory.filters.search')}
        name="q"
        type="search"
        defaultValue={query.q}
        maxLength={100}
        hint={t('investors.directory.filters.searchHint')}
      />
      <SelectField
        label={t('investors.directory.filters.type')}
        name="type"
        defaultValue={query.type ?? ''}
        options={[
          any('anyType'),
          ...investorTypes.map((type) => ({
            value: type,
            label: t(`organisations.investorTypes.${type}`),
          })),
        ]}
      />
      <SelectField
        label={t('investors.directory.filters.subsector')}
        name="subsector"
        defaultValue={query.subsector ?? ''}
        options={[
          any('anySubsector'),
          ...subsectors.map((code) => ({
            value: code,
            label: t(subsectorLabelKey(code)),
          })),
        ]}
      />
      <SelectField
        label={t('investors.directory.filters.stage')}
        name="stage"
        defaultValue={query.stage ?? ''}
        options={[
          any('anyStage'),
          ...stages.map((code) => ({
            value: code,
            label: t(`proposals.taxonomy.stages.${code}`),
          })),
        ]}
      />
      <Field
        label={t('investors.directory.filters.amount')}
        name="amount"
        type="number"
        inputMode="numeric"
        min={1}
        defaultValue={query.amount ?? ''}
        hint={t('investors.directory.filters.amountHint')}
      />
      <SelectField
        label={t('investors.directory.filters.region')}
        name="region"
        defaultValue={query.region ?? ''}
        options={[
          any('anyRegion'),
          ...nutsRegions.map((region) => ({
            value: region.code,
            label: `${region.name} (${region.code})`,
          })),
        ]}
      />
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-3">
        <Button type="submit" pending={pending}>
          {t('investors.directory.filters.apply')}
        </Button>
        {filtered ? (
          <Link to="/investors" className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
            {t('investors.directory.filters.clear')}
          </Link>
        ) : null}
      </div>
    </Form>
  )
}
