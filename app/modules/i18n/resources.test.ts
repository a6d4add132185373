import { describe, expect, it } from 'vitest'
import { supportedLocales } from './locales'
import { resources } from './resources'

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

/**
 * Words that are spelt the same in English and the other language (brand names, loanwords
 * used as such in Iberian business language). Anything else identical to English is a
 * string someone forgot to translate.
 */
const sameInEveryLanguage = new Set(
  ['Ponte', 'Startup', 'Startups', 'Email', 'Business angel', 'Business angels', 'Menu', 'Web', 'OK', 'Subsector', 'TRL {{level}} ({{count}})'].map((word) =>
    word.toLowerCase(),
  ),
)

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort()

const english = flatten(resources.en.translation as unknown as Tree)

describe.each(supportedLocales.filter((l) => l !== 'en'))('translations in %s', (locale) => {
  const messages = flatten(resources[locale].translation as unknown as Tree)

  it('has every key of the English messages and no extra ones', () => {
    expect([...english.keys()].filter((key) => !messages.has(key))).toEqual([])
    expect([...messages.keys()].filter((key) => !english.has(key))).toEqual([])
  })

  it('leaves nothing in English', () => {
    const untranslated = [...english]
      .filter(([key, text]) => messages.get(key) === text && !sameInEveryLanguage.has(text.trim().toLowerCase()))
      .map(([key]) => key)
    expect(untranslated).toEqual([])
  })

  it('keeps the same placeholders as English', () => {
    const mismatched = [...english]
      .filter(([key, text]) => messages.has(key) && placeholders(text).join() !== placeholders(messages.get(key)!).join())
      .map(([key]) => key)
    expect(mismatched).toEqual([])
  })

  it('has no empty strings', () => {
    expect([...messages].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([])
  })
})
