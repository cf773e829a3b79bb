/**
 * Everything a client needs to reach one apiserver as one user: what client-go's rest.Config
 * holds after clientcmd has resolved a kubeconfig context.
 */
export interface ClusterConnection {
  /** Base URL, e.g. https://127.0.0.1:6443. */
  server: string;
  /** PEM bundle of the CA(s) that sign the apiserver's serving certificate. */
  caData?: Buffer;
  insecureSkipTlsVerify?: boolean;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** PEM client certificate and key for TLS client authentication. */
  clientCertData?: Buffer;
  clientKeyData?: Buffer;
  /** The context's default namespace, when it names one. */
  namespace?: string;
}
