// `npm start`: the five demo APIs on localhost, one per seed, each on another
// adapter. Ports are PORT_BASE+1 … PORT_BASE+5 (PORT_BASE defaults to 4100);
// a port already taken falls back to one the OS picks. Ctrl-C stops them.
import { start as startGengo } from './gengo/server.ts'
import { start as startQencode } from './qencode/server.ts'
import { start as startQrForms } from './qr-forms/server.ts'
import { start as startQrForge } from './qrforge/server.ts'
import { DEMO_TASKS, start as startSevenBridges } from './sevenbridges/server.ts'

interface Demo {
  name: string
  adapter: string
  start(options: { port: number; host: string }): Promise<{ url: string; close(): Promise<void> }>
  /** Something to try, with `{url}` for the server's URL. */
  tryIt: string
}

const DEMOS: Demo[] = [
  {
    name: 'QRForge',
    adapter: 'Hono',
    start: startQrForge,
    tryIt: `curl -s -X POST {url}/v1/qr -H 'x-api-key: qrf_demo_key' -H 'content-type: application/json' -d '{"redirect_url": "ftp://nope"}'`,
  },
  {
    name: 'Seven Bridges',
    adapter: 'Fastify',
    start: startSevenBridges,
    tryIt: `curl -s {url}/v2/tasks/${DEMO_TASKS.draft.replace(/^./, '0')} -H 'X-SBG-Auth-Token: sbg_demo_token'`,
  },
  {
    name: 'Qencode',
    adapter: 'Express',
    start: startQencode,
    tryIt: `curl -s {url}/v1/access_token -d api_key=not-a-key`,
  },
  {
    name: 'Gengo',
    adapter: 'fetch',
    start: startGengo,
    tryIt: `curl -s {url}/errors/2100 -H 'Accept-Language: ja'`,
  },
  {
    name: 'QR forms (gateway)',
    adapter: 'Hono + pass-through',
    start: startQrForms,
    tryIt: `curl -s {url}/v2/records/rec_9 -H 'x-api-key: qrf_rw_key'`,
  },
]

const HOST = '127.0.0.1'

function portBase(): number {
  const raw = process.env.PORT_BASE ?? '4100'
  const base = Number(raw)
  if (!Number.isInteger(base) || base < 0 || base + DEMOS.length > 65535) {
    process.stderr.write(
      `errcat demos: PORT_BASE must be an integer from 0 to ${65535 - DEMOS.length}, not "${raw}".\n`,
    )
    process.exit(2)
  }
  return base
}

/** Starts a demo on `port`, or on a port the OS picks when that one is taken. */
async function startOn(demo: Demo, port: number) {
  try {
    return { ...(await demo.start({ port, host: HOST })), fellBack: false }
  } catch (error) {
    const code = (error as { code?: string }).code
    if (port === 0 || (code !== 'EADDRINUSE' && code !== 'EACCES')) throw error
    return { ...(await demo.start({ port: 0, host: HOST })), fellBack: true }
  }
}

async function main(): Promise<void> {
  const base = portBase()
  const running: { close(): Promise<void> }[] = []
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    process.stdout.write(`\n${signal}: stopping the demos…\n`)
    await Promise.allSettled(running.map((server) => server.close()))
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))

  const lines: string[] = []
  for (const [i, demo] of DEMOS.entries()) {
    const wanted = base === 0 ? 0 : base + i + 1
    const server = await startOn(demo, wanted)
    running.push(server)
    const note = server.fellBack ? ` (port ${wanted} is taken)` : ''
    lines.push(
      `  ${demo.name.padEnd(19)} ${server.url.padEnd(23)} ${demo.adapter}${note}`,
      `    try: ${demo.tryIt.replaceAll('{url}', server.url)}`,
    )
  }
  process.stdout.write(
    [
      'errcat demo APIs, one per seed:',
      '',
      ...lines,
      '',
      'Each one answers GET /errors/{code|key|symbol} with that error of its catalog, in its',
      'own envelope (e.g. /errors/7002 on Seven Bridges, /errors/rate_limit_minute on QRForge).',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  )
}

main().catch((error: unknown) => {
  process.stderr.write(`errcat demos: could not start: ${(error as Error)?.message ?? error}\n`)
  process.exit(1)
})
