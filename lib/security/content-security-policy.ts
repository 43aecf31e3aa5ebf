import type { TwilioEnv } from '@/lib/twilio/twilio-env';

type Options = {
  nonce: string;
  twilio: Pick<TwilioEnv, 'mode'> & { emulatorPublicUrl?: string };
  isDev?: boolean;
  isHttps?: boolean;
  /** Operators' additions for connections and media (CSP_EXTRA_SOURCES), space-separated. */
  extraSources?: string;
};

/**
 * The pages' Content-Security-Policy. Scripts run only from this app and with this response's
 * nonce ('strict-dynamic' lets those load the chunks they need); the browser talks only to the
 * app and to Twilio — or the emulator — for the Conversations SDK's WebSocket, its chat and Sync
 * requests and media; nothing may frame the app, post forms elsewhere, or change the base URL.
 */
export function contentSecurityPolicy({ nonce, twilio, isDev = false, isHttps = false, extraSources = '' }: Options): string {
  const extra = extraSources.split(/\s+/).filter(Boolean);
  const { connect, media } = twilioSources(twilio);
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // Development only: React rebuilds server error stacks with eval.
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(isDev ? ["'unsafe-eval'"] : [])],
    // Inline style attributes (React's `style`, the virtualized lists) cannot run code.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'blob:', 'data:', ...media, ...extra],
    'media-src': ["'self'", 'blob:', ...media, ...extra],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...connect, ...extra],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  const policy = Object.entries(directives).map(([name, values]) => `${name} ${values.join(' ')}`);
  if (isHttps) policy.push('upgrade-insecure-requests');
  return policy.join('; ');
}

function twilioSources(twilio: Options['twilio']): { connect: string[]; media: string[] } {
  if (twilio.mode === 'emulator' && twilio.emulatorPublicUrl) {
    const origin = new URL(twilio.emulatorPublicUrl).origin;
    return { connect: [origin, origin.replace(/^http/, 'ws')], media: [origin] };
  }
  // Twilio's SDK hosts per region (tsock, aim, cds, mcs, media); the media links Twilio hands
  // out may point at its storage on Amazon S3.
  return {
    connect: ['https://*.twilio.com', 'wss://*.twilio.com'],
    media: ['https://*.twilio.com', 'https://*.twiliocdn.com', 'https://*.amazonaws.com'],
  };
}
