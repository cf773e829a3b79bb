/**
 * Who is calling the kubelet API (the kubelet's authenticator union): a client certificate
 * signed by the client CA (user = CN, groups = O), else a bearer token the core validates
 * (TokenReview), else system:anonymous when anonymous auth is enabled.
 */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { KubeletUser } from './kubelet-server-options.js';

export interface AuthenticatorOptions {
  /** Client certificates are only trusted when a client CA is configured. */
  x509: boolean;
  authenticateToken?: (token: string) => Promise<KubeletUser | undefined>;
  anonymousAuth?: boolean;
}

export const ANONYMOUS_USER: KubeletUser = { name: 'system:anonymous', groups: ['system:unauthenticated'] };

function list(v: string | string[] | undefined): string[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

/** CN and O of a verified client certificate. */
export function certificateUser(req: IncomingMessage): KubeletUser | undefined {
  const socket = req.socket as Partial<TLSSocket>;
  if (!socket.authorized || typeof socket.getPeerCertificate !== 'function') return undefined;
  const cert = socket.getPeerCertificate();
  const cn = list(cert.subject?.CN)[0];
  if (!cn) return undefined;
  return { name: cn, groups: list(cert.subject?.O) };
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization ?? '';
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1];
}

/** group.AuthenticatedGroupAdder: every authenticated user is in system:authenticated. */
function withAuthenticatedGroup(user: KubeletUser | undefined): KubeletUser | undefined {
  if (!user || user.groups.includes('system:authenticated')) return user;
  return { name: user.name, groups: [...user.groups, 'system:authenticated'] };
}

/** The caller, or undefined for a 401. */
export async function authenticateRequest(req: IncomingMessage, opts: AuthenticatorOptions): Promise<KubeletUser | undefined> {
  if (opts.x509) {
    const user = certificateUser(req);
    if (user) return withAuthenticatedGroup(user);
  }
  const token = bearerToken(req);
  if (token !== undefined) {
    if (!opts.authenticateToken) return undefined;
    return withAuthenticatedGroup(await opts.authenticateToken(token));
  }
  return opts.anonymousAuth ? ANONYMOUS_USER : undefined;
}
