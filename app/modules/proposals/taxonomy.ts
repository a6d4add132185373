/**
 * The codes a financing proposal is classified by. One list per field, shared by server and
 * browser code, the import format and (later) the search index. Labels live in
 * app/locales/<lng>/proposals.json under `proposals.taxonomy.<field>.<code>`.
 */
export { subsectors, type Subsector } from '../startups/subsectors'

export const proposalStatuses = ['draft', 'submitted', 'changes_requested', 'published', 'closed'] as const
export type ProposalStatus = (typeof proposalStatuses)[number]

export const closedReasons = ['funded', 'withdrawn', 'expired'] as const
export type ClosedReason = (typeof closedReasons)[number]

export const instruments = ['equity', 'convertible_note', 'venture_loan', 'grant_cofunding', 'other'] as const
export type Instrument = (typeof instruments)[number]

export const stages = ['pre_seed', 'seed', 'series_a', 'series_b_plus'] as const
export type Stage = (typeof stages)[number]

/** Drug development phases, then medical-device phases. */
export const drugPhases = ['discovery', 'preclinical', 'phase_1', 'phase_2', 'phase_3', 'approved'] as const
export const devicePhases = ['concept', 'prototype', 'clinical_investigation', 'ce_marked'] as const
export const developmentPhases = [...drugPhases, ...devicePhases] as const
export type DevelopmentPhase = (typeof developmentPhases)[number]

export const modalities = [
  'small_molecule',
  'biologic',
  'antibody',
  'cell_therapy',
  'gene_therapy',
  'rna',
  'vaccine',
  'peptide',
  'microbiome',
  'medical_device',
  'diagnostic_assay',
  'software',
  'platform',
  'other',
] as const
export type Modality = (typeof modalities)[number]

export const therapeuticAreas = [
  'oncology',
  'cardiovascular',
  'neurology',
  'infectious_diseases',
  'immunology',
  'metabolic',
  'rare_diseases',
  'dermatology',
  'ophthalmology',
  'respiratory',
  'musculoskeletal',
  'womens_health',
  'animal_health',
  'nutrition',
  'other',
] as const
export type TherapeuticArea = (typeof therapeuticAreas)[number]

export const regulatoryPathways = ['ema_centralised', 'national_aemps', 'national_infarmed', 'eu_mdr', 'eu_ivdr', 'none'] as const
export type RegulatoryPathway = (typeof regulatoryPathways)[number]

/** Risk classes of the EU device regulations (MDR: I–III; IVDR: A–D), when the pathway is MDR/IVDR. */
export const deviceClasses = ['mdr_i', 'mdr_iia', 'mdr_iib', 'mdr_iii', 'ivdr_a', 'ivdr_b', 'ivdr_c', 'ivdr_d'] as const
export type DeviceClass = (typeof deviceClasses)[number]

export const ipStatuses = ['patent_filed', 'patent_granted', 'licence', 'none'] as const
export type IpStatus = (typeof ipStatuses)[number]

export const documentKinds = ['deck', 'other'] as const
export type DocumentKind = (typeof documentKinds)[number]

export const trlLevels = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const
