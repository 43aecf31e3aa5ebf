import { readConfig } from './config';
import { startEmulator } from './index';

/**
 * `npm run emulator`: runs the emulator in the foreground. `--port` / EMULATOR_PORT, `--state FILE` /
 * EMULATOR_STATE, credentials and numbers from EMULATOR_* (see emulator/README.md).
 */
const main = async () => {
  const config = readConfig(process.env, process.argv.slice(2));
  const emulator = await startEmulator(config);
  const c = emulator.credentials;
  console.log(
    [
      `Twilio Conversations emulator listening on ${emulator.url}`,
      `  account SID   ${c.accountSid}`,
      `  auth token    ${c.authToken}`,
      `  API key       ${c.apiKey}`,
      `  API secret    ${c.apiSecret}`,
      `  service SID   ${emulator.serviceSid} (default Conversations Service)`,
      `  numbers       ${emulator.numbers.join(', ')}`,
      `  control API   ${emulator.url}/emulator/v1 (customers' phones, clock; see emulator/README.md)`,
      `  state         ${config.statePath ?? 'in memory'}`,
      `  SDK           new Client(token, { twilsock: { uri: '${emulator.url.replace(/^http/, 'ws')}/v3/wsconnect' }, apiUri: '${emulator.url}', cdsUri: '${emulator.url}' })`,
      `  rate limit    ${config.rateLimit ? '30 actions/s (EMULATOR_RATE_LIMIT=off to disable)' : 'off'}`,
      `  web pages     ${config.controlOrigins.length ? config.controlOrigins.join(', ') : 'none may call the control API (EMULATOR_CONTROL_ORIGINS)'}`,
    ].join('\n'),
  );
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: saving state and stopping`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
