// Next calls register() once when a server process starts: background work that every app
// instance runs lives here.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startReconciler } = await import('./lib/reconciler/start-reconciler');
  startReconciler();
  const { startSnoozeTimer } = await import('./lib/snooze/snooze-timer');
  startSnoozeTimer();
}
