import { describe, expect, it } from 'vitest';
import { prefillVariable } from './prefill-variable';
import { renderTemplate, templateVariableNames } from './render-template';
import { templateTypes, ZCreateTemplate } from './template-form';

describe('renderTemplate', () => {
  it('fills variables, falling back to the defaults, and shows WhatsApp the richest type', () => {
    const template = {
      variables: { 1: 'there' },
      types: {
        'twilio/text': { body: 'Hi {{1}}, order {{order}} shipped.' },
        'twilio/quick-reply': { body: 'Hi {{1}}, did order {{order}} arrive?', actions: [{ title: 'Yes' }, { title: 'No' }] },
      },
    };
    expect(templateVariableNames(template)).toEqual(['1', 'order']);
    expect(renderTemplate(template, { order: 'A-1' })).toEqual({
      body: 'Hi there, did order A-1 arrive?',
      mediaUrl: null,
      headerText: null,
      footer: null,
      buttons: [
        { title: 'Yes', url: null },
        { title: 'No', url: null },
      ],
    });
  });

  it('shows a card’s title, subtitle and media header', () => {
    const preview = renderTemplate({ variables: {}, types: { 'twilio/card': { title: 'Order {{1}}', subtitle: 'Thanks', media: ['https://example.com/a.png'] } } }, { 1: '7' });
    expect(preview).toMatchObject({ body: 'Order 7', footer: 'Thanks', mediaUrl: 'https://example.com/a.png' });
  });
});

describe('the templates page form', () => {
  it('builds Content API types per kind, and refuses a quick reply without buttons or media without a URL', () => {
    const base = { friendlyName: 'ready', language: 'en', body: 'Ready, {{1}}?', variables: { 1: 'Sam' } };
    expect(templateTypes(ZCreateTemplate.parse({ ...base, kind: 'quick-reply', buttons: ['Yes'] }))).toEqual({
      'twilio/quick-reply': { body: 'Ready, {{1}}?', actions: [{ title: 'Yes', id: 'reply_1' }] },
      'twilio/text': { body: 'Ready, {{1}}?' },
    });
    expect(ZCreateTemplate.safeParse({ ...base, kind: 'quick-reply', buttons: [] }).success).toBe(false);
    expect(ZCreateTemplate.safeParse({ ...base, kind: 'media' }).success).toBe(false);
    expect(ZCreateTemplate.safeParse({ ...base, friendlyName: 'Not A Name', kind: 'text' }).success).toBe(false);
  });
});

describe('prefillVariable', () => {
  it('starts from the customer’s or the agent’s name where the variable’s name says so', () => {
    const people = { customerName: 'Maria', agentName: 'Wanda' };
    expect(['customer_name', 'first_name', 'agent_name', '1'].map((name) => prefillVariable(name, people))).toEqual(['Maria', 'Maria', 'Wanda', '']);
    expect(prefillVariable('customer_name', { customerName: null, agentName: null })).toBe('');
  });
});
