import twilio from 'twilio';
import { servedHosts } from '../products';

type RequestOptions = Parameters<twilio.RequestClient['request']>[0];

/**
 * Maps a Twilio URL to the emulator by its one rule: `https://<product>[.edge][.region].twilio.com/<path>`
 * → `<base>/<path>` for every product the emulator serves (`<base>/mcs/<path>` for MCS). A Twilio host
 * it does not serve is refused rather than sent to the internet, so emulator mode never silently
 * reaches real Twilio.
 */
export const toEmulatorUrl = (uri: string, baseUrl: string): string => {
  const url = new URL(uri);
  if (!url.hostname.endsWith('.twilio.com')) return uri;
  const mount = servedHosts().get(url.hostname.split('.')[0] ?? '');
  if (mount === undefined) throw new Error(`The Switchboard emulator does not serve ${url.origin} (requested ${uri})`);
  return `${baseUrl.replace(/\/+$/, '')}${mount}${url.pathname}${url.search}`;
};

/**
 * The `twilio` helper's HTTP client, redirected to the emulator. Everything else (auth, serialisation,
 * paging, errors) is the helper's own code, unmodified.
 */
export class EmulatorRequestClient extends twilio.RequestClient {
  constructor(
    readonly baseUrl: string,
    options: ConstructorParameters<typeof twilio.RequestClient>[0] = {},
  ) {
    super(options);
  }

  override request<TData>(opts: RequestOptions & { data?: TData }) {
    return super.request<TData>({ ...opts, uri: toEmulatorUrl(opts.uri, this.baseUrl) });
  }
}

export type EmulatorClientCredentials =
  | { accountSid: string; authToken: string }
  | { accountSid: string; apiKey: string; apiSecret: string };

/** A `twilio` client that talks to the emulator at `emulatorUrl`. */
export const createTwilioClient = (
  emulatorUrl: string,
  credentials: EmulatorClientCredentials,
  options: Omit<twilio.ClientOpts, 'httpClient' | 'accountSid'> = {},
): twilio.Twilio => {
  const httpClient = new EmulatorRequestClient(emulatorUrl);
  if ('apiKey' in credentials) {
    return twilio(credentials.apiKey, credentials.apiSecret, { ...options, accountSid: credentials.accountSid, httpClient });
  }
  return twilio(credentials.accountSid, credentials.authToken, { ...options, httpClient });
};

// The light half of the public API, safe to bundle into an app server: the redirect client and the
// emulator's well-known defaults, without the emulator itself.
export { DEFAULT_CREDENTIALS, DEFAULT_NUMBERS, DEFAULT_PORT, readConfig, type EmulatorConfig } from '../config';
export type { Credentials } from '../config';
