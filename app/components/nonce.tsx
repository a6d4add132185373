import { createContext, useContext } from 'react'

const NonceContext = createContext<string>('')
export const NonceProvider = NonceContext.Provider
/** The Content-Security-Policy nonce of the current response (empty in the browser). */
export const useNonce = () => useContext(NonceContext)
