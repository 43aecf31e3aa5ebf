/**
 * The client address for per-client throttling. Next.js fills X-Forwarded-For with the
 * socket address only when the header is absent, and a proxy appends the address it saw,
 * so the rightmost entry is the one a client cannot forge (set TRUSTED_PROXY_HOPS when
 * several proxies append).
 */
export function clientIpFrom(headers: Record<string, string | string[] | undefined> | Headers): string {
  const read = (name: string) => {
    const value = headers instanceof Headers ? headers.get(name) : headers[name];
    return Array.isArray(value) ? value.join(',') : value;
  };
  const hops = Math.max(0, Number(process.env.TRUSTED_PROXY_HOPS ?? 0) || 0);
  const chain = (read('x-forwarded-for') ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  return chain[Math.max(0, chain.length - 1 - hops)] ?? read('x-real-ip') ?? 'unknown';
}
