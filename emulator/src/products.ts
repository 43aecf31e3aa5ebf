import type { Carrier } from './carrier/carrier';
import type { Core } from './domain/core';
import type { Product, RouteOptions } from './http/route';
import type { ProductRoutes } from './http/router';
import type { UrlSigner } from './http/signed-urls';
import type { BlobStore } from './media/blob-store';
import { mediaContentService } from './media/routes';
import type { SdkSupport } from './realtime/chat/attach-sdk-support';
import { conversationsSdk } from './realtime/chat/routes/register-chat-routes';
import { pushRegistrations } from './realtime/chat/routes/push-registration-routes';
import { syncProduct } from './realtime/sync/routes/register-sync-routes';
import { emulatorControl, type ControlHooks } from './rest/control';
import { conversationsV1 } from './rest/conversations-v1';
import { contentV1 } from './content/routes';
import { conversationsV2 } from './rest/conversations-v2';
import { memoryV1 } from './rest/memory-v1';
import { programmableMessaging } from './rest/programmable-messaging';
import type { Orchestrator } from './orchestrator/orchestrator';

/** What a product's routes may work with: the whole emulator. */
export type ProductDeps = {
  core: Core;
  blobs: BlobStore;
  carrier: Carrier;
  /** Mints temporary URLs (the `signed-url` auth scheme). */
  urls: UrlSigner;
  sdk: SdkSupport;
  controls: ControlHooks;
  /** Conversation Orchestrator (v2), Memory and Programmable Messaging state and capture. */
  orchestrator: Orchestrator;
  /** Signs the callbacks products send (status callbacks). */
  authToken: string;
};

/** A product, the options its routes share, and the function that registers them. */
export type ProductRegistration = {
  product: Product;
  defaults: RouteOptions;
  register(router: ProductRoutes, deps: ProductDeps): void;
};

/**
 * Everything the emulator answers, product by product. Serving another Twilio product (a new host such
 * as `content.twilio.com`, or another version such as Conversations `/v2`) is a registration of its
 * own and one line here; the redirect client then sends that host here too.
 */
export const PRODUCTS: readonly ProductRegistration[] = [
  conversationsV1,
  contentV1,
  conversationsV2,
  memoryV1,
  programmableMessaging,
  mediaContentService,
  conversationsSdk,
  syncProduct,
  pushRegistrations,
  emulatorControl,
];

/** The Twilio hosts the emulator stands in for, and where each one's paths start here. */
export const servedHosts = (): ReadonlyMap<string, string> =>
  new Map(PRODUCTS.flatMap(({ product }) => (product.host === null ? [] : [[product.host, product.mount] as const])));
