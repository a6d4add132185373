import { bigint, timestamp, uuid } from 'drizzle-orm/pg-core'

export const id = () => uuid().primaryKey().defaultRandom()
export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow()
export const timestampTz = () => timestamp({ withTimezone: true })

/** Amounts are integer euro cents; bigint so that rounds above 21 million euros fit. */
export const cents = () => bigint({ mode: 'number' })
