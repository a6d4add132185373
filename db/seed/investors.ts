import type { Subsector } from '../../app/modules/startups/subsectors'
import type { investorTypes, LocalizedText, PortfolioHighlight } from '../schema'

/** The demo data set's investor organisations (invented): every investor type, several countries. */
export interface SeedInvestor {
  name: string
  /** ISO 3166-1 alpha-2 country of the seat. */
  country: string
  type: (typeof investorTypes)[number]
  city: string
  /** Countries the investor invests in. */
  countries: string[]
  subsectors: Subsector[]
  /** Ticket range in euros (stored in cents). */
  ticketMin: number
  ticketMax: number
  thesis: LocalizedText
  /** Filled in for the investors the demo lists in the directory (and the demo angel). */
  stages?: ('pre_seed' | 'seed' | 'series_a' | 'series_b_plus')[]
  trl?: [number, number]
  /** NUTS-2 regions of interest. */
  regions?: string[]
  coInvestment?: boolean
  portfolio?: PortfolioHighlight[]
  /** Verified through an approved request and listed in the investor directory. */
  verified?: { category: 'sophisticated' | 'non_sophisticated' }
}

export const seedInvestors: SeedInvestor[] = [
  {
    name: 'Noroeste Life Sciences Ventures',
    country: 'ES',
    type: 'vc_fund',
    city: 'A Coruña',
    countries: ['ES', 'PT'],
    subsectors: ['health', 'medtech', 'diagnostics'],
    ticketMin: 500_000,
    ticketMax: 3_000_000,
    stages: ['seed', 'series_a'],
    trl: [3, 7],
    regions: ['ES11', 'PT11', 'ES41', 'ES12'],
    coInvestment: true,
    portfolio: [
      { name: 'Ortho Galaica', note: 'Seed 2021, Series A co-led in 2023; CE-marked spinal implant.' },
      { name: 'Miño Diagnostics', note: 'Seed 2022 alongside a Portuguese public fund.' },
      { name: 'Celtica Oncology', note: 'Series A 2024; first patients dosed in phase 1.' },
    ],
    verified: { category: 'sophisticated' },
    thesis: {
      en: 'Seed and Series A fund for therapeutics, medical devices and diagnostics from north-west Iberia, leading or co-leading rounds with hands-on board support.',
      es: 'Fondo de semilla y serie A para terapias, dispositivos médicos y diagnóstico del noroeste peninsular, que lidera o colidera rondas y se implica en el consejo.',
    },
  },
  {
    name: 'Douro Health Capital',
    country: 'PT',
    type: 'vc_fund',
    city: 'Porto',
    countries: ['PT', 'ES'],
    subsectors: ['health', 'digital_health', 'bioinformatics'],
    ticketMin: 250_000,
    ticketMax: 2_000_000,
    stages: ['seed', 'series_a'],
    trl: [5, 9],
    regions: ['PT11', 'PT19', 'ES11'],
    coInvestment: true,
    portfolio: [{ name: 'Cardio Porto', note: 'Seed 2022; remote monitoring reimbursed in two regions.' }],
    verified: { category: 'sophisticated' },
    thesis: {
      en: 'Backs Portuguese and Spanish health-tech companies with clinical validation in hand and a clear path to reimbursement.',
      pt: 'Investe em empresas portuguesas e espanholas de tecnologias da saúde que já tenham validação clínica e um caminho claro para o reembolso.',
    },
  },
  {
    name: 'Lucía Otero Investments',
    country: 'ES',
    type: 'business_angel',
    city: 'Santiago de Compostela',
    countries: ['ES'],
    subsectors: ['health', 'diagnostics', 'digital_health'],
    ticketMin: 25_000,
    ticketMax: 150_000,
    stages: ['pre_seed', 'seed'],
    trl: [2, 6],
    regions: ['ES11'],
    coInvestment: true,
    thesis: {
      en: 'Former hospital pharmacist investing in pre-seed diagnostics and digital health founders from Galicia, with mentoring on clinical adoption.',
      es: 'Exfarmacéutica hospitalaria que invierte en fundadores de diagnóstico y salud digital de Galicia en fase presemilla, con mentoría sobre adopción clínica.',
    },
  },
  {
    name: 'Rede de Anxos Biotech',
    country: 'ES',
    type: 'angel_network',
    city: 'Vigo',
    countries: ['ES', 'PT'],
    subsectors: ['marine', 'agrifood', 'industrial'],
    ticketMin: 50_000,
    ticketMax: 400_000,
    stages: ['pre_seed', 'seed'],
    trl: [3, 7],
    regions: ['ES11', 'PT11'],
    coInvestment: true,
    portfolio: [{ name: 'Algas de Arousa', note: 'Pre-seed 2023 syndicated by twelve angels; now selling to cosmetics firms.' }],
    verified: { category: 'non_sophisticated' },
    thesis: {
      en: 'A network of forty Galician business angels that syndicates seed rounds in blue and green biotech.',
      gl: 'Unha rede de corenta business angels galegos que sindica roldas semente en biotecnoloxía azul e verde.',
    },
  },
  {
    name: 'Norte Angels Network',
    country: 'PT',
    type: 'angel_network',
    city: 'Braga',
    countries: ['PT'],
    subsectors: ['medtech', 'digital_health', 'industrial'],
    ticketMin: 25_000,
    ticketMax: 300_000,
    thesis: {
      en: 'Angels from the Minho and Porto business community co-investing in university spin-offs of the North.',
      pt: 'Business angels do tecido empresarial do Minho e do Porto que coinvestem em spin-offs universitárias do Norte.',
    },
  },
  {
    name: 'Innovacyl Fondo Público',
    country: 'ES',
    type: 'public_fund',
    city: 'Valladolid',
    countries: ['ES'],
    subsectors: ['health', 'agrifood', 'industrial', 'bioinformatics'],
    ticketMin: 100_000,
    ticketMax: 1_500_000,
    stages: ['pre_seed', 'seed', 'series_a'],
    trl: [4, 8],
    regions: ['ES41'],
    coInvestment: true,
    verified: { category: 'sophisticated' },
    thesis: {
      en: 'Regional public co-investment fund matching private capital in science-based companies based in Castilla y León.',
      es: 'Fondo público regional de coinversión que iguala el capital privado en empresas de base científica con sede en Castilla y León.',
    },
  },
  {
    name: 'Fundo Norte Inovação',
    country: 'PT',
    type: 'public_fund',
    city: 'Porto',
    countries: ['PT'],
    subsectors: ['health', 'marine', 'industrial', 'agrifood'],
    ticketMin: 50_000,
    ticketMax: 750_000,
    thesis: {
      en: 'Public fund co-investing alongside private investors in early-stage biotech and bioeconomy companies of Northern Portugal.',
      pt: 'Fundo público que coinveste com investidores privados em empresas de biotecnologia e bioeconomia do Norte de Portugal em fase inicial.',
    },
  },
  {
    name: 'Laboratorios Aldán Corporate Ventures',
    country: 'ES',
    type: 'corporate',
    city: 'Pontevedra',
    countries: ['ES', 'PT', 'FR'],
    subsectors: ['health', 'diagnostics'],
    ticketMin: 300_000,
    ticketMax: 2_500_000,
    thesis: {
      en: "A pharmaceutical group's venture arm looking for ophthalmology, dermatology and diagnostics assets that fit its commercial network.",
      es: 'Brazo de capital riesgo de un grupo farmacéutico que busca activos de oftalmología, dermatología y diagnóstico afines a su red comercial.',
    },
  },
  {
    name: 'Vendéa Agro Ventures',
    country: 'FR',
    type: 'corporate',
    city: 'Nantes',
    countries: ['FR', 'ES', 'PT'],
    subsectors: ['agrifood', 'marine'],
    ticketMin: 500_000,
    ticketMax: 5_000_000,
    thesis: {
      en: 'Corporate venture fund of an agri-food cooperative investing in animal health, feed and sustainable aquaculture across the Atlantic arc.',
      es: 'Fondo corporativo de una cooperativa agroalimentaria que invierte en sanidad animal, piensos y acuicultura sostenible en todo el arco atlántico.',
    },
  },
  {
    name: 'Casa Albergaria Family Office',
    country: 'PT',
    type: 'family_office',
    city: 'Porto',
    countries: ['PT', 'ES'],
    subsectors: ['health', 'medtech', 'agrifood'],
    ticketMin: 200_000,
    ticketMax: 1_000_000,
    thesis: {
      en: 'A family office with a long horizon, taking minority stakes in profitable or near-profitable life science companies.',
      pt: 'Um family office com horizonte longo, que toma participações minoritárias em empresas de ciências da vida rentáveis ou perto da rentabilidade.',
    },
  },
  {
    name: 'Rhein BioVentures',
    country: 'DE',
    type: 'vc_fund',
    city: 'Heidelberg',
    countries: ['DE', 'ES', 'PT', 'FR', 'NL'],
    subsectors: ['health', 'bioinformatics'],
    ticketMin: 1_000_000,
    ticketMax: 8_000_000,
    thesis: {
      en: 'Series A investor in platform technologies for drug discovery, open to syndicating with Iberian lead investors.',
      es: 'Inversor de serie A en tecnologías de plataforma para el descubrimiento de fármacos, abierto a sindicar con inversores líderes ibéricos.',
    },
  },
  {
    name: 'Lowlands Life Sciences Fund',
    country: 'NL',
    type: 'vc_fund',
    city: 'Amsterdam',
    countries: ['NL', 'BE', 'DE', 'ES', 'PT'],
    subsectors: ['medtech', 'diagnostics', 'digital_health'],
    ticketMin: 1_000_000,
    ticketMax: 6_000_000,
    thesis: {
      en: 'Invests in CE-marked or near-CE-marked medical devices and diagnostics ready to scale across European hospital markets.',
      pt: 'Investe em dispositivos médicos e diagnósticos com marcação CE, ou perto de a obter, prontos a crescer nos mercados hospitalares europeus.',
    },
  },
]
