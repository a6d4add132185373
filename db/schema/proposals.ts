import { date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import {
  closedReasons,
  documentKinds,
  proposalStatuses,
  type DeviceClass,
  type DevelopmentPhase,
  type Instrument,
  type IpStatus,
  type Modality,
  type RegulatoryPathway,
  type Stage,
  type Subsector,
  type TherapeuticArea,
} from '../../app/modules/proposals/taxonomy'
import { localeEnum, users } from './accounts'
import { cents, createdAt, id, timestampTz } from './columns'
import { organisations } from './organisations'

export const proposalStatusEnum = pgEnum('proposal_status', proposalStatuses)
export const closedReasonEnum = pgEnum('proposal_closed_reason', closedReasons)
export const documentKindEnum = pgEnum('document_kind', documentKinds)


export interface UseOfFundsItem {
  label: string
  amountCents: number
}

/**
 * A financing proposal: the startup's working copy. What the public and investors see is the
 * latest published version (`publishedVersionId`), so an edit under review never hides it.
 */
export const proposals = pgTable(
  'proposals',
  {
    id: id(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    status: proposalStatusEnum().notNull().default('draft'),
    closedReason: closedReasonEnum(),
    /** The language the startup wrote it in first (shown when the viewer's is missing). */
    originalLocale: localeEnum().notNull(),
    currency: text().notNull().default('EUR'),
    amountSoughtCents: cents().notNull(),
    minimumTicketCents: cents().notNull(),
    preMoneyValuationCents: cents(),
    instrument: text().$type<Instrument>().notNull(),
    stage: text().$type<Stage>().notNull(),
    closingDate: date({ mode: 'string' }).notNull(),
    subsector: text().$type<Subsector>().notNull(),
    trl: integer().notNull(),
    developmentPhase: text().$type<DevelopmentPhase>().notNull(),
    modality: text().$type<Modality>().notNull(),
    therapeuticAreas: text().array().$type<TherapeuticArea[]>().notNull().default([]),
    regulatoryPathway: text().$type<RegulatoryPathway>().notNull(),
    deviceClass: text().$type<DeviceClass>(),
    ipStatus: text().$type<IpStatus>().notNull(),
    useOfFunds: jsonb().$type<UseOfFundsItem[]>().notNull().default([]),
    publishedVersionId: uuid(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: createdAt(),
    submittedAt: timestampTz(),
    firstPublishedAt: timestampTz(),
    closedAt: timestampTz(),
  },
  (t) => [
    index('proposals_organisation_id_idx').on(t.organisationId),
    index('proposals_status_idx').on(t.status),
    index('proposals_closing_date_idx').on(t.closingDate),
  ],
)

/** The proposal's text in one language: title, public teaser, full description (Markdown). */
export const proposalTexts = pgTable(
  'proposal_texts',
  {
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    locale: localeEnum().notNull(),
    title: text().notNull(),
    summary: text().notNull(),
    description: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.locale] })],
)

/** Everything a published version shows, frozen when an organiser publishes it. */
export interface ProposalSnapshot {
  originalLocale: 'en' | 'es' | 'pt' | 'gl'
  texts: Partial<Record<'en' | 'es' | 'pt' | 'gl', { title: string; summary: string; description: string }>>
  amountSoughtCents: number
  minimumTicketCents: number
  preMoneyValuationCents: number | null
  instrument: Instrument
  stage: Stage
  closingDate: string
  subsector: Subsector
  trl: number
  developmentPhase: DevelopmentPhase
  modality: Modality
  therapeuticAreas: TherapeuticArea[]
  regulatoryPathway: RegulatoryPathway
  deviceClass: DeviceClass | null
  ipStatus: IpStatus
  useOfFunds: UseOfFundsItem[]
}

export const proposalVersions = pgTable(
  'proposal_versions',
  {
    id: id(),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    snapshot: jsonb().$type<ProposalSnapshot>().notNull(),
    publishedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    publishedAt: createdAt(),
  },
  (t) => [index('proposal_versions_proposal_id_idx').on(t.proposalId)],
)

/** Every status change, with who, when and the comment the startup sees. */
export const proposalTransitions = pgTable(
  'proposal_transitions',
  {
    id: id(),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    fromStatus: proposalStatusEnum(),
    toStatus: proposalStatusEnum().notNull(),
    closedReason: closedReasonEnum(),
    /** null when Ponte itself made the change (a closing date passing). */
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    comment: text(),
    createdAt: createdAt(),
  },
  (t) => [index('proposal_transitions_proposal_id_idx').on(t.proposalId)],
)

/** Files of a proposal (pitch deck, others), stored on disk under generated names. */
export const proposalDocuments = pgTable(
  'proposal_documents',
  {
    id: id(),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    kind: documentKindEnum().notNull(),
    /** The name the uploader's file had, shown to readers; never used as a path. */
    originalName: text().notNull(),
    /** Generated file name under the uploads folder. */
    storedName: text().notNull(),
    /** Detected from the content, not from the name. */
    mimeType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    uploadedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    deletedAt: timestampTz(),
  },
  (t) => [index('proposal_documents_proposal_id_idx').on(t.proposalId), uniqueIndex('proposal_documents_stored_name_key').on(t.storedName)],
)

/** A person's click-through acceptance of a proposal's NDA terms, for their investor organisation. */
export const ndaAcceptances = pgTable(
  'nda_acceptances',
  {
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    acceptedAt: createdAt(),
    ipAddress: text(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] })],
)

/** Every view or download of a data-room document, shown to the startup. */
export const documentAccessLog = pgTable(
  'document_access_log',
  {
    id: id(),
    documentId: uuid()
      .notNull()
      .references(() => proposalDocuments.id, { onDelete: 'cascade' }),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    organisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
    action: text({ enum: ['view', 'download'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('document_access_log_proposal_id_idx').on(t.proposalId)],
)
