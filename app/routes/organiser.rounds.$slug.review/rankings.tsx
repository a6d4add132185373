import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useScoreFormat } from '~/components/rounds/jury-bits'
import { Card } from '~/components/ui/card'
import type { BoardApplication, BoardJuror } from '~/modules/rounds/decisions.server'
import type { CriterionView } from '~/modules/rounds/reviews.server'

/** Raw and normalised rankings in plain words: what each number is, and why the two differ. */
export function RankingExplanation({ criteria }: { criteria: CriterionView[] }) {
  const { t } = useTranslation()
  const weights = criteria.map((c) => t('jury.board.weightOf', { criterion: c.name, weight: c.weight })).join(', ')
  return (
    <Card className="space-y-3 text-sm leading-relaxed text-ink">
      <h3 className="text-base font-semibold">{t('jury.board.explainTitle')}</h3>
      <p>{t('jury.board.explainRaw', { weights })}</p>
      <p>{t('jury.board.explainNormalised')}</p>
      <p className="text-muted">{t('jury.board.explainNeutral')}</p>
      <p className="text-muted">{t('jury.board.explainConflicts')}</p>
    </Card>
  )
}

type Ranked = Pick<BoardApplication, 'id' | 'startup' | 'proposal' | 'raw' | 'normalised' | 'rawRank' | 'normalisedRank' | 'reviews'>

/** The two rankings side by side, each in its own order. */
export function RankingTables({ applications }: { applications: Ranked[] }) {
  const { t } = useTranslation()
  const format = useScoreFormat()
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <RankingTable
        title={t('jury.board.rawTitle')}
        scoreLabel={t('jury.board.rawScore')}
        rows={applications.map((a) => ({ ...a, rank: a.rawRank, score: a.raw === null ? null : format.score(a.raw) }))}
      />
      <RankingTable
        title={t('jury.board.normalisedTitle')}
        scoreLabel={t('jury.board.normalisedScore')}
        rows={applications.map((a) => ({ ...a, rank: a.normalisedRank, score: a.normalised === null ? null : format.z(a.normalised) }))}
      />
    </div>
  )
}

function RankingTable({ title, scoreLabel, rows }: { title: string; scoreLabel: string; rows: (Ranked & { rank: number | null; score: string | null })[] }) {
  const { t } = useTranslation()
  const ordered = [...rows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="mb-3 text-left text-base font-semibold text-ink">{title}</caption>
        <thead>
          <tr className="border-b border-line text-left text-muted">
            <HeaderCell>{t('jury.board.rank')}</HeaderCell>
            <HeaderCell>{t('jury.board.application')}</HeaderCell>
            <HeaderCell numeric>{scoreLabel}</HeaderCell>
          </tr>
        </thead>
        <tbody>
          {ordered.map((row) => (
            <tr key={row.id} className="border-b border-line last:border-0">
              <td className="py-2 pr-3 font-semibold text-ink">{row.rank ?? '–'}</td>
              <td className="py-2 pr-3">
                <a href={`#application-${row.id}`} className="font-medium text-ink hover:underline">
                  {row.startup}
                </a>
                <span className="block text-xs text-muted">{t('jury.board.reviewCount', { count: row.reviews.filter((r) => r.counted).length })}</span>
              </td>
              <td className="py-2 text-right font-mono text-ink">{row.score ?? <span className="font-sans text-muted">{t('jury.board.noReviews')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  )
}

/** Each juror's average and spread: who is strict, who is lenient, who counts as 0. */
export function JurorTable({ jurors }: { jurors: BoardJuror[] }) {
  const { t } = useTranslation()
  const format = useScoreFormat()
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="mb-3 text-left text-base font-semibold text-ink">{t('jury.board.jurorsTitle')}</caption>
        <thead>
          <tr className="border-b border-line text-left text-muted">
            <HeaderCell>{t('jury.board.juror')}</HeaderCell>
            <HeaderCell numeric>{t('jury.board.reviews')}</HeaderCell>
            <HeaderCell numeric>{t('jury.board.mean')}</HeaderCell>
            <HeaderCell numeric>{t('jury.board.sd')}</HeaderCell>
            <HeaderCell><span className="sr-only">{t('jury.board.note')}</span></HeaderCell>
          </tr>
        </thead>
        <tbody>
          {jurors.map((juror) => (
            <tr key={juror.id} className="border-b border-line last:border-0">
              <td className="py-2 pr-3">
                <span className="font-medium text-ink">{t('jury.jurorLabel', { number: juror.number })}</span> · {juror.name}
                <span className="block text-xs text-muted">{juror.organisation ?? t('jury.board.independent')}</span>
              </td>
              <td className="py-2 pr-3 text-right text-ink">{juror.reviews}</td>
              <td className="py-2 pr-3 text-right font-mono text-ink">{juror.reviews ? format.score(juror.mean) : '–'}</td>
              <td className="py-2 pr-3 text-right font-mono text-ink">{juror.reviews ? format.score(juror.sd) : '–'}</td>
              <td className="py-2 text-xs text-muted">{juror.reviews && juror.neutral ? t('jury.board.neutral') : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  )
}

function HeaderCell({ children, numeric = false }: { children: ReactNode; numeric?: boolean }) {
  return (
    <th scope="col" className={`py-2 pr-3 font-medium last:pr-0 ${numeric ? 'text-right' : ''}`}>
      {children}
    </th>
  )
}
