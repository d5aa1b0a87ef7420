// Where `errcat serve` listens by default, and whether an address is private
// to this machine. Its own module: the CLI reads it without loading the server.
export const DEFAULT_PORT = 4000
export const DEFAULT_HOST = '127.0.0.1'

/** Whether only this machine can reach `host`. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '')
  return (
    h === 'localhost' ||
    h === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) ||
    /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)
  )
}
