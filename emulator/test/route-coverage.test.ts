import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Route } from '../src/http/router';
import { PRODUCTS } from '../src/products';
import { setupTestEmulator } from './support/harness';

/**
 * Every route the emulator registers, against the vendored OpenAPI descriptions (`emulator/spec/`):
 * a product with a spec answers exactly its operations — none missing, none undocumented — and every
 * other route belongs to a product declared as the emulator's own, with the reason.
 */
const { emu } = setupTestEmulator();

type Spec = { paths: Record<string, Record<string, unknown>> };

const METHODS = ['get', 'post', 'put', 'delete'] as const;

/** `METHOD /path` with every capture written `{}`, so `{Sid}` and `{ConversationSid}` compare equal. */
const operation = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, '{}')}`;

const specOperations = (file: string): Set<string> => {
  const spec = JSON.parse(readFileSync(new URL(`../spec/${file}`, import.meta.url), 'utf8')) as Spec;
  const operations = new Set<string>();
  for (const [path, item] of Object.entries(spec.paths)) for (const method of METHODS) if (method in item) operations.add(operation(method, path));
  return operations;
};

describe('route coverage', () => {
  it('answers every operation of each vendored spec, and no route a spec lacks', () => {
    const routes = emu.router.routes();
    const checked: string[] = [];
    for (const { product } of PRODUCTS) {
      if (!('file' in product.spec)) continue;
      const documented = specOperations(product.spec.file);
      const registered = new Set(routes.filter((r) => r.product === product).map((r) => operation(r.method, r.productPath)));
      expect({ product: product.name, missing: [...documented].filter((op) => !registered.has(op)) }).toEqual({ product: product.name, missing: [] });
      expect({ product: product.name, undocumented: [...registered].filter((op) => !documented.has(op)) }).toEqual({ product: product.name, undocumented: [] });
      checked.push(product.name);
    }
    expect(checked).toEqual(['Conversations v1', 'Content v1']);
    // Conversations v1 has 49 paths and more than a hundred operations, all answered.
    expect(specOperations('twilio_conversations_v1.json').size).toBeGreaterThan(100);
  });

  it('declares every other route as the emulator’s own, product by product', () => {
    const products = new Set(PRODUCTS.map(({ product }) => product));
    const undeclared = emu.router.routes().filter((r: Route) => !products.has(r.product) || ('emulatorOnly' in r.product.spec && r.product.spec.emulatorOnly.trim() === ''));
    expect(undeclared.map((r) => `${r.method} ${r.pattern}`)).toEqual([]);
    const own = Object.fromEntries(
      PRODUCTS.filter(({ product }) => 'emulatorOnly' in product.spec).map(({ product }) => [
        product.name,
        emu.router.routes().filter((r) => r.product === product).length,
      ]),
    );
    // The SDK's private API, Sync, push registrations, MCS, the control API, Conversations v2, Memory
    // and Programmable Messaging all have routes.
    expect(Object.values(own).every((count) => count > 0)).toBe(true);
    expect(Object.keys(own).sort()).toEqual([
      'Conversations SDK API',
      'Conversations v2',
      'Emulator control API',
      'Media Content Service',
      'Memory v1',
      'Programmable Messaging',
      'Push registrations',
      'Sync',
    ]);
  });

  it('keeps products’ paths apart: no two routes answer the same method and path', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const route of emu.router.routes()) {
      const key = operation(route.method, route.pattern);
      const other = seen.get(key);
      if (other) clashes.push(`${key}: ${other} and ${route.product.name}`);
      seen.set(key, route.product.name);
    }
    expect(clashes).toEqual([]);
  });
});
