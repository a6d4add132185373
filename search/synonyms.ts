import { foldWord } from './text'

/**
 * Words that mean the same across English, Spanish, Portuguese and Galician in the biotech
 * vocabulary of the catalogue. A query word in a group also finds every other word of it, in
 * both engines (Meilisearch's `synonyms` setting; the Postgres engine expands the query).
 */
export const synonymGroups: readonly (readonly string[])[] = [
  ['cancer', 'cáncer', 'cancro', 'oncology', 'oncología', 'oncologia', 'tumour', 'tumor', 'tumores', 'tumours', 'tumors'],
  ['drug', 'drugs', 'fármaco', 'fármacos', 'medicamento', 'medicamentos', 'medicine', 'medicines', 'medicines'],
  ['diagnostic', 'diagnostics', 'diagnóstico', 'diagnósticos', 'diagnosis'],
  ['vaccine', 'vaccines', 'vacuna', 'vacunas', 'vacina', 'vacinas'],
  ['antibody', 'antibodies', 'anticuerpo', 'anticuerpos', 'anticorpo', 'anticorpos'],
  ['therapy', 'therapies', 'terapia', 'terapias', 'treatment', 'tratamiento', 'tratamento'],
  ['heart', 'cardiac', 'corazón', 'coração', 'cardíaco', 'cardiaco'],
  ['brain', 'cerebro', 'cérebro'],
  ['disease', 'diseases', 'enfermedad', 'enfermedades', 'doença', 'doenças', 'doenza', 'doenzas'],
  ['gene', 'genes', 'gen', 'xene', 'xenes'],
  ['cell', 'cells', 'célula', 'células', 'celula', 'celulas'],
  ['protein', 'proteins', 'proteína', 'proteínas'],
  ['marine', 'marino', 'marina', 'marinho', 'marinha', 'mariño', 'mariña'],
  ['algae', 'alga', 'algas', 'microalgae', 'microalgas'],
  ['bacteria', 'bactéria', 'bactérias', 'bacterias'],
  ['infection', 'infections', 'infección', 'infecciones', 'infeção', 'infecção', 'infeccións'],
  ['antibiotic', 'antibiotics', 'antibiótico', 'antibióticos'],
  ['skin', 'piel', 'pele'],
  ['eye', 'eyes', 'ojo', 'ojos', 'olho', 'olhos', 'ollo', 'ollos'],
  ['veterinary', 'veterinario', 'veterinaria', 'veterinário', 'veterinária'],
  ['medical', 'médico', 'médica', 'medico', 'medica'],
  ['device', 'devices', 'dispositivo', 'dispositivos'],
  ['rare', 'raras', 'raros', 'rara', 'raro'],
  ['food', 'alimento', 'alimentos', 'alimentación', 'alimentação', 'alimentación'],
  ['biomarker', 'biomarkers', 'biomarcador', 'biomarcadores'],
  ['clinical', 'clínico', 'clínica', 'clínicos', 'clínicas'],
  ['trial', 'trials', 'ensayo', 'ensayos', 'ensaio', 'ensaios'],
]

const byWord = new Map<string, string[]>()
for (const group of synonymGroups) {
  const folded = [...new Set(group.map(foldWord))]
  for (const word of folded) byWord.set(word, [...new Set([...(byWord.get(word) ?? []), ...folded])])
}

/** The folded synonyms of a folded word, itself included. */
export function synonymsOf(word: string): string[] {
  return byWord.get(word) ?? [word]
}

/** Meilisearch's `synonyms` setting: every word of a group maps to the others (as written, accents kept). */
export function meilisearchSynonyms(): Record<string, string[]> {
  const settings: Record<string, string[]> = {}
  for (const group of synonymGroups) {
    const unique = [...new Set(group)]
    for (const word of unique) settings[word] = [...new Set([...(settings[word] ?? []), ...unique.filter((other) => other !== word)])]
  }
  return settings
}
