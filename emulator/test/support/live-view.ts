/**
 * An object that reads every property from what `current()` returns at that moment. The `setup…`
 * helpers hand one out when a test file loads, before their hooks have started the real thing, so a
 * file can keep writing `emu.client` in its tests.
 */
export function liveView<T extends object>(current: () => T | undefined, name: string): T {
  const target = () => {
    const value = current();
    if (value === undefined) throw new Error(`${name} is only available inside tests and hooks, once it has been started`);
    return value;
  };
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(target(), key),
    has: (_, key) => Reflect.has(target(), key),
  });
}
