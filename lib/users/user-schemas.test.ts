import { describe, expect, it } from 'vitest';
import { ZCreateUser, ZResetPassword, ZUpdateUser } from './user-schemas';

const valid = { email: '  Kim@Example.COM ', name: ' Kim Lee ', password: 'a-long-password', role: 'SUPERVISOR', capacity: 8 };

describe('admin form validation', () => {
  it('normalizes email and name and keeps the rest', () => {
    expect(ZCreateUser.parse(valid)).toEqual({ ...valid, email: 'kim@example.com', name: 'Kim Lee' });
  });

  it('defaults role to Agent and capacity to 5', () => {
    const { role: _role, capacity: _capacity, ...minimal } = valid;
    expect(ZCreateUser.parse(minimal)).toMatchObject({ role: 'AGENT', capacity: 5 });
  });

  it.each([
    ['email', { email: 'not-an-email' }, 'Enter a valid email address.'],
    ['name', { name: '   ' }, 'Enter a name.'],
    ['password', { password: 'short' }, 'Use at least 10 characters.'],
    ['role', { role: 'OWNER' }, 'Choose Agent, Supervisor or Admin.'],
    ['capacity', { capacity: -1 }, 'Capacity cannot be negative.'],
    ['capacity', { capacity: 2.5 }, 'Enter a whole number.'],
  ])('rejects a bad %s with a clear message', (field, patch, message) => {
    const result = ZCreateUser.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: [field], message }));
  });

  it('rejects unknown fields instead of ignoring them', () => {
    expect(ZCreateUser.safeParse({ ...valid, passwordHash: 'x' }).success).toBe(false);
    expect(ZUpdateUser.safeParse({ id: 'someone-else' }).success).toBe(false);
  });

  it('requires an update to change something', () => {
    expect(ZUpdateUser.safeParse({}).success).toBe(false);
    expect(ZUpdateUser.parse({ active: false })).toEqual({ active: false });
  });

  it('applies the password rule to resets', () => {
    expect(ZResetPassword.safeParse({ password: 'short' }).success).toBe(false);
    expect(ZResetPassword.parse({ password: 'long enough now' })).toEqual({ password: 'long enough now' });
  });
});
