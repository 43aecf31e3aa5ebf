import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

// zxcvbn scores 0–4 by the guesses an attacker would need; 3 is "safely unguessable" (about
// 10^10 guesses), what it recommends for online accounts.
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

// Built on first use: loading the dictionaries takes a moment, and most requests never need them.
function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return estimator;
}

/**
 * Why a password is too easy to guess, in words for the person choosing it, or null when it is
 * strong enough. `personal` (the user's name and email) counts as known to an attacker.
 */
export async function passwordWeakness(password: string, personal: readonly string[] = []): Promise<string | null> {
  const inputs = personal.flatMap((value) => [value, ...value.split(/[\s@.]+/)]).filter((value) => value.length >= 3);
  const result = await strengthEstimator().check(password, inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const hint = result.feedback.warning ?? result.feedback.suggestions[0] ?? 'Add more words or characters that are hard to guess.';
  return `Too easy to guess. ${hint}`;
}
