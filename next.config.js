/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and server-only packages stay out of the bundles.
  serverExternalPackages: ['@node-rs/argon2', 'pg', 'twilio'],
  // The emulator's package ships TypeScript source (its `client` entry is used by the server).
  transpilePackages: ['conversations-emulator'],
  // forbidden() renders app/forbidden.tsx with a 403 status.
  experimental: { authInterrupts: true },
};

export default nextConfig;
