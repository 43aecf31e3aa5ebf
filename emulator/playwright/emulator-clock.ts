import { phone as controlApi } from '../src/control-client';
import { kitStep } from './kit-step';

/**
 * The emulator's clock (`/emulator/v1/Clock`): conversation timers, the WhatsApp 24-hour window and
 * media URL expiry run on it. It keeps flowing in real time and only ever moves forward; each call
 * answers once every timer that became due has fired, so nothing needs waiting for afterwards.
 */
export type EmulatorClock = {
  now(): Promise<Date>;
  /** Moves time forward by an ISO 8601 duration in days or smaller: `PT25H`, `P1DT2H`, `PT10M`. */
  advance(duration: string): Promise<Date>;
  /** Moves time forward to `instant`; an instant before the emulator's time is refused. */
  set(instant: Date | string): Promise<Date>;
};

export const createEmulatorClock = (emulatorUrl: string): EmulatorClock => {
  const control = controlApi({ url: emulatorUrl });
  return {
    now: async () => {
      const { status, json } = await control.call<{ now_ms: number }>('Clock');
      if (status !== 200) throw new Error(`GET /emulator/v1/Clock answered ${status}`);
      return new Date(json.now_ms);
    },
    advance: (duration) => kitStep(`clock advances ${duration}`, async () => new Date((await control.advanceClock(duration)).now_ms)),
    set: (instant) => {
      const iso = typeof instant === 'string' ? instant : instant.toISOString();
      return kitStep(`clock set to ${iso}`, async () => new Date((await control.setClock(iso)).now_ms));
    },
  };
};
