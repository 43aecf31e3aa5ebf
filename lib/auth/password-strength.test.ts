import { describe, expect, it } from 'vitest';
import { passwordWeakness } from './password-strength';

describe('passwordWeakness', () => {
  it.each(['aaaaaaaaaa', '1234567890', '          ', 'password123', 'qwertyuiop'])('refuses %j with a reason', async (password) => {
    expect(await passwordWeakness(password)).toMatch(/^Too easy to guess\. \S/);
  });

  it('refuses a password made of the person’s own name or email', async () => {
    expect(await passwordWeakness('zorbulontrask', ['Zorbulon Trask', 'zt@example.com'])).toMatch(/^Too easy to guess/);
    expect(await passwordWeakness('zt@example.com!', ['Zorbulon Trask', 'zt@example.com'])).toMatch(/^Too easy to guess/);
    // The same password is fine for someone else.
    expect(await passwordWeakness('zorbulontrask', ['Dana Cruz', 'dana@example.com'])).toBeNull();
  });

  it.each(['correct horse battery staple', 'Tr0ub4dor&3x-plum', 'switchboard-demo'])('accepts %j', async (password) => {
    expect(await passwordWeakness(password)).toBeNull();
  });
});
