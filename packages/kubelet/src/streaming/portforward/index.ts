export type { PortForwarder, TcpPortForwarderOptions } from './port-forwarder.js';
export { createTcpPortForwarder, relay } from './port-forwarder.js';
export type { PortForwardTransport, PortForwardUpgradeOptions, PreparedPortForward } from './port-forward-upgrade.js';
export { preparePortForwardUpgrade } from './port-forward-upgrade.js';
export type { PortForwardErrorResponse } from './port-forward-error.js';
export { portForwardErrorResponse } from './port-forward-error.js';
export { DialError, dialTcp } from './tcp-dialer.js';
export {
  PORT_FORWARD_PROTOCOL_V1,
  SUPPORTED_PORT_FORWARD_PROTOCOLS,
  WEBSOCKET_SPDY_TUNNELING_PREFIX,
} from './port-forward-protocols.js';
