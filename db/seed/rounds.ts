/**
 * The demo's funding round (issue 6): a cross-border seed round run by the demo organiser, open
 * now (opened a week ago, closing in a month at 14:00 Madrid time), for the cluster's three
 * regions, with four weighted criteria, four questions (one of each common kind), a co-investment
 * pool (the demo investor, a Portuguese VC and a public matching fund) and a jury: the demo
 * investor, seated for its fund, and an independent expert still invited.
 */
import { utcToZonedLocal, zonedLocalToUtc } from '../../app/modules/i18n/time-zone'
import type { DbOrTx } from '../client'
import { poolPledges, roundCriteria, roundJurors, roundQuestions, rounds, roundTransitions } from '../schema'

export const demoRoundSlug = 'ponte-cross-border-seed-round'

export interface DemoRoundPeople {
  organiserOrganisationId: string
  organiserId: string
  investorId: string
  investorEmail: string
  investorName: string
  investorOrganisationId: string
  /** A Portuguese VC taking part, and the public fund that matches commitments. */
  portugueseInvestorOrganisationId: string
  matchingFundOrganisationId: string
}

const EUR = 100
const day = 86_400_000

/** Inserts the demo round with its structure, pool, jury and timeline. */
export async function seedDemoRound(db: DbOrTx, people: DemoRoundPeople, now: Date = new Date()): Promise<void> {
  const closingDay = utcToZonedLocal(new Date(now.getTime() + 30 * day), 'Europe/Madrid').slice(0, 10)
  const closesAt = zonedLocalToUtc(`${closingDay}T14:00`, 'Europe/Madrid')
  const [round] = await db
    .insert(rounds)
    .values({
      slug: demoRoundSlug,
      organiserOrganisationId: people.organiserOrganisationId,
      name: {
        en: 'Ponte cross-border seed round',
        es: 'Convocatoria transfronteriza semilla de Ponte',
        pt: 'Concurso transfronteiriço de capital semente do Ponte',
        gl: 'Convocatoria transfronteiriza de capital semente de Ponte',
      },
      description: {
        en: 'Seed and series A funding for biotech startups of Galicia, Northern Portugal and Castilla y León that work across the border.\n\nA jury of investors and independent experts scores every application; shortlisted startups meet the participating investors, and a public fund matches their commitments one to one.',
        es: 'Financiación semilla y de serie A para startups biotecnológicas de Galicia, el Norte de Portugal y Castilla y León que trabajan a ambos lados de la frontera.\n\nUn jurado de inversores y expertos independientes puntúa cada solicitud; las startups preseleccionadas conocen a los inversores participantes y un fondo público iguala sus compromisos euro a euro.',
        pt: 'Financiamento semente e de série A para startups de biotecnologia da Galiza, do Norte de Portugal e de Castela e Leão que trabalham dos dois lados da fronteira.\n\nUm júri de investidores e especialistas independentes pontua cada candidatura; as startups pré-selecionadas conhecem os investidores participantes e um fundo público acompanha os seus compromissos euro a euro.',
        gl: 'Financiamento semente e de serie A para startups biotecnolóxicas de Galicia, o Norte de Portugal e Castela e León que traballan a ambos os lados da fronteira.\n\nUn xurado de investidores e expertos independentes puntúa cada solicitude; as startups preseleccionadas coñecen os investidores participantes e un fondo público iguala os seus compromisos euro a euro.',
      },
      status: 'open',
      eligibleRegions: ['ES11', 'PT11', 'ES41'],
      eligibleStages: ['pre_seed', 'seed', 'series_a'],
      minTrl: 3,
      amountMinCents: 100_000 * EUR,
      amountMaxCents: 2_000_000 * EUR,
      maxCompanyAgeYears: 12,
      opensAt: new Date(now.getTime() - 7 * day),
      closesAt: closesAt instanceof Date ? closesAt : new Date(now.getTime() + 30 * day),
      timeZone: 'Europe/Madrid',
      scoreScale: 5,
      matchRatioPercent: 100,
      matchCapPerStartupCents: 150_000 * EUR,
      matchCapRoundCents: 500_000 * EUR,
      matchMinCommittedCents: 100_000 * EUR,
      matchMinInvestors: 2,
      matchRequiresCrossBorder: true,
      createdBy: people.organiserId,
      createdAt: new Date(now.getTime() - 10 * day),
    })
    .returning({ id: rounds.id })
  const roundId = round!.id

  await db.insert(roundCriteria).values([
    { roundId, position: 0, weight: 25, name: { en: 'Team', es: 'Equipo', pt: 'Equipa', gl: 'Equipo' } },
    { roundId, position: 1, weight: 35, name: { en: 'Science and technology', es: 'Ciencia y tecnología', pt: 'Ciência e tecnologia', gl: 'Ciencia e tecnoloxía' } },
    { roundId, position: 2, weight: 20, name: { en: 'Market and business model', es: 'Mercado y modelo de negocio', pt: 'Mercado e modelo de negócio', gl: 'Mercado e modelo de negocio' } },
    {
      roundId,
      position: 3,
      weight: 20,
      name: { en: 'Cross-border collaboration', es: 'Colaboración transfronteriza', pt: 'Colaboração transfronteiriça', gl: 'Colaboración transfronteiriza' },
      description: {
        en: 'Partners, customers or clinical sites on the other side of the border.',
        es: 'Socios, clientes o centros clínicos al otro lado de la frontera.',
        pt: 'Parceiros, clientes ou centros clínicos do outro lado da fronteira.',
        gl: 'Socios, clientes ou centros clínicos ao outro lado da fronteira.',
      },
    },
  ])

  await db.insert(roundQuestions).values([
    {
      roundId,
      position: 0,
      kind: 'long_text',
      required: true,
      label: {
        en: 'How will the funding help you work across the border?',
        es: '¿Cómo te ayudará la financiación a trabajar a ambos lados de la frontera?',
        pt: 'Como é que o financiamento vos ajudará a trabalhar dos dois lados da fronteira?',
        gl: 'Como che axudará o financiamento a traballar a ambos os lados da fronteira?',
      },
    },
    {
      roundId,
      position: 1,
      kind: 'choice',
      required: true,
      label: { en: 'Where would you spend most of it?', es: '¿Dónde gastarías la mayor parte?', pt: 'Onde gastariam a maior parte?', gl: 'Onde gastarías a maior parte?' },
      choices: [
        { value: 'c1', label: { en: 'Galicia', es: 'Galicia', pt: 'Galiza', gl: 'Galicia' } },
        { value: 'c2', label: { en: 'Northern Portugal', es: 'Norte de Portugal', pt: 'Norte de Portugal', gl: 'Norte de Portugal' } },
        { value: 'c3', label: { en: 'Castile and León', es: 'Castilla y León', pt: 'Castela e Leão', gl: 'Castela e León' } },
      ],
    },
    {
      roundId,
      position: 2,
      kind: 'number',
      required: true,
      label: { en: 'Full-time employees today', es: 'Empleados a tiempo completo hoy', pt: 'Trabalhadores a tempo inteiro hoje', gl: 'Persoas empregadas a xornada completa hoxe' },
    },
    {
      roundId,
      position: 3,
      kind: 'file',
      required: false,
      label: { en: 'Pitch deck', es: 'Presentación para inversores', pt: 'Apresentação para investidores', gl: 'Presentación para investidores' },
      help: { en: 'A PDF of at most 20 pages.', es: 'Un PDF de 20 páginas como máximo.', pt: 'Um PDF de 20 páginas no máximo.', gl: 'Un PDF de 20 páxinas como máximo.' },
    },
  ])

  await db.insert(poolPledges).values([
    { roundId, investorOrganisationId: people.matchingFundOrganisationId, pledgeCents: 500_000 * EUR, matchesCommitments: true },
    { roundId, investorOrganisationId: people.investorOrganisationId, pledgeCents: 300_000 * EUR },
    { roundId, investorOrganisationId: people.portugueseInvestorOrganisationId, pledgeCents: 250_000 * EUR },
  ])

  await db.insert(roundJurors).values([
    {
      roundId,
      kind: 'investor',
      email: people.investorEmail,
      name: people.investorName,
      investorOrganisationId: people.investorOrganisationId,
      userId: people.investorId,
      invitedBy: people.organiserId,
      invitedAt: new Date(now.getTime() - 6 * day),
      acceptedAt: new Date(now.getTime() - 5 * day),
    },
    { roundId, kind: 'independent', email: 'carme.souto@ponte.demo', name: 'Carme Souto Rial', invitedBy: people.organiserId, invitedAt: new Date(now.getTime() - 6 * day) },
  ])

  await db.insert(roundTransitions).values([
    { roundId, fromStatus: null, toStatus: 'draft', actorId: people.organiserId, createdAt: new Date(now.getTime() - 10 * day) },
    { roundId, fromStatus: 'draft', toStatus: 'open', actorId: people.organiserId, createdAt: new Date(now.getTime() - 7 * day) },
  ])
}
