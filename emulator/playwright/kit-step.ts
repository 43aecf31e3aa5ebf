import { test } from '@playwright/test';

const isInsideTest = () => {
  try {
    test.info();
    return true;
  } catch {
    return false;
  }
};

/**
 * Runs a kit action as a boxed Playwright step, so it shows in the report and the trace under its own
 * title and a failure points at the caller's line. Outside a test (global setup, a script) it just runs.
 */
export const kitStep = <T>(title: string, body: () => Promise<T>): Promise<T> =>
  isInsideTest() ? test.step(title, body, { box: true }) : body();
