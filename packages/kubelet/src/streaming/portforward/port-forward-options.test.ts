import { describe, expect, it } from 'vitest';
import { parseUint16, parseWebSocketPorts, portForwardStreamRejection } from './port-forward-options.js';

const headers = (h: Record<string, string>) => new Map(Object.entries(h).map(([k, v]) => [k, [v]]));

describe('parseUint16', () => {
  it('parses ports and fails with strconv.ParseUint texts', () => {
    expect(parseUint16('8080')).toBe(8080);
    expect(parseUint16('0')).toBe(0);
    expect(parseUint16('http')).toBe('strconv.ParseUint: parsing "http": invalid syntax');
    expect(parseUint16('-1')).toBe('strconv.ParseUint: parsing "-1": invalid syntax');
    expect(parseUint16('')).toBe('strconv.ParseUint: parsing "": invalid syntax');
    expect(parseUint16('65536')).toBe('strconv.ParseUint: parsing "65536": value out of range');
  });
});

describe('portForwardStreamRejection', () => {
  it('accepts error and data streams with a port', () => {
    expect(portForwardStreamRejection(headers({ port: '80', streamtype: 'error', requestid: '0' }))).toBeUndefined();
    expect(portForwardStreamRejection(headers({ port: '80', streamtype: 'data' }))).toBeUndefined();
  });

  it('refuses streams as httpStreamReceived does', () => {
    expect(portForwardStreamRejection(headers({ streamtype: 'data' }))).toBe('"port" header is required');
    expect(portForwardStreamRejection(headers({ port: 'x', streamtype: 'data' }))).toBe(
      'unable to parse "x" as a port: strconv.ParseUint: parsing "x": invalid syntax',
    );
    expect(portForwardStreamRejection(headers({ port: '0', streamtype: 'data' }))).toBe('port "0" must be > 0');
    expect(portForwardStreamRejection(headers({ port: '80' }))).toBe('"streamType" header is required');
    expect(portForwardStreamRejection(headers({ port: '80', streamtype: 'stdin' }))).toBe('invalid stream type "stdin"');
  });
});

describe('parseWebSocketPorts', () => {
  it('reads repeated and comma-separated port parameters', () => {
    expect(parseWebSocketPorts(new URLSearchParams('port=80,443&port=8080'))).toEqual([80, 443, 8080]);
  });

  it('fails as NewV4Options does', () => {
    expect(parseWebSocketPorts(new URLSearchParams(''))).toBe('query parameter "port" is required');
    expect(parseWebSocketPorts(new URLSearchParams('port='))).toBe('query parameter "port" cannot be empty');
    expect(parseWebSocketPorts(new URLSearchParams('port=80,x'))).toBe('unable to parse "80,x" as a port: strconv.ParseUint: parsing "x": invalid syntax');
    expect(parseWebSocketPorts(new URLSearchParams('port=0'))).toBe('port "0" must be > 0');
  });
});
