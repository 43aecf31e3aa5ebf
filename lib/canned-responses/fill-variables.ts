// The variables a canned response may hold, filled when it is inserted into the composer.
// Shared by the browser and tests; no server imports here.
export type CannedVariables = { 'contact.name'?: string | null; 'agent.name'?: string | null };

const VARIABLE = /\{\{\s*(contact\.name|agent\.name)\s*\}\}/g;

/**
 * "Hi {{contact.name}}, {{agent.name}} here" → "Hi Dana, Ada here". A value nobody knows (a
 * customer not named yet) leaves its placeholder in place, for the agent to see and edit before
 * sending, rather than a silent gap.
 */
export function fillCannedVariables(body: string, values: CannedVariables): string {
  return body.replace(VARIABLE, (placeholder, name: keyof CannedVariables) => values[name]?.trim() || placeholder);
}
