// errcat/fastify, kept for code written before the runtime became its own package:
// production servers should import @errcat/runtime/fastify and keep errcat (the CLI)
// as a development dependency. See docs/install.md.
export * from '@errcat/runtime/fastify'
export { default } from '@errcat/runtime/fastify'
