/**
 * Galician dates, numbers and country names that come out the same in every runtime.
 *
 * Node ships Galician locale data, but many browsers do not: Chromium formats 'gl-ES' as
 * American English ("July 5, 2026 at 11:03 AM", "€1,250,000", "Germany"). Intl output for
 * Galician then differs between the server render and hydration (React error #418: the page is
 * re-rendered on the client, in English). So for Galician Ponte takes only digits and zone names
 * from Intl (with Spanish data, which every browser has and which writes numbers exactly as
 * Galician does) and the words from these tables, copied from CLDR's Galician (as in Node).
 * format.test.ts and regions.test.ts check them against Node's own Galician output.
 */

/** Intl tag whose numbers (separators, grouping, euro sign) are written as Galician writes them. */
export const galicianNumberTag = 'es-ES'

export const galicianMonths = [
  'xaneiro', 'febreiro', 'marzo', 'abril', 'maio', 'xuño', 'xullo', 'agosto', 'setembro', 'outubro', 'novembro', 'decembro',
] as const

export const galicianMonthsShort = ['xan.', 'feb.', 'mar.', 'abr.', 'maio', 'xuño', 'xul.', 'ago.', 'set.', 'out.', 'nov.', 'dec.'] as const

/** The digits (and zone name) of a moment in a time zone, whatever the runtime's locale data. */
export function dateParts(date: Date, timeZone: string, withTime: boolean) {
  const parts = new Intl.DateTimeFormat(galicianNumberTag, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' } : {}),
    timeZone,
  }).formatToParts(date)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  return { day: part('day'), month: Number(part('month')), year: part('year'), hour: part('hour'), minute: part('minute'), zone: part('timeZoneName') }
}

/** "5 de xullo de 2026, 11:03 CEST" — CLDR's Galician for a long date with the time and zone. */
export function galicianDateTime(date: Date, timeZone: string): string {
  const p = dateParts(date, timeZone, true)
  return `${p.day} de ${galicianMonths[p.month - 1]} de ${p.year}, ${p.hour}:${p.minute} ${p.zone}`
}

/** "5 de xul. de 2026" — CLDR's Galician medium date. */
export function galicianDate(date: Date, timeZone: string): string {
  const p = dateParts(date, timeZone, false)
  return `${p.day} de ${galicianMonthsShort[p.month - 1]} de ${p.year}`
}

/** The countries Ponte lists (countries.ts), named in Galician. */
export const galicianCountryNames: Record<string, string> = {
  AT: 'Austria', BE: 'Bélxica', BG: 'Bulgaria', CY: 'Chipre', CZ: 'Chequia', DE: 'Alemaña', DK: 'Dinamarca', EE: 'Estonia',
  ES: 'España', FI: 'Finlandia', FR: 'Francia', GR: 'Grecia', HR: 'Croacia', HU: 'Hungría', IE: 'Irlanda', IT: 'Italia',
  LT: 'Lituania', LU: 'Luxemburgo', LV: 'Letonia', MT: 'Malta', NL: 'Países Baixos', PL: 'Polonia', PT: 'Portugal',
  RO: 'Romanía', SE: 'Suecia', SI: 'Eslovenia', SK: 'Eslovaquia', CH: 'Suíza', GB: 'Reino Unido', IS: 'Islandia',
  LI: 'Liechtenstein', NO: 'Noruega', US: 'Estados Unidos',
}
