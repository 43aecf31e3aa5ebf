/** Where the realtime layer reports what it cannot answer on the wire. */
export type RealtimeLogger = {
  debug(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
};

export const consoleLogger: RealtimeLogger = {
  debug: () => {},
  warn: (message, ...details) => console.warn(`[realtime] ${message}`, ...details),
  error: (message, ...details) => console.error(`[realtime] ${message}`, ...details),
};

export const silentLogger: RealtimeLogger = { debug: () => {}, warn: () => {}, error: () => {} };
