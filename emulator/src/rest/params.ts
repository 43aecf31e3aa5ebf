import { z } from 'zod';
import { invalidParam } from '../domain/errors';

/**
 * zod schemas for Twilio's form-encoded parameters. Keys are Twilio's own parameter names
 * (`FriendlyName`, `MessagingBinding.Address`); values arrive as strings (or several strings for
 * repeatable parameters such as `Permission`, `Participant`, `MediaSid`, `Filters`).
 */

/** A single-valued parameter: the last one wins if it was repeated. */
export const str = () => z.preprocess((v) => (Array.isArray(v) ? v[v.length - 1] : v), z.string()).optional();

/** A repeatable parameter, always an array. */
export const list = () =>
  z.preprocess((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]), z.array(z.string())).optional();

export const bool = () =>
  z
    .preprocess((v) => (Array.isArray(v) ? v[v.length - 1] : v), z.string())
    .transform((v, ctx) => {
      const lower = v.toLowerCase();
      if (lower === 'true') return true;
      if (lower === 'false') return false;
      ctx.addIssue({ code: 'custom', message: `must be true or false, got '${v}'` });
      return z.NEVER;
    })
    .optional();

export const int = () =>
  z
    .preprocess((v) => (Array.isArray(v) ? v[v.length - 1] : v), z.string())
    .transform((v, ctx) => {
      if (!/^-?\d+$/.test(v.trim())) {
        ctx.addIssue({ code: 'custom', message: `must be an integer, got '${v}'` });
        return z.NEVER;
      }
      return Number(v);
    })
    .optional();

/** Collects form/query values: one string, or an array when the key was repeated. */
export const collect = (params: URLSearchParams): Record<string, string | string[]> => {
  const out: Record<string, string | string[]> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    out[name] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return out;
};

/** Parses `params` with `schema`; a failure is Twilio's 400 naming the parameter. */
export const parse = <S extends z.ZodType>(schema: S, params: URLSearchParams): z.output<S> => {
  const result = schema.safeParse(collect(params));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = issue?.path.join('.') ?? 'request';
  throw invalidParam(`Invalid parameter '${name}': ${issue?.message ?? 'invalid value'}`);
};
