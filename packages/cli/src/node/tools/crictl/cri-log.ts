/**
 * The CRI container log format (`<RFC3339Nano> <stdout|stderr> <P|F> <content>`) read as
 * crictl logs reads it (kubelet kuberuntime/logs ReadLogs with crictl's two writers): content
 * only, each stream to its own writer; P(artial) chunks are joined with the next.
 */
export interface CriLogLine {
  timestamp: string;
  stream: 'stdout' | 'stderr';
  partial: boolean;
  content: Buffer;
}

export function parseCriLogLine(line: Buffer): CriLogLine | undefined {
  const text = line.toString('utf8');
  const m = /^(\S+) (stdout|stderr) (?:([PF]) )?/.exec(text);
  if (!m || !m[1] || !m[2]) return undefined;
  const head = Buffer.byteLength(m[0]);
  let content = line.subarray(head);
  if (content[content.length - 1] === 0x0a) content = content.subarray(0, content.length - 1);
  const partial = m[3] === 'P';
  return { timestamp: m[1], stream: m[2] as 'stdout' | 'stderr', partial, content: partial ? content : Buffer.concat([content, Buffer.from('\n')]) };
}

/** What `crictl logs` writes for one file line; `timestamps` prefixes the message's time. */
export function renderCriLogLine(line: CriLogLine, timestamps: boolean): Buffer {
  return timestamps ? Buffer.concat([Buffer.from(`${line.timestamp} `), line.content]) : line.content;
}
