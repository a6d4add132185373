import { z } from 'zod'

/**
 * zod 4 probes `new Function('')` once, when the first object schema is built, to decide whether
 * it may compile fast parsers. Ponte's Content-Security-Policy has no 'unsafe-eval', so in the
 * browser that probe is blocked and reported as a CSP violation (a console error, and a report
 * once a report-uri is set) on every page with a form. `jitless` skips the probe. Imported first
 * by app/root.tsx: Remix evaluates the root route module before the other route modules, whose
 * schemas are built when their modules load. The server has no CSP and keeps the fast parsers.
 */
if (typeof document !== 'undefined') z.config({ jitless: true })
