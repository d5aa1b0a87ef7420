// errcat/express, kept for code written before the runtime became its own package:
// production servers should import @errcat/runtime/express and keep errcat (the CLI)
// as a development dependency. See docs/install.md.
export * from '@errcat/runtime/express'
export { default } from '@errcat/runtime/express'
