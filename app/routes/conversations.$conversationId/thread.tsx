import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFieldControl, useFormErrors } from '~/components/account/form-controls'
import { useUiLocale } from '~/components/organisations/form-fields'
import { Button } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { FormErrors, TextareaField } from '~/components/ui/field'
import { formatDate, formatDateTime, formatMoney } from '~/modules/i18n/format'
import type { ConversationPage } from '~/modules/interests/conversations.server'
import type { PartyContacts } from '~/modules/interests/parties.server'
import { CHAT_MAX, MessageSchema } from '~/modules/interests/schemas'
import { useViewerTimeZone } from '~/root'

type Serialized<T> = { [K in keyof T]: T[K] extends Date ? string | Date : T[K] extends Date | null ? string | Date | null : T[K] }
type Page = Omit<ConversationPage, 'messages' | 'interest'> & {
  messages: Serialized<ConversationPage['messages'][number]>[]
  interest: Serialized<ConversationPage['interest']>
}

function Party({ title, party }: { title: string; party: PartyContacts }) {
  return (
    <div>
      <h3 className="text-sm font-semibold text-ink">{title}</h3>
      <p className="text-sm text-muted">{party.organisation}</p>
      <ul className="mt-2 space-y-1 text-sm">
        {party.people.map((person) => (
          <li key={person.email}>
            <span className="text-ink">{person.name}</span>{' '}
            <a href={`mailto:${person.email}`} className="text-brand-700 hover:underline">
              {person.email}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** The introduction: both sides' contacts (exchanged when the startup accepted) and the first interest. */
export function ContactsCard({ conversation }: { conversation: Page }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const { interest } = conversation
  return (
    <Card className="space-y-4">
      <h2 className="text-lg font-semibold text-ink">{t('interests.conversations.introduction')}</h2>
      {interest.acceptedAt ? <p className="text-xs text-muted">{t('interests.conversations.introducedOn', { date: formatDate(new Date(interest.acceptedAt), locale) })}</p> : null}
      <Party title={t('interests.conversations.investorSide')} party={conversation.investor} />
      <Party title={t('interests.conversations.startupSide')} party={conversation.startup} />
      <p className="text-sm text-muted">
        {t('interests.inbox.ticket', { min: formatMoney(interest.ticketMinCents, locale), max: formatMoney(interest.ticketMaxCents, locale) })}
      </p>
    </Card>
  )
}

/** The messages, oldest first, the first interest at the top. */
export function MessageList({ conversation }: { conversation: Page }) {
  const { t } = useTranslation()
  const locale = useUiLocale()
  const timeZone = useViewerTimeZone()
  return (
    <section aria-label={t('interests.conversations.messages')} className="space-y-3">
      <article className="rounded-2xl border border-brand-100 bg-brand-50 p-4">
        <p className="text-xs font-medium text-brand-800">
          {t('interests.conversations.interestMessage', { organisation: conversation.investor.organisation })} ·{' '}
          {formatDate(new Date(conversation.interest.createdAt), locale)}
        </p>
        <p className="mt-2 whitespace-pre-line text-sm text-ink">{conversation.interest.message}</p>
      </article>
      {conversation.messages.length === 0 ? (
        <EmptyState title={t('interests.conversations.noMessagesTitle')} description={t('interests.conversations.noMessagesText')} />
      ) : (
        conversation.messages.map((message, index) => (
          <article
            key={message.id}
            id={index === conversation.messages.length - 1 ? 'latest' : undefined}
            className={`max-w-[85%] rounded-2xl border p-4 ${message.mine ? 'ml-auto border-brand-200 bg-white' : 'border-line bg-canvas'}`}
          >
            <p className="text-xs text-muted">
              <span className="font-medium text-ink">{message.author ?? t('interests.conversations.formerMember')}</span>
              {message.side ? ` · ${message.side === 'investor' ? conversation.investor.organisation : conversation.startup.organisation}` : ''} ·{' '}
              {formatDateTime(new Date(message.createdAt), locale, timeZone)}
            </p>
            <p className="mt-2 whitespace-pre-line text-sm text-ink">{message.body}</p>
          </article>
        ))
      )}
    </section>
  )
}

export function MessageForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation()
  const control = useFieldControl()
  const formErrors = useFormErrors()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'message',
    lastResult,
    constraint: getZodConstraint(MessageSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MessageSchema }),
  })
  return (
    <Card>
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="intent" value="message" />
        <FormErrors errors={formErrors(form.errors)} />
        <TextareaField label={t('interests.fields.body')} rows={4} maxLength={CHAT_MAX} {...control(fields.body)} />
        <Button type="submit" pending={navigation.state === 'submitting' && navigation.formData?.get('intent') === 'message'}>
          {t('interests.conversations.send')}
        </Button>
      </Form>
    </Card>
  )
}
