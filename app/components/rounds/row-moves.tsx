import type { FormMetadata } from '@conform-to/react'
import { Button } from '~/components/ui/button'

/** Move up, move down and remove buttons of one row of a Conform list (questions, criteria). */
export function RowMoves(props: {
  // Any form: only its list intents are used.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form: FormMetadata<any, string[]>
  listName: string
  index: number
  count: number
  labels: { up: string; down: string; remove: string }
}) {
  const { form, listName, index, count, labels } = props
  return (
    <div className="mt-4 flex flex-wrap gap-2">
      <Button variant="ghost" disabled={index === 0} {...form.reorder.getButtonProps({ name: listName, from: index, to: index - 1 })}>
        {labels.up}
      </Button>
      <Button variant="ghost" disabled={index === count - 1} {...form.reorder.getButtonProps({ name: listName, from: index, to: index + 1 })}>
        {labels.down}
      </Button>
      <Button variant="ghost" {...form.remove.getButtonProps({ name: listName, index })}>
        {labels.remove}
      </Button>
    </div>
  )
}
