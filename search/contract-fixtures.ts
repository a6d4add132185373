/**
 * The proposals the search contract suite indexes: twenty realistic biotech proposals of the
 * cluster in English, Spanish, Portuguese and Galician, built into search documents the way
 * PostgreSQL builds them (buildSearchDocument). Their words are chosen so that each test word
 * appears where the test says and nowhere else; amounts, closing dates and publication times
 * are all different, so every sort has one right order.
 */
import type { Locale } from '../app/modules/i18n/locales'
import type { DevelopmentPhase, Instrument, Stage, Subsector, TherapeuticArea } from '../app/modules/proposals/taxonomy'
import type { ProposalSnapshot } from '../db/schema'
import { buildSearchDocument, dayNumber } from './documents.server'
import type { SearchDocument } from './types'

/** "Today" of every contract query (closing dates are counted from it). */
export const CONTRACT_TODAY = dayNumber('2027-03-01')

type Texts = Partial<Record<Locale, { title: string; summary: string; description: string }>>

interface Fixture {
  locale: Locale
  texts: Texts
  startup: string
  city: string | null
  region: string | null
  country: 'ES' | 'PT'
  subsector: Subsector
  stage: Stage
  instrument: Instrument
  phase: DevelopmentPhase
  areas: TherapeuticArea[]
  trl: number
  amountEur: number
  /** Days from CONTRACT_TODAY. */
  closesIn: number
}

const text = (title: string, summary: string, description: string) => ({ title, summary, description })

