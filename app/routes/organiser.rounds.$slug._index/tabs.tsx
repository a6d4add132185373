import { useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Notice } from '~/components/ui/card'
import type { FormReply } from '~/modules/organisations/replies.server'
import { canEditSection, type RoundSection } from '~/modules/rounds/schemas'
import type { RoundStatus } from '~/modules/rounds/taxonomy'
import { EligibilityTab } from './eligibility-tab'
import { EvaluationTab } from './evaluation-tab'
import { JuryTab } from './jury-tab'
import { OverviewTab } from './overview-tab'
import { PoolTab } from './pool-tab'
import { QuestionsTab } from './questions-tab'
import type { RoundPageData } from './route'
import { TextsTab } from './texts-tab'
import { WindowTab } from './window-tab'

/** The active tab of the round's set-up page. */
export function RoundTab({ page }: { page: RoundPageData }) {
  switch (page.tab) {
    case 'overview':
      return <OverviewTab page={page} />
    case 'texts':
      return <TextsTab page={page} />
    case 'eligibility':
      return <EligibilityTab page={page} />
    case 'window':
      return <WindowTab page={page} />
    case 'questions':
      return <QuestionsTab page={page} />
    case 'evaluation':
      return <EvaluationTab page={page} />
    case 'pool':
      return <PoolTab page={page} />
    case 'jury':
      return <JuryTab page={page} />
  }
}

/** The page's last refused submission when it was one of `intents`' forms. */
export function useFormReply(...intents: string[]) {
  const reply = useActionData<FormReply>()
  return reply && reply.intent && intents.includes(reply.intent) ? reply.result : undefined
}

/** Why a part of the round can no longer change, when it cannot; nothing otherwise. */
export function LockNotice({ section, status }: { section: RoundSection | 'matching'; status: RoundStatus }) {
  const { t } = useTranslation()
  if (canEditSection(section, status)) return null
  return <Notice tone="info">{t(status === 'closed' ? 'rounds.setup.lockedClosed' : status === 'open' ? 'rounds.setup.lockedOpen' : 'rounds.setup.lockedLater')}</Notice>
}
