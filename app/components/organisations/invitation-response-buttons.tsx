import { useTranslation } from 'react-i18next'
import { Button } from '~/components/ui/button'

/** Accept and Decline for an invitation; `busy(intent)` tells which one is submitting. */
export function InvitationResponseButtons({ busy }: { busy: (intent: 'accept' | 'decline') => boolean }) {
  const { t } = useTranslation()
  return (
    <div className="flex flex-wrap gap-3">
      <Button type="submit" name="intent" value="accept" pending={busy('accept')}>
        {t('organisations.invitation.accept')}
      </Button>
      <Button type="submit" name="intent" value="decline" variant="secondary" pending={busy('decline')}>
        {t('organisations.invitation.decline')}
      </Button>
    </div>
  )
}