/** Keyed by the short name the tests use ("pancreas"). */
const fixtures = {
  pancreas: {
    locale: 'es',
    texts: {
      es: text(
        'Terapia contra el cáncer de páncreas',
        'Anticuerpo conjugado para tumores resistentes a la quimioterapia estándar.',
        'Nuestras nanopartículas liberan el anticuerpo dentro del tumor y protegen el tejido sano.',
      ),
    },
    startup: 'Oncomar Therapeutics',
    city: 'Santiago de Compostela',
    region: 'ES11',
    country: 'ES',
    subsector: 'health',
    stage: 'seed',
    instrument: 'equity',
    phase: 'preclinical',
    areas: ['oncology'],
    trl: 4,
    amountEur: 1_500_000,
    closesIn: 45,
  },
  farmaco: {
    locale: 'es',
    texts: {
      es: text(
        'Fármaco oral para la fibrosis pulmonar',
        'Ronda presemilla para completar la toxicología regulatoria de una molécula pequeña.',
        'La molécula frena la cicatrización del pulmón en modelos animales y se toma una vez al día.',
      ),
    },
    startup: 'Pulmobio',
    city: 'Valladolid',
    region: 'ES41',
    country: 'ES',
    subsector: 'health',
    stage: 'pre_seed',
    instrument: 'convertible_note',
    phase: 'discovery',
    areas: ['respiratory'],
    trl: 3,
    amountEur: 600_000,
    closesIn: 90,
  },
  precision: {
    locale: 'es',
    texts: {
      es: text(
        'Plataforma de oncología de precisión',
        'Secuenciación de biopsias líquidas para elegir la mejor opción de cada paciente.',
        'Leemos el ADN circulante en una muestra de sangre y comparamos el perfil con miles de casos.',
      ),
    },
    startup: 'Genómica Meseta',
    city: 'Salamanca',
    region: 'ES41',
    country: 'ES',
    subsector: 'bioinformatics',
    stage: 'series_a',
    instrument: 'equity',
    phase: 'clinical_investigation',
    areas: ['oncology'],
    trl: 7,
    amountEur: 2_400_000,
    closesIn: 120,
  },
  sepsis: {
    locale: 'pt',
    texts: {
      pt: text(
        'Teste de diagnóstico rápido da sépsis',
        'Cartucho que deteta a sépsis a partir de uma gota de sangue em trinta minutos.',
        'Estudo multicêntrico com mil e duzentos doentes em curso nas urgências do norte.',
      ),
    },
    startup: 'Hemolab',
    city: 'Porto',
    region: 'PT11',
    country: 'PT',
    subsector: 'diagnostics',
    stage: 'series_a',
    instrument: 'equity',
    phase: 'clinical_investigation',
    areas: ['infectious_diseases'],
    trl: 6,
    amountEur: 3_500_000,
    closesIn: 30,
  },
  colaxeno: {
    locale: 'gl',
    texts: {
      gl: text(
        'Coláxeno mariño para feridas crónicas',
        'Rolda semente para levar o noso apósito de péptidos de peixe a unha investigación clínica.',
        'Transformamos as peles e espiñas que deixa a industria conserveira en péptidos de grao hospitalario.',
      ),
    },
    startup: 'Colaxe Marine Bio',
    city: 'Vigo',
    region: 'ES11',
    country: 'ES',
    subsector: 'marine',
    stage: 'seed',
    instrument: 'equity',
    phase: 'prototype',
    areas: ['dermatology', 'metabolic'],
    trl: 5,
    amountEur: 900_000,
    closesIn: 0,
  },
  blindness: {
    locale: 'en',
    texts: {
      en: text(
        'Gene therapy for inherited blindness',
        'An AAV vector restoring vision in retinitis pigmentosa, ready for a first-in-human study.',
        'Our vector carries a working copy of the RPGR gene to the photoreceptors of the retina.',
      ),
    },
    startup: 'Retina Norte',
    city: 'Coimbra',
    region: 'PT16',
    country: 'PT',
    subsector: 'health',
    stage: 'series_b_plus',
    instrument: 'equity',
    phase: 'phase_1',
    areas: ['ophthalmology', 'rare_diseases'],
    trl: 6,
    amountEur: 8_000_000,
    closesIn: 200,
  },
  omega: {
    locale: 'gl',
    texts: {
      gl: text(
        'Ampliación da planta de omega-3 de microalgas',
        'Préstamo participativo para duplicar a capacidade dos fotobiorreactores pechados.',
        'Pasamos de corenta a noventa toneladas anuais de aceite, xa comprometidas con dous fabricantes de pensos.',
      ),
    },
    startup: 'Algalia Omega',
    city: 'Lugo',
    region: 'ES11',
    country: 'ES',
    subsector: 'marine',
    stage: 'series_a',
    instrument: 'venture_loan',
    phase: 'approved',
    areas: ['nutrition'],
    trl: 8,
    amountEur: 1_800_000,
    closesIn: 31,
  },
  mastite: {
    locale: 'pt',
    texts: {
      pt: text(
        'Vacina veterinária contra a mastite bovina',
        'Cofinanciamento para o registo da vacina nas explorações leiteiras do Minho.',
        'A formulação intramamária reduz o uso de antibióticos nas vacas em lactação.',
      ),
    },
    startup: 'Vetgen',
    city: 'Braga',
    region: 'PT11',
    country: 'PT',
    subsector: 'agrifood',
    stage: 'seed',
    instrument: 'grant_cofunding',
    phase: 'phase_2',
    areas: ['animal_health', 'infectious_diseases'],
    trl: 6,
    amountEur: 750_000,
    closesIn: 60,
  },
  heartPatch: {
    locale: 'en',
    texts: {
      en: text(
        'Wearable patch for early heart failure alerts',
        'A skin patch that warns cardiologists days before a patient is readmitted.',
        'Impedance readings are sent every hour to the hospital dashboard.',
      ),
    },
    startup: 'Cardiowatch',
    city: 'León',
    region: 'ES41',
    country: 'ES',
    subsector: 'medtech',
    stage: 'seed',
    instrument: 'equity',
    phase: 'prototype',
    areas: ['cardiovascular'],
    trl: 5,
    amountEur: 1_200_000,
    closesIn: 14,
  },
  alzheimer: {
    locale: 'es',
    texts: {
      es: text(
        'Biomarcadores en sangre para el alzhéimer precoz',
        'Un análisis sencillo que detecta la enfermedad años antes de los primeros síntomas.',
        'Validamos el panel de proteínas con la cohorte del hospital universitario.',
      ),
    },
    startup: 'Neurodiag',
    city: 'Burgos',
    region: 'ES41',
    country: 'ES',
    subsector: 'diagnostics',
    stage: 'pre_seed',
    instrument: 'grant_cofunding',
    phase: 'discovery',
    areas: ['neurology'],
    trl: 2,
    amountEur: 400_000,
    closesIn: 75,
  },
  leitoes: {
    locale: 'pt',
    texts: {
      pt: text(
        'Probióticos para a saúde intestinal de leitões',
        'Estirpes autóctones que reduzem as diarreias no desmame sem aditivos de zinco.',
        'Ensaios de campo em três suiniculturas do Alto Minho.',
      ),
    },
    startup: 'Suinobiota',
    city: 'Guimarães',
    region: 'PT11',
    country: 'PT',
    subsector: 'agrifood',
    stage: 'seed',
    instrument: 'convertible_note',
    phase: 'concept',
    areas: ['animal_health', 'nutrition'],
    trl: 3,
    amountEur: 350_000,
    closesIn: -1,
  },
  abyssal: {
    locale: 'en',
    texts: {
      en: text(
        'Antibiotic from deep-sea bacteria',
        'A new class of molecules against resistant hospital pathogens, isolated off the Galician coast.',
        'Hits confirmed in mouse models of pneumonia.',
      ),
      es: text(
        'Antibiótico de bacterias de las profundidades',
        'Una nueva clase de moléculas contra patógenos hospitalarios resistentes, aisladas frente a la costa gallega.',
        'Actividad confirmada en modelos murinos de neumonía.',
      ),
    },
    startup: 'Abyssal Pharma',
    city: 'A Coruña',
    region: 'ES11',
    country: 'ES',
    subsector: 'marine',
    stage: 'series_a',
    instrument: 'equity',
    phase: 'preclinical',
    areas: ['infectious_diseases'],
    trl: 4,
    amountEur: 2_000_000,
    closesIn: 150,
  },
  patoloxia: {
    locale: 'gl',
    texts: {
      gl: text(
        'Visión artificial para a anatomía patolóxica',
        'Software que sinala as rexións sospeitosas das biopsias dixitalizadas.',
        'Adestrado con corenta mil preparacións do servizo de patoloxía.',
      ),
    },
    startup: 'Lente Dixital',
    city: 'Ourense',
    region: 'ES11',
    country: 'ES',
    subsector: 'digital_health',
    stage: 'pre_seed',
    instrument: 'equity',
    phase: 'concept',
    areas: ['oncology'],
    trl: 3,
    amountEur: 250_000,
    closesIn: 20,
  },
  outbreak: {
    locale: 'en',
    texts: {
      en: text(
        'Sequencing pipeline for hospital outbreak tracking',
        'Whole-genome typing of pathogens that tells infection control teams which cases are linked.',
        'Results in under two days from a positive culture.',
      ),
    },
    startup: 'Outbreak Lab',
    city: 'Aveiro',
    region: 'PT16',
    country: 'PT',
    subsector: 'bioinformatics',
    stage: 'seed',
    instrument: 'equity',
    phase: 'ce_marked',
    areas: ['infectious_diseases'],
    trl: 8,
    amountEur: 700_000,
    closesIn: 100,
  },
  sono: {
    locale: 'pt',
    texts: {
      pt: text(
        'Monitorização do sono para crianças em casa',
        'Uma cinta sem fios que substitui a polissonografia hospitalar.',
        'Aprovada para uso pediátrico, com reembolso em estudo.',
      ),
    },
    startup: 'Dormir Bem',
    city: 'Porto',
    region: 'PT11',
    country: 'PT',
    subsector: 'medtech',
    stage: 'series_a',
    instrument: 'venture_loan',
    phase: 'ce_marked',
    areas: ['neurology', 'respiratory'],
    trl: 9,
    amountEur: 2_800_000,
    closesIn: 180,
  },
  bioplasticos: {
    locale: 'es',
    texts: {
      es: text(
        'Bioplásticos a partir de residuos de maíz',
        'Planta de demostración para producir envases compostables a escala industrial.',
        'Fermentación continua con cepas propias y contratos de compra firmados.',
      ),
    },
    startup: 'Maizplast',
    city: 'Palencia',
    region: 'ES41',
    country: 'ES',
    subsector: 'industrial',
    stage: 'series_b_plus',
    instrument: 'equity',
    phase: 'approved',
    areas: ['other'],
    trl: 9,
    amountEur: 5_000_000,
    closesIn: 365,
  },
  phage: {
    locale: 'en',
    texts: {
      en: text(
        'Phage cocktail against resistant wound infections',
        'Bacteriophages matched to each patient within forty-eight hours.',
        'Compassionate use in two burn units has cleared infections where antibiotics failed; grown on microalgas feedstock.',
      ),
    },
    startup: 'Fagos Norte',
    city: 'Coimbra',
    region: 'PT16',
    country: 'PT',
    subsector: 'health',
    stage: 'seed',
    instrument: 'grant_cofunding',
    phase: 'phase_1',
    areas: ['infectious_diseases', 'dermatology'],
    trl: 5,
    amountEur: 1_100_000,
    closesIn: 10,
  },
  salmon: {
    locale: 'gl',
    texts: {
      gl: text(
        'Vacina oral para o salmón de acuicultura',
        'Pensos que inmunizan os peixes sen manipulalos nin inxectalos.',
        'O antíxeno prodúcese en leveduras e mestúrase co penso na piscifactoría.',
      ),
    },
    startup: 'Salmonvax',
    city: 'Vigo',
    region: 'ES11',
    country: 'ES',
    subsector: 'agrifood',
    stage: 'pre_seed',
    instrument: 'convertible_note',
    phase: 'discovery',
    areas: ['animal_health'],
    trl: 2,
    amountEur: 300_000,
    closesIn: 50,
  },
  artrite: {
    locale: 'pt',
    texts: {
      pt: text(
        'Anticorpo monoclonal para a artrite reumatoide',
        'Ronda série A para o ensaio de fase dois em doentes que não respondem aos biológicos atuais.',
        'O alvo é uma citocina descoberta no nosso laboratório universitário.',
      ),
    },
    startup: 'Imunobraga',
    city: 'Braga',
    region: 'PT11',
    country: 'PT',
    subsector: 'health',
    stage: 'series_a',
    instrument: 'equity',
    phase: 'phase_2',
    areas: ['immunology', 'musculoskeletal'],
    trl: 6,
    amountEur: 4_200_000,
    closesIn: 240,
  },
  registries: {
    locale: 'en',
    texts: {
      en: text(
        'Open dataset of Iberian patient registries',
        'Harmonised records of families living with uncommon inherited conditions.',
        'Built with patient associations in both countries.',
      ),
    },
    startup: 'Registra',
    city: null,
    region: null,
    country: 'ES',
    subsector: 'bioinformatics',
    stage: 'pre_seed',
    instrument: 'grant_cofunding',
    phase: 'concept',
    areas: ['rare_diseases'],
    trl: 1,
    amountEur: 150_000,
    closesIn: 7,
  },
} satisfies Record<string, Fixture>

