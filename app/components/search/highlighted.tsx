import { highlightParts } from '~/modules/proposals/highlight'

/** A text with the words a search matched marked (<mark>); the text itself is never parsed as markup. */
export function Highlighted({ text, query }: { text: string; query: string }) {
  if (!query) return <>{text}</>
  return (
    <>
      {highlightParts(text, query).map((part, index) =>
        part.match ? (
          <mark key={index} className="rounded-sm bg-amber-100 px-0.5 text-inherit">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  )
}
