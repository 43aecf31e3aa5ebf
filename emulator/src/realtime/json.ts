import { z } from 'zod';

// Sync data and notification payloads are JSON all the way down; these types keep `any` out of the engine.
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export const ZJsonValue: z.ZodType<JsonValue> = z.json();
export const ZJsonObject: z.ZodType<JsonObject> = z.record(z.string(), ZJsonValue);
