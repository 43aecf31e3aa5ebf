import { describe, expect, it } from 'vitest';
import { fillCannedVariables } from './fill-variables';

describe('canned response variables', () => {
  it('fills the contact’s and the agent’s names, however spaced', () => {
    expect(fillCannedVariables('Hi {{contact.name}}, {{ agent.name }} here.', { 'contact.name': 'Dana', 'agent.name': 'Ada Park' })).toBe('Hi Dana, Ada Park here.');
  });

  it('leaves an unknown value’s placeholder for the agent to edit, and other braces alone', () => {
    expect(fillCannedVariables('Hi {{contact.name}} {{order.id}}', { 'contact.name': null })).toBe('Hi {{contact.name}} {{order.id}}');
  });
});
