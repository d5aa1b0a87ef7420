// The servers of bench/instructions.ts, run under valgrind: plain JavaScript,
// so that no TypeScript loader runs under the instruction counter. The variants
// are those of bench/fastify-route.ts (a route throwing Seven Bridges' 7002),
// bench/fastify-hook.ts and bench/hono-route.ts (a hook or middleware answering
// its 429), written the same way.
// Usage: node instructions-server.mjs <variant> <requests> <module.js>
// Prints `ready <port>`, and exits once it has answered <requests> requests.
import { createServer } from 'node:http'
import { pathToFileURL } from 'node:url'
import errcat from '@errcat/runtime/fastify'
import { errcat as honoErrcat } from '@errcat/runtime/hono'
import createFastifyError from '@fastify/error'
import { getRequestListener } from '@hono/node-server'
import Fastify from 'fastify'
import { Hono } from 'hono'

const [variant, count, modulePath] = process.argv.slice(2)
const errors = await import(pathToFileURL(modulePath).href)
const total = Number(count)
let answered = 0
function answeredOne() {
  answered++
  if (answered === total) setImmediate(() => process.exit(0))
}

// The answers the timed benchmarks' ceilings and floors send, handed over by the parent
// (bench/sevenbridges-429.ts, bench/fastify-route.ts), which checks every variant's.
const answers = JSON.parse(process.env.ERRCAT_BENCH_ANSWERS)
const BODY_429 = Buffer.from(answers.body429)
const HEADERS_429 = answers.headers429
const BODY_404 = answers.body7002
const PREBUILT_404 = Buffer.from(JSON.stringify(BODY_404))
const ERRCAT_HEADERS_404 = answers.headers7002
const TaskNotFound = createFastifyError('SBG_7002', 'Requested task does not exist.', 404)
const throwing = async () => {
  throw errors.TASK_NOT_FOUND()
}
const sink = {}

/** A Fastify app, with errcat's plugin when `withErrcat`, counting answers. */
async function fastify(setup, withErrcat) {
  const app = Fastify()
  if (withErrcat) await app.register(errcat, { catalog: errors.catalog })
  app.addHook('onResponse', (_request, _reply, done) => {
    answeredOne()
    done()
  })
  await setup(app)
  await app.listen({ port: 0, host: '127.0.0.1' })
  return app.server.address().port
}

/** fastify-hook's apps: an onSend hook registered, the onRequest hook answers. */
const hook = (onRequest, withErrcat) =>
  fastify((app) => {
    app.addHook('onSend', (_request, _reply, _payload, done) => {
      done()
    })
    app.addHook('onRequest', onRequest)
    app.get('/v2/tasks/:id', async () => ({ id: 'never reached' }))
  }, withErrcat)

/** hono-route's apps on @hono/node-server; with errcat installed as the docs say. */
async function hono(setup, withErrcat) {
  const app = new Hono()
  if (withErrcat) {
    const errcatErrors = honoErrcat(errors.catalog)
    await errcatErrors.ready
    app.use(errcatErrors)
    app.onError(errcatErrors.onError)
    app.notFound(errcatErrors.notFound)
    setup(app, errcatErrors)
  } else setup(app)
  app.get('/v2/tasks/:id', (c) => c.json({ id: 'never reached' }))
  const listener = getRequestListener(app.fetch)
  const server = createServer((request, response) => {
    response.once('finish', answeredOne)
    listener(request, response)
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return server.address().port
}

const VARIANTS = {
  // fastify-route
  'route: ceiling': () =>
    fastify((app) => app.get('/v2/tasks/:id', async (_q, reply) => reply.code(404).send(BODY_404))),
  'route: throw floor': () =>
    fastify((app) => {
      app.setErrorHandler((_error, _request, reply) => {
        reply.code(404).header('content-type', 'application/json').send(PREBUILT_404)
      })
      app.get('/v2/tasks/:id', throwing)
    }),
  "route: throw floor, errcat's headers": () =>
    fastify((app) => {
      app.setErrorHandler((_error, _request, reply) => {
        reply.code(404).headers(ERRCAT_HEADERS_404).send(PREBUILT_404)
      })
      app.get('/v2/tasks/:id', throwing)
    }),
  'route: errcat': () => fastify((app) => app.get('/v2/tasks/:id', throwing), true),
  'route: @fastify/error': () =>
    fastify((app) =>
      app.get('/v2/tasks/:id', async () => {
        throw new TaskNotFound()
      }),
    ),
  // fastify-hook
  'hook: ceiling': () =>
    hook(async (_q, reply) => reply.code(429).headers(HEADERS_429).send(BODY_429)),
  'hook: ceiling + error': () =>
    hook(async (_q, reply) => {
      sink.error = errors.RATE_LIMIT_EXCEEDED()
      return reply.code(429).headers(HEADERS_429).send(BODY_429)
    }),
  'hook: errcat sendError': () =>
    hook(async (_q, reply) => reply.sendError(errors.RATE_LIMIT_EXCEEDED()), true),
  'hook: errcat sendError(factory)': () =>
    hook(async (_q, reply) => reply.sendError(errors.RATE_LIMIT_EXCEEDED), true),
  // hono-route
  'hono: ceiling': () =>
    hono((app) => {
      app.use(async () => new Response(BODY_429, { status: 429, headers: HEADERS_429 }))
    }),
  'hono: errcat respond': () =>
    hono((app, e) => {
      app.use(async (c) => e.respond(c, errors.RATE_LIMIT_EXCEEDED()))
    }, true),
  'hono: errcat respond(factory)': () =>
    hono((app, e) => {
      app.use(async (c) => e.respond(c, errors.RATE_LIMIT_EXCEEDED))
    }, true),
}

const port = await VARIANTS[variant]()
console.log(`ready ${port}`)
