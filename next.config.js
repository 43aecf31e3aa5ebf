// Headers on every response, pages and API alike. The pages' Content-Security-Policy carries a
// per-request nonce, so proxy.ts sets it; the API's answers are data, never documents, and get
// the strictest policy there is.
const EVERYWHERE = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Conversation SIDs are in our URLs: other sites (Twilio's media hosts included) see none of it.
  { key: 'Referrer-Policy', value: 'same-origin' },
  // For browsers that predate CSP's frame-ancestors.
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // No gzip here: Next compresses each answer as it streams, with no length to skip small ones by, so
  // every API answer paid for a compressor (README, Benchmarks). The TLS proxy in front compresses.
  compress: false,
  // Native and server-only packages stay out of the bundles.
  serverExternalPackages: ['@node-rs/argon2', 'pg', 'twilio'],
  // The emulator's package ships TypeScript source (its `client` entry is used by the server).
  transpilePackages: ['conversations-emulator'],
  // forbidden() renders app/forbidden.tsx with a 403 status.
  experimental: { authInterrupts: true },
  async headers() {
    return [
      { source: '/:path*', headers: EVERYWHERE },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }] },
      // HSTS only where the app is served over https (a TLS proxy in front says so); over plain
      // http browsers ignore it anyway.
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }],
      },
    ];
  },
};

export default nextConfig;
