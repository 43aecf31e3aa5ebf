import { randomBytes } from 'node:crypto';
import { json } from '../../../http/route';
import type { ProductRegistration } from '../../../products';

/**
 * ERS push registration, reached only when an app calls `setPushRegistrationId` with
 * `notifications.ersUrl` pointed at the emulator. Push is not emulated: registrations are acknowledged
 * (the SDK stores the returned `id`) and forgotten.
 */
export const pushRegistrations: ProductRegistration = {
  product: {
    name: 'Push registrations',
    host: 'ers',
    mount: '',
    spec: { emulatorOnly: "the SDK's push registrar, acknowledged and forgotten (push is not emulated)" },
  },
  defaults: { auth: 'sdk-token', body: 'json' },
  register(router) {
    router.post('/v1/registrations', () => json(200, { id: `RG${randomBytes(16).toString('hex')}` }));
    router.delete('/v1/registrations', () => json(200, {}));
    router.delete('/v1/registrations/{Id}', () => json(200, {}));
  },
};
