import { describe, expect, it } from 'vitest'
import { getFixedT } from '../i18n/i18n.server'
import { supportedLocales } from '../i18n/locales'
import { notificationKinds } from './kinds'

describe('every kind of notification', () => {
  it.each(supportedLocales)('has its texts and its settings label in %s', (locale) => {
    const t = getFixedT(locale)
    const missing = Object.keys(notificationKinds).flatMap((kind) =>
      [`notifications.kinds.${kind}.title`, `notifications.kinds.${kind}.subject`, `notifications.kinds.${kind}.body`, `notifications.settings.kinds.${kind}`].filter(
        (key) => t(key) === key,
      ),
    )
    expect(missing).toEqual([])
  })
})
