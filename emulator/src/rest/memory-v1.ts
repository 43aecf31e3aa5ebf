import { durableWrites } from '../http/durable-writes';
import { json, param, type EdgeRequest } from '../http/route';
import { addIdentifier, createProfile, createStore, getProfile, getStore, lookupProfiles, patchProfileTraits } from '../orchestrator/memory';
import { profileJson, storeJson } from '../orchestrator/serialize';
import type { ProductRegistration } from '../products';

const body = (req: EdgeRequest): unknown => (req.body.kind === 'json' ? req.body.value : {});

/** Memory v1 (`memory.twilio.com`): the stores, profiles and identifiers GROUP_BY_PROFILE resolves through. */
export const memoryV1: ProductRegistration = {
  product: {
    name: 'Memory v1',
    host: 'memory',
    mount: '',
    spec: { emulatorOnly: 'Memory (Conversation Memory) for GROUP_BY_PROFILE: no vendored OpenAPI description; the twilio helper 6.2 models are the contract. Only stores, profiles, traits, identifiers and lookup.' },
  },
  defaults: { auth: 'account', body: 'json' },
  register(productRoutes, { orchestrator }) {
    const ctx = orchestrator.ctx;
    const router = durableWrites(productRoutes, ctx.core.ctx.durable);
    router.post('/v1/ControlPlane/Stores', (req) => json(201, storeJson(createStore(ctx, body(req)))));
    router.get('/v1/ControlPlane/Stores/{StoreId}', (req) => json(200, storeJson(getStore(ctx, param(req, 'StoreId')))));
    router.post('/v1/Stores/{StoreId}/Profiles', (req) => json(201, profileJson(createProfile(ctx, param(req, 'StoreId'), body(req)))));
    router.post('/v1/Stores/{StoreId}/Profiles/Lookup', (req) => json(200, lookupProfiles(ctx, param(req, 'StoreId'), body(req))));
    router.get('/v1/Stores/{StoreId}/Profiles/{ProfileId}', (req) => json(200, profileJson(getProfile(ctx, param(req, 'StoreId'), param(req, 'ProfileId')))));
    router.patch('/v1/Stores/{StoreId}/Profiles/{ProfileId}', (req) =>
      json(200, profileJson(patchProfileTraits(ctx, param(req, 'StoreId'), param(req, 'ProfileId'), body(req)))),
    );
    router.post('/v1/Stores/{StoreId}/Profiles/{ProfileId}/Identifiers', (req) =>
      json(201, addIdentifier(ctx, param(req, 'StoreId'), param(req, 'ProfileId'), body(req))),
    );
    router.get('/v1/Stores/{StoreId}/Profiles/{ProfileId}/Identifiers/{IdType}', (req) => {
      const profile = getProfile(ctx, param(req, 'StoreId'), param(req, 'ProfileId'));
      return json(200, { idType: param(req, 'IdType'), values: profile.identifiers[param(req, 'IdType')] ?? [] });
    });
  },
};
