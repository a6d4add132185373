/**
 * Translation keys of the proposal code lists. Use with t(): `t(labelKey.instrument('equity'))`.
 * Subsector labels are shared with the startup directory (`startups.subsectors.<code>`).
 */
import type {
  ClosedReason,
  DevelopmentPhase,
  DeviceClass,
  DocumentKind,
  Instrument,
  IpStatus,
  Modality,
  ProposalStatus,
  RegulatoryPathway,
  Stage,
  Subsector,
  TherapeuticArea,
} from './taxonomy'

const key =
  <Code extends string>(field: string) =>
  (code: Code) =>
    `proposals.taxonomy.${field}.${code}`

export const labelKey = {
  status: key<ProposalStatus>('statuses'),
  closedReason: key<ClosedReason>('closedReasons'),
  instrument: key<Instrument>('instruments'),
  stage: key<Stage>('stages'),
  developmentPhase: key<DevelopmentPhase>('developmentPhases'),
  modality: key<Modality>('modalities'),
  therapeuticArea: key<TherapeuticArea>('therapeuticAreas'),
  regulatoryPathway: key<RegulatoryPathway>('regulatoryPathways'),
  deviceClass: key<DeviceClass>('deviceClasses'),
  ipStatus: key<IpStatus>('ipStatuses'),
  documentKind: key<DocumentKind>('documentKinds'),
  subsector: (code: Subsector) => `startups.subsectors.${code}`,
} as const

/** `t(trlLabelKey, { level })` -> "Technology readiness level 4"; the key takes `{ level }`. */
export const trlLabelKey = 'proposals.taxonomy.trlLevel'

/** Options for a select or checkbox group: [{ value, labelKey }]. */
export function labelOptions<Code extends string>(codes: readonly Code[], keyOf: (code: Code) => string) {
  return codes.map((value) => ({ value, labelKey: keyOf(value) }))
}
