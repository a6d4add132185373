import type { JobName } from './queue.server'
import type { JobHandler } from './worker.server'
import { queueAlertDigestsJob } from '../alerts/jobs.server'
import { sendAlertDigestEmail } from '../alerts/emails.server'
import { sendPasswordResetEmail, sendVerificationEmail } from '../accounts/emails.server'
import { sendNotificationEmail } from '../notifications/emails.server'
import { lapseWarningJob } from '../investors/lapse-warning.server'
import { sendInvitationEmail } from '../organisations/emails.server'
import { sendRoundOutcomeEmail } from '../rounds/outcome-email.server'
import { expireProposalsJob } from '../proposals/jobs.server'
import { sendJuryInvitationEmail } from '../rounds/juror-emails.server'
import { pruneExpiredRecords } from '../security/maintenance.server'
import { closingSoonJob } from '../watchlist/jobs.server'
import { checkSearchJob, reindexSearchJob, syncSearchJob } from '../../../search/jobs.server'

/** The handler of each job, by name. */
export const taskHandlers: { [N in JobName]: JobHandler<N> } = {
  'email.verification': sendVerificationEmail,
  'email.password-reset': sendPasswordResetEmail,
  'email.invitation': sendInvitationEmail,
  'email.notification': sendNotificationEmail,
  'email.jury-invitation': sendJuryInvitationEmail,
  'email.round-outcome': sendRoundOutcomeEmail,
  'email.alert-digest': sendAlertDigestEmail,
  'alerts.digest': queueAlertDigestsJob,
  'investors.lapse-warning': lapseWarningJob,
  'maintenance.prune': pruneExpiredRecords,
  'proposals.expire': expireProposalsJob,
  'search.sync': syncSearchJob,
  'search.reindex': reindexSearchJob,
  'search.check': checkSearchJob,
  'watchlist.closing-soon': closingSoonJob,
}
