// Gengo API v2 demo server (seed 004) on errcat's fetch adapter: a plain
// `(request) => Response` handler, as on Bun, Deno or workers, served here
// with @hono/node-server. Like Gengo, it answers HTTP 200 and says
// `opstat: "error"` in the body, with a numeric code; `Accept-Language: ja`
// gets the Japanese messages of the catalog.
//
//   GET  /v2/account/balance        the account's credits
//   GET  /v2/translate/job/{id}     a job (2100 for a job of another account)
//   POST /v2/translate/jobs         order jobs: {"jobs": {"job_1": {type, body_src, lc_src, lc_tgt, tier}}}
//   GET  /errors/{id}               any error of the catalog, by code or symbol
//
// /v2 requests are signed as Gengo's are: `api_key`, `ts` (Unix seconds) and
// `api_sig` (hex HMAC-SHA1 of `ts` keyed with the private key) in the query.
// Demo keys: public `gengo_demo_public`, private `gengo_demo_private`.

import { errorFinder, errorWithParams } from '@errcat/runtime'
import { errcat, readJson } from '@errcat/runtime/fetch'
import { type ListenOptions, type Running, runIfMain, serveFetch } from '../listen.ts'
import * as errors from './errors.generated.ts'

export type { Running }
export type StartOptions = ListenOptions

export const DEMO_KEYS = { public: 'gengo_demo_public', private: 'gengo_demo_private' }

interface Job {
  job_id: string
  owner: string
  body_src: string
  lc_src: string
  lc_tgt: string
  tier: 'standard' | 'pro'
  status: 'available' | 'pending' | 'reviewable' | 'approved'
  credits: number
}

const PAIRS = new Set(['en:ja', 'ja:en', 'en:fr', 'en:de', 'en:es'])
const PRICE_PER_WORD = { standard: 0.06, pro: 0.12 }

/** Hex HMAC-SHA1 of `message` keyed with `key`, with Web Crypto (any fetch runtime has it). */
export async function sign(key: string, message: string): Promise<string> {
  const encoder = new TextEncoder()
  const cryptoKey = await crypto.subtle.importKey(
    'raw',
    encoder.encode(key),
    { name: 'HMAC', hash: 'SHA-1' },
    false,
    ['sign'],
  )
  const signature = await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(message))
  return Buffer.from(signature).toString('hex')
}

