/** SetDefaults_Secret (core/v1): type Opaque. */
import type { Secret } from 'kubernetes-types/core/v1.js';

export function defaultSecret(secret: Secret): void {
  if (!secret.type) secret.type = 'Opaque';
}
