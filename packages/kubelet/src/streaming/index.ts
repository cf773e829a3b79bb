export type { RemoteCommandOptions } from './remote-command-options.js';
export { parseRemoteCommandOptions } from './remote-command-options.js';
export type { ChannelStatus, StatusEncoding } from './remote-command-status.js';
export {
  encodeChannelStatus,
  exitCodeStatus,
  internalErrorStatus,
  successStatus,
  EXIT_CODE_CAUSE_TYPE,
  NON_ZERO_EXIT_CODE_REASON,
} from './remote-command-status.js';
export type { RemoteCommandStreams, RemoteCommandTransport } from './remote-command-streams.js';
export type { PreparedUpgrade, RemoteCommandUpgradeOptions, UpgradeRejection } from './remote-command-upgrade.js';
export {
  handleRemoteCommandUpgrade,
  isSpdyRequest,
  isUpgradeRejection,
  isWebSocketRequest,
  prepareRemoteCommandUpgrade,
} from './remote-command-upgrade.js';
export type { TerminalSize } from './terminal-size-queue.js';
export { TerminalSizeQueue } from './terminal-size-queue.js';
export { statusBody, writeUpgradeError } from './upgrade-response.js';
export { SUPPORTED_WEBSOCKET_PROTOCOLS } from './websocket/channel-protocols.js';
export { SUPPORTED_SPDY_PROTOCOLS } from './spdy/spdy-protocols.js';
export type { ServeSessionOptions } from './exec-session-bridge.js';
export { holdSessionOutput, serveExecSession } from './exec-session-bridge.js';
export type { PortForwarder, PortForwardTransport, PortForwardUpgradeOptions, PreparedPortForward, TcpPortForwarderOptions } from './portforward/index.js';
export {
  createTcpPortForwarder,
  DialError,
  dialTcp,
  PORT_FORWARD_PROTOCOL_V1,
  preparePortForwardUpgrade,
  SUPPORTED_PORT_FORWARD_PROTOCOLS,
  WEBSOCKET_SPDY_TUNNELING_PREFIX,
} from './portforward/index.js';