export type FixtureName = keyof typeof fixtures

/** A stable id per fixture, so tests can name documents ("pancreas") instead of ids. */
function fixtureId(position: number): string {
  return `00000000-0000-4000-8000-${String(position + 1).padStart(12, '0')}`
}

const PUBLISHED_FROM = Date.parse('2027-01-04T09:00:00Z')
const DAY_MS = 86_400_000

function snapshotOf(fixture: Fixture): ProposalSnapshot {
  return {
    originalLocale: fixture.locale,
    texts: fixture.texts,
    amountSoughtCents: fixture.amountEur * 100,
    minimumTicketCents: 25_000_00,
    preMoneyValuationCents: null,
    instrument: fixture.instrument,
    stage: fixture.stage,
    closingDate: new Date((CONTRACT_TODAY + fixture.closesIn) * DAY_MS).toISOString().slice(0, 10),
    subsector: fixture.subsector,
    trl: fixture.trl,
    developmentPhase: fixture.phase,
    modality: 'other',
    therapeuticAreas: fixture.areas,
    regulatoryPathway: 'none',
    deviceClass: null,
    ipStatus: 'none',
    useOfFunds: [],
  }
}

/** The search document of a fixture, optionally with some of its fields changed first. */
export function fixtureDocument(name: FixtureName, changes: Partial<Fixture> = {}): SearchDocument {
  const position = fixtureNames.indexOf(name)
  const fixture: Fixture = { ...fixtures[name], ...changes }
  return buildSearchDocument({
    id: fixtureId(position),
    snapshot: snapshotOf(fixture),
    // A day apart, in an order unlike the fixture order (7 and the 20 fixtures share no factor).
    publishedAt: new Date(PUBLISHED_FROM + ((position * 7) % fixtureNames.length) * DAY_MS),
    startupName: fixture.startup,
    country: fixture.country,
    region: fixture.region,
    city: fixture.city,
  })
}

export const fixtureNames = Object.keys(fixtures) as FixtureName[]

/** Every fixture's document, in fixture order. */
export const contractDocuments: SearchDocument[] = fixtureNames.map((name) => fixtureDocument(name))

/** The fixture names of these ids (unknown ids kept as they are), for readable assertions. */
export function namesOf(ids: string[]): string[] {
  return ids.map((id) => fixtureNames[contractDocuments.findIndex((document) => document.id === id)] ?? id)
}

/** The fixture names of the documents that pass a test, in fixture order. */
export function fixturesWhere(test: (document: SearchDocument) => boolean): FixtureName[] {
  return fixtureNames.filter((_, position) => test(contractDocuments[position]!))
}
