import type { JobHandler } from '../jobs/worker.server'

export const sendInvitationEmail: JobHandler<'email.invitation'> = async () => {}
