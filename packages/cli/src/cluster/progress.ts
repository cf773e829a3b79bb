/**
 * What `create cluster` shows while it works: kubeadm's phase lines, always; on a terminal also
 * a spinner on the current phase's title that turns into ✓ (or ✗) when the phase ends, as
 * kind's status lines do. Off a terminal (a pipe, a file, a test) only the plain lines.
 */
import type { OutputStream } from '../commands/cli-io.js';

export interface Progress {
  /** Starts a phase (ending the previous one successfully). */
  phase(title: string): void;
  /** One line of output. */
  line(text: string): void;
  /** Ends the current phase, if any. */
  end(ok: boolean): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const CLEAR = '\r\x1b[K';

export function plainProgress(stream: OutputStream): Progress {
  return {
    phase: () => undefined,
    line: (text) => {
      stream.write(`${text}\n`);
    },
    end: () => undefined,
  };
}

export function terminalProgress(stream: OutputStream): Progress {
  let title: string | undefined;
  let frame = 0;
  let timer: NodeJS.Timeout | undefined;
  const draw = (): void => {
    if (title !== undefined) stream.write(`${CLEAR} ${FRAMES[frame % FRAMES.length] ?? ''} ${title}`);
  };
  const end = (ok: boolean): void => {
    if (timer) clearInterval(timer);
    timer = undefined;
    if (title !== undefined) stream.write(`${CLEAR} ${ok ? '✓' : '✗'} ${title}\n`);
    title = undefined;
  };
  return {
    phase: (next) => {
      end(true);
      title = next;
      frame = 0;
      draw();
      timer = setInterval(() => {
        frame++;
        draw();
      }, 100);
      timer.unref();
    },
    line: (text) => {
      stream.write(`${title !== undefined ? CLEAR : ''}${text}\n`);
      draw();
    },
    end,
  };
}

export function createProgress(stream: OutputStream, quiet = false): Progress {
  if (quiet) return { phase: () => undefined, line: () => undefined, end: () => undefined };
  return stream.isTTY ? terminalProgress(stream) : plainProgress(stream);
}
