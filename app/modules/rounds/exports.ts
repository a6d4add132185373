/** The CSV files a round's organisers can download (`/organiser/rounds/:slug/export/<name>.csv`). */
export const roundExports = ['applications', 'scores', 'commitments'] as const
export type RoundExport = (typeof roundExports)[number]

/** The export a file name asks for (`scores.csv` → scores), or null. */
export function roundExportOf(file: string | undefined): RoundExport | null {
  return roundExports.find((name) => file === `${name}.csv`) ?? null
}
