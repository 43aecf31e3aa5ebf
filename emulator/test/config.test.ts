import { describe, expect, it } from 'vitest';
import { DEFAULT_RECEIPT_DELAYS, readConfig } from '../src/config';

describe('configuration from the environment', () => {
  it('takes the carrier’s receipt delays from EMULATOR_SENT_DELAY_MS / EMULATOR_DELIVERED_DELAY_MS, else a carrier’s pace', () => {
    expect(readConfig({}, []).carrier.receiptDelays).toEqual(DEFAULT_RECEIPT_DELAYS);
    expect(DEFAULT_RECEIPT_DELAYS.sentMs).toBeGreaterThan(500);
    const configured = readConfig({ EMULATOR_SENT_DELAY_MS: '300', EMULATOR_DELIVERED_DELAY_MS: '0' }, []);
    expect(configured.carrier.receiptDelays).toEqual({ sentMs: 300, deliveredMs: 0 });
    expect(() => readConfig({ EMULATOR_SENT_DELAY_MS: 'soon' }, [])).toThrow(/EMULATOR_SENT_DELAY_MS/);
    expect(() => readConfig({ EMULATOR_DELIVERED_DELAY_MS: '-5' }, [])).toThrow(/EMULATOR_DELIVERED_DELAY_MS/);
  });
});
