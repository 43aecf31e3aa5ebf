import { describe, expect, it } from 'vitest';
import { ADMIN_ROLES, decideAccess, SUPERVISOR_ROLES } from './roles';

const agent = { role: 'AGENT', active: true } as const;
const supervisor = { role: 'SUPERVISOR', active: true } as const;
const admin = { role: 'ADMIN', active: true } as const;

describe('decideAccess', () => {
  it('treats no user as signed out, whatever the route', () => {
    expect(decideAccess(null)).toBe('unauthenticated');
    expect(decideAccess(null, ADMIN_ROLES)).toBe('unauthenticated');
  });

  it('treats a disabled user as signed out even with the right role', () => {
    expect(decideAccess({ role: 'ADMIN', active: false }, ADMIN_ROLES)).toBe('unauthenticated');
    expect(decideAccess({ role: 'AGENT', active: false })).toBe('unauthenticated');
  });

  it('lets any active user through when no role is required', () => {
    for (const user of [agent, supervisor, admin]) expect(decideAccess(user)).toBe('allow');
  });

  it('forbids roles outside the list', () => {
    expect(decideAccess(agent, SUPERVISOR_ROLES)).toBe('forbidden');
    expect(decideAccess(agent, ADMIN_ROLES)).toBe('forbidden');
    expect(decideAccess(supervisor, ADMIN_ROLES)).toBe('forbidden');
  });

  it('allows roles in the list', () => {
    expect(decideAccess(supervisor, SUPERVISOR_ROLES)).toBe('allow');
    expect(decideAccess(admin, SUPERVISOR_ROLES)).toBe('allow');
    expect(decideAccess(admin, ADMIN_ROLES)).toBe('allow');
  });
});
