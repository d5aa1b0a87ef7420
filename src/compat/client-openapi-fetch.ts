// errcat/client/openapi-fetch: the same module as @errcat/runtime/client/openapi-fetch. See docs/client.md.
export * from '@errcat/runtime/client/openapi-fetch'
