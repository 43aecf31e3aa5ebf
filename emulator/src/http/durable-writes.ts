import type { Handler } from './route';
import type { ProductRoutes } from './router';

/**
 * A product's routes whose writes answer only once their change is persisted, as the domain's
 * `mutate` guarantees for v1: a restart loses nothing a client saw acknowledged.
 */
export const durableWrites = (router: ProductRoutes, durable: () => Promise<void>): ProductRoutes => {
  const wrap =
    (handler: Handler): Handler =>
    async (request) => {
      const response = await handler(request);
      await durable();
      return response;
    };
  const routes: ProductRoutes = {
    get: (path, handler, options) => (router.get(path, handler, options), routes),
    post: (path, handler, options) => (router.post(path, wrap(handler), options), routes),
    put: (path, handler, options) => (router.put(path, wrap(handler), options), routes),
    patch: (path, handler, options) => (router.patch(path, wrap(handler), options), routes),
    delete: (path, handler, options) => (router.delete(path, wrap(handler), options), routes),
  };
  return routes;
};
