/** Names the registry makes up: generateName suffixes and UIDs. */
import { randomInt, randomUUID } from 'node:crypto';

// k8s.io/apimachinery/pkg/util/rand: no vowels (no words), no easily confused characters.
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';
const MAX_NAME_LENGTH = 63;
const RANDOM_LENGTH = 5;
const MAX_GENERATED_NAME_LENGTH = MAX_NAME_LENGTH - RANDOM_LENGTH;

export function randomSuffix(n = RANDOM_LENGTH): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHANUMS[randomInt(ALPHANUMS.length)];
  return s;
}

/** names.SimpleNameGenerator.GenerateName */
export function generateName(base: string): string {
  const trimmed = base.length > MAX_GENERATED_NAME_LENGTH ? base.slice(0, MAX_GENERATED_NAME_LENGTH) : base;
  return trimmed + randomSuffix();
}

export function newUid(): string {
  return randomUUID();
}
