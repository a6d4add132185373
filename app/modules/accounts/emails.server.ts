import type { JobHandler } from '../jobs/worker.server'

export const sendVerificationEmail: JobHandler<'email.verification'> = async () => {}
export const sendPasswordResetEmail: JobHandler<'email.password-reset'> = async () => {}
