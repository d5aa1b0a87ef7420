// errcat/client/ofetch: the same module as @errcat/runtime/client/ofetch. See docs/client.md.
export * from '@errcat/runtime/client/ofetch'
