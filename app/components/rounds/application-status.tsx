import { useTranslation } from 'react-i18next'
import { Badge } from '~/components/ui/card'
import type { ApplicationStatus } from '~/modules/rounds/taxonomy'

const tones = { submitted: 'brand', shortlisted: 'success', declined: 'neutral', withdrawn: 'neutral' } as const

/** An application's status as its applicant sees it. */
export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation()
  return <Badge tone={tones[status]}>{t(`applying.statuses.${status}`)}</Badge>
}
