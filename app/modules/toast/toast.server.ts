import { createCookie, redirect } from '@remix-run/node'

/** A one-time notice shown after a redirect ("Your email is verified"). Holds a translation key only. */
const toastCookie = createCookie('ponte_toast', { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 })

export async function redirectWithToast(url: string, messageKey: string, init: { headers?: HeadersInit } = {}) {
  const headers = new Headers(init.headers)
  headers.append('Set-Cookie', await toastCookie.serialize(messageKey))
  return redirect(url, { headers })
}

/** Reads the pending notice and the header that clears it. */
export async function takeToast(request: Request): Promise<{ toast: string | null; headers: Headers }> {
  const value = await toastCookie.parse(request.headers.get('Cookie'))
  const headers = new Headers()
  if (typeof value === 'string' && value) {
    headers.append('Set-Cookie', await toastCookie.serialize('', { maxAge: 0 }))
    return { toast: value, headers }
  }
  return { toast: null, headers }
}
