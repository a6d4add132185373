import { useTranslation } from 'react-i18next'
import { useScoreFormat } from '~/components/rounds/jury-bits'
import { Card } from '~/components/ui/card'
import { Cell, ColumnHeader, DataTable, RowHeader } from '~/components/ui/table'
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
    <Card>
      <h3 className="mb-3 text-base font-semibold text-ink">{title}</h3>
      <DataTable
        caption={title}
        head={
          <>
            <ColumnHeader>{t('jury.board.rank')}</ColumnHeader>
            <ColumnHeader>{t('jury.board.application')}</ColumnHeader>
            <ColumnHeader numeric>{scoreLabel}</ColumnHeader>
          </>
        }
      >
        {ordered.map((row) => (
          <tr key={row.id}>
            <Cell>
              <span className="font-semibold text-ink">{row.rank ?? '–'}</span>
            </Cell>
            <RowHeader>
              <a href={`#application-${row.id}`} className="hover:underline">
                {row.startup}
              </a>
              <span className="block text-xs font-normal text-muted">{t('jury.board.reviewCount', { count: row.reviews.filter((r) => r.counted).length })}</span>
            </RowHeader>
            <Cell numeric>{row.score ?? <span className="text-muted">{t('jury.board.noReviews')}</span>}</Cell>
          </tr>
        ))}
      </DataTable>
    </Card>
  )
}

/** Each juror's average and spread: who is strict, who is lenient, who counts as 0. */
export function JurorTable({ jurors }: { jurors: BoardJuror[] }) {
  const { t } = useTranslation()
  const format = useScoreFormat()
  return (
    <Card>
      <h3 className="mb-3 text-base font-semibold text-ink">{t('jury.board.jurorsTitle')}</h3>
      <DataTable
        caption={t('jury.board.jurorsTitle')}
        head={
          <>
            <ColumnHeader>{t('jury.board.juror')}</ColumnHeader>
            <ColumnHeader numeric>{t('jury.board.reviews')}</ColumnHeader>
            <ColumnHeader numeric>{t('jury.board.mean')}</ColumnHeader>
            <ColumnHeader numeric>{t('jury.board.sd')}</ColumnHeader>
            <ColumnHeader>
              <span className="sr-only">{t('jury.board.note')}</span>
            </ColumnHeader>
          </>
        }
      >
        {jurors.map((juror) => (
          <tr key={juror.id}>
            <RowHeader>
              {t('jury.jurorLabel', { number: juror.number })} · {juror.name}
              <span className="block text-xs font-normal text-muted">{juror.organisation ?? t('jury.board.independent')}</span>
            </RowHeader>
            <Cell numeric>{juror.reviews}</Cell>
            <Cell numeric>{juror.reviews ? format.score(juror.mean) : '–'}</Cell>
            <Cell numeric>{juror.reviews ? format.score(juror.sd) : '–'}</Cell>
            <Cell>
              <span className="text-xs text-muted">{juror.reviews && juror.neutral ? t('jury.board.neutral') : null}</span>
            </Cell>
          </tr>
        ))}
      </DataTable>
    </Card>
  )
}
