import type { APIRequestContext } from 'playwright-core';
import { readStream, type StreamReader } from '../../e2e/fixtures/sse-reader';
import { appSession } from './app-session';

const PASSWORD = 'team-member-password-1';

/** A signed-in member of the team holding the app's event stream, as their open inbox does (or not: the polling design had none). */
export type TeamMember = { id: string; api: APIRequestContext; stream: StreamReader | null };
export type HeardEvent = { id: string | null; kind: string; data: Record<string, unknown>; at: number };

/** A member created through the admin's API (as an admin would), signed in, with the event stream open. */
export async function createTeamMember(
  appUrl: string,
  admin: APIRequestContext,
  { role, index, capacity = 100, withStream = true }: { role: 'AGENT' | 'SUPERVISOR'; index: number; capacity?: number; withStream?: boolean },
): Promise<TeamMember> {
  const email = `${role.toLowerCase()}-${index}-${Date.now()}@example.com`;
  const created = await admin.post('/api/admin/users', { data: { email, name: `${role} ${index}`, password: PASSWORD, role, capacity } });
  if (created.status() !== 201) throw new Error(`creating ${email}: ${created.status()} ${await created.text()}`);
  const id = ((await created.json()) as { user: { id: string } }).user.id;
  const api = await appSession(appUrl, email, PASSWORD);
  const cookie = (await api.storageState()).cookies.map(({ name, value }) => `${name}=${value}`).join('; ');
  return { id, api, stream: withStream ? await readStream(`${appUrl}/api/live`, { cookie }) : null };
}

/** Hands each event on the member's stream to `onEvent` (stamped when heard) until stopped; `onEnded` if the stream ends first. */
export function followStream(member: TeamMember, onEvent: (event: HeardEvent) => void, onEnded: () => void): { stop(): void } {
  let running = true;
  void (async () => {
    try {
      while (running) {
        const event = await member.stream!.next(() => true);
        if (event.data) onEvent({ id: event.id, kind: event.data.kind, data: event.data.data, at: performance.now() });
      }
    } catch {
      if (running) onEnded();
    }
  })();
  return { stop: () => (running = false) };
}

export async function closeTeamMember(member: TeamMember): Promise<void> {
  member.stream?.close();
  await member.api.dispose().catch(() => undefined);
}
