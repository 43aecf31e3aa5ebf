import twilio from 'twilio';

export const ACCOUNT_SID = `AC${'a1'.repeat(16)}`;
export const API_KEY_SID = `SK${'b2'.repeat(16)}`;
export const API_KEY_SECRET = 'realtime-test-secret-0123456789abcdef';
export const SERVICE_SID = `IS${'c3'.repeat(16)}`;

export type MintOptions = {
  identity: string;
  ttlSeconds?: number;
  accountSid?: string;
  apiKeySid?: string;
  secret?: string;
  serviceSid?: string;
};

/** Tokens exactly as apps make them: the official helper's AccessToken with a ChatGrant. */
export function mintToken(options: MintOptions): string {
  const token = new twilio.jwt.AccessToken(
    options.accountSid ?? ACCOUNT_SID,
    options.apiKeySid ?? API_KEY_SID,
    options.secret ?? API_KEY_SECRET,
    { identity: options.identity, ttl: options.ttlSeconds ?? 3600 },
  );
  token.addGrant(new twilio.jwt.AccessToken.ChatGrant({ serviceSid: options.serviceSid ?? SERVICE_SID }));
  return token.toJwt();
}

export function lookupApiKeySecret(sid: string): string | undefined {
  return sid === API_KEY_SID ? API_KEY_SECRET : undefined;
}
