/** Bearer-token authentication: a valid token names a user; anything else is 401. */
import type { UserInfo } from '../registry/request-context.js';

export interface Authenticator {
  /** The user behind an Authorization header, or undefined when it is missing or invalid. */
  authenticate(authorization: string | undefined): UserInfo | undefined;
}

export class TokenAuthenticator implements Authenticator {
  constructor(private readonly tokens: Map<string, UserInfo>) {}

  authenticate(authorization: string | undefined): UserInfo | undefined {
    if (!authorization) return undefined;
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!m?.[1]) return undefined;
    const user = this.tokens.get(m[1]);
    return user ? { ...user, groups: withAuthenticated(user.groups) } : undefined;
  }
}

function withAuthenticated(groups: string[]): string[] {
  return groups.includes('system:authenticated') ? groups : [...groups, 'system:authenticated'];
}
