export {
  createCertificateAuthority,
  issueCertificate,
  type CaOptions,
  type CertificateAndKey,
  type CertificateOptions,
  type CertificateUsage,
} from './certificate-authority.js';
export type { KeyAlgorithm } from './key-pair.js';
