/** The job worker for production: `npm run worker` beside one or more web processes. */
import { loadConfigOrExit, onShutdown } from './config'
import { startRuntime } from './runtime'

const config = loadConfigOrExit()
const runtime = await startRuntime({ ...config, seedDemoData: false }, { worker: true })
console.log('Ponte worker is running')
onShutdown(() => runtime.stop())
