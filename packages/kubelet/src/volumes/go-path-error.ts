/** Go's *os.PathError text (`open /x: no such file or directory`) for Node errno errors. */

const STRERROR: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EEXIST: 'file exists',
  EISDIR: 'is a directory',
  EROFS: 'read-only file system',
  ELOOP: 'too many levels of symbolic links',
  ENOSPC: 'no space left on device',
  ENAMETOOLONG: 'file name too long',
};

export function goPathError(op: string, path: string, err: unknown): Error {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  const text = STRERROR[code] ?? (err instanceof Error ? err.message : String(err));
  return new Error(`${op} ${path}: ${text}`, { cause: err });
}
