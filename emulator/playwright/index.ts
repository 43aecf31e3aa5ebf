/**
 * `conversations-emulator/playwright`: Playwright fixtures for testing any Twilio Conversations app
 * against the emulator — the emulator per worker, customers' phones, the clock, a webhook receiver and
 * SDK tokens. See README.md beside this file.
 */
export { expect } from '@playwright/test';
export { test, type EmulatorKitOptions, type EmulatorTestFixtures, type EmulatorWorkerFixtures } from './fixtures';
export { attachEmulator, launchEmulator, type AttachOptions, type EmulatorHandle, type LaunchOptions, type SdkClientOptions } from './emulator-handle';
export type { EmulatorClock } from './emulator-clock';
export { uniquePhoneNumber, type ExpectMessageOptions, type MediaFile, type MessageMatcher, type Phone } from './phone';
export { startWebhookReceiver, type WebhookMatcher, type WebhookReceiver, type WebhookReply, type WebhookRequest } from './webhook-receiver';
export type { TokenOptions } from './access-token';
export type { PhoneMessage, SendAnswer } from '../src/control-client';
export type { Credentials } from '../src/config';