/** The fetch handler of the Gengo demo, with its own in-memory state. */
export function createHandler(): (request: Request) => Promise<Response> {
  const accounts = new Map([
    [DEMO_KEYS.public, { id: 'acct_demo', private: DEMO_KEYS.private, credits: 25 }],
  ])
  const jobs = new Map<string, Job>([
    [
      '101',
      {
        job_id: '101',
        owner: 'acct_demo',
        body_src: 'Hello, world',
        lc_src: 'en',
        lc_tgt: 'ja',
        tier: 'standard',
        status: 'reviewable',
        credits: 0.12,
      },
    ],
    [
      '202',
      {
        job_id: '202',
        owner: 'acct_other',
        body_src: 'Private text',
        lc_src: 'en',
        lc_tgt: 'fr',
        tier: 'pro',
        status: 'approved',
        credits: 0.24,
      },
    ],
  ])
  let nextJob = 300
  const find = errorFinder(errors.allErrors)
  const handler = errcat(errors.catalog, {
    // Gengo has its own codes for a body it cannot read.
    malformedBody: errors.DATA_NOT_DECODABLE,
    unsupportedMediaType: errors.INVALID_CONTENT_TYPE,
  })

  const ok = (response: unknown) => Response.json({ opstat: 'ok', response })

  async function authenticate(url: URL) {
    const apiKey = url.searchParams.get('api_key')
    const apiSig = url.searchParams.get('api_sig')
    const ts = url.searchParams.get('ts')
    if (!apiKey) throw errors.API_KEY_REQUIRED()
    if (!apiSig) throw errors.API_SIG_REQUIRED()
    if (!ts) throw errors.TIMESTAMP_REQUIRED()
    if (!/^\d+$/.test(ts)) throw errors.TIMESTAMP_NOT_NUMERIC()
    const account = accounts.get(apiKey)
    if (!account || (await sign(account.private, ts)) !== apiSig.toLowerCase())
      throw errors.AUTHENTICATION_FAILED()
    return account
  }

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url)
    const path = url.pathname
    const get = request.method === 'GET' || request.method === 'HEAD'

    const errorId = /^\/errors\/([^/]+)$/.exec(path)?.[1]
    if (get && errorId) {
      const entry = find(decodeURIComponent(errorId))
      if (!entry) return handler.notFound(request)
      throw errorWithParams(entry, url.searchParams)
    }
    if (!path.startsWith('/v2/')) return handler.notFound(request)

    const account = await authenticate(url)

    if (get && path === '/v2/account/balance')
      return ok({ credits: account.credits.toFixed(2), currency: 'USD' })

    const jobId = /^\/v2\/translate\/job\/([^/]*)$/.exec(path)?.[1]
    if (get && jobId !== undefined) {
      if (jobId === '') throw errors.JOB_ID_REQUIRED()
      const job = jobs.get(jobId)
      // A job of another account and a job that does not exist look the same from outside.
      if (!job || job.owner !== account.id) throw errors.JOB_ACCESS_DENIED()
      const { owner: _owner, ...visible } = job
      return ok({ job: visible })
    }

    if (request.method === 'POST' && path === '/v2/translate/jobs') {
      const body = (await readJson(request, { limit: 256 * 1024 })) as { jobs?: unknown }
      const ordered = orderJobs(body?.jobs, account.id)
      const cost = ordered.reduce((sum, job) => sum + job.credits, 0)
      if (cost > account.credits) throw errors.INSUFFICIENT_CREDITS()
      account.credits -= cost
      for (const job of ordered) jobs.set(job.job_id, job)
      return ok({
        job_count: ordered.length,
        credits_used: cost.toFixed(2),
        jobs: ordered.map((j) => j.job_id),
      })
    }

    return handler.notFound(request)
  }

  /** Gengo checks each field of each job and answers with the code of the first one missing. */
  function orderJobs(input: unknown, owner: string): Job[] {
    if (typeof input !== 'object' || input === null || Object.keys(input).length === 0)
      throw errors.JOBS_REQUIRED()
    return Object.values(input).map((raw): Job => {
      const job = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
      if (job.type === undefined) throw errors.TYPE_REQUIRED()
      if (job.type !== 'text') throw errors.JOB_TYPE_NOT_SUPPORTED()
      if (typeof job.body_src !== 'string' || job.body_src === '') throw errors.BODY_SRC_REQUIRED()
      if (typeof job.lc_src !== 'string') throw errors.LC_SRC_REQUIRED()
      if (typeof job.lc_tgt !== 'string') throw errors.LC_TGT_REQUIRED()
      if (job.tier === undefined) throw errors.TIER_REQUIRED()
      if (job.tier !== 'standard' && job.tier !== 'pro') throw errors.INVALID_TIER()
      if (!PAIRS.has(`${job.lc_src}:${job.lc_tgt}`)) throw errors.LANGUAGE_SERVICE_NOT_SUPPORTED()
      const words = job.body_src.trim().split(/\s+/).length
      return {
        job_id: String(nextJob++),
        owner,
        body_src: job.body_src,
        lc_src: job.lc_src,
        lc_tgt: job.lc_tgt,
        tier: job.tier,
        status: 'available',
        credits: Math.round(words * PRICE_PER_WORD[job.tier] * 100) / 100,
      }
    })
  }

  return handler.wrap(route)
}

export function start(options: StartOptions = {}): Promise<Running> {
  return serveFetch(createHandler(), options)
}

await runIfMain(import.meta.url, start, 4104, ({ url }) => `Gengo demo on ${url}`)
