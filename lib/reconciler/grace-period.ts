/**
 * How recent a change may be and still be left alone by the reconciler: a webhook is probably on
 * its way (or between indexing and routing), and doing its work for it would record a repair that
 * was not one.
 */
export const GRACE_MS = 5_000;
