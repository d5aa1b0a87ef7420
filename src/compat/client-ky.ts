// errcat/client/ky: the same module as @errcat/runtime/client/ky. See docs/client.md.
export * from '@errcat/runtime/client/ky'
