export * from './accounts'
export * from './mail'
export * from './organisations'
export * from './profiles'
