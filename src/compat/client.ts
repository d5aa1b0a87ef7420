// errcat/client: the same module as @errcat/runtime/client, for apps that
// already depend on errcat. Browser apps should import @errcat/runtime/client,
// which has no dependencies. See docs/client.md.
export * from '@errcat/runtime/client'
