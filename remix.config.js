// The Remix options of Ponte. The Vite plugin does not read this file by itself:
// vite.config.ts imports it and hands it to `remix(...)` (see docs/decisions/001-remix-config.md).

/** @type {import('@remix-run/dev').VitePluginConfig} */
const remixConfig = {
  appDirectory: 'app',
  buildDirectory: 'build',
  ignoredRouteFiles: ['**/*.test.*', '**/*.css'],
  serverModuleFormat: 'esm',
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: true,
    v3_lazyRouteDiscovery: true,
    v3_routeConfig: true,
  },
}

export default remixConfig
