/**
 * The biotech subsectors Ponte classifies startups, investors and proposals by. One list,
 * shared by server and browser code; labels live in app/locales/<lng>/startups.json under
 * `startups.subsectors.<code>` (see `subsectorLabelKey`).
 */
export const subsectors = [
  'health',
  'agrifood',
  'industrial',
  'marine',
  'medtech',
  'diagnostics',
  'digital_health',
  'bioinformatics',
  'other',
] as const

export type Subsector = (typeof subsectors)[number]

export function isSubsector(value: unknown): value is Subsector {
  return typeof value === 'string' && (subsectors as readonly string[]).includes(value)
}

/** The translation key of a subsector's label, e.g. `startups.subsectors.marine`. */
export function subsectorLabelKey(code: Subsector): `startups.subsectors.${Subsector}` {
  return `startups.subsectors.${code}`
}
