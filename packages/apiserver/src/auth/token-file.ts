/**
 * Static bearer tokens, as kube-apiserver --token-auth-file reads them: one CSV line per token,
 * `token,user,uid,"group1,group2"`.
 */
import type { UserInfo } from '../registry/request-context.js';

export function parseTokenFile(text: string, fileName = 'token file'): Map<string, UserInfo> {
  const tokens = new Map<string, UserInfo>();
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const fields = splitCsv(line);
    if (fields.length < 3) {
      throw new Error(`token file '${fileName}' must have at least 3 columns (token, user name, user uid), found ${fields.length} on line ${i + 1}`);
    }
    const [token, name, uid, groups] = fields as [string, string, string, string?];
    if (!token) throw new Error(`token file '${fileName}' has an empty token on line ${i + 1}`);
    tokens.set(token, {
      name,
      uid,
      groups: groups ? groups.split(',').map((g) => g.trim()).filter(Boolean) : [],
    });
  });
  return tokens;
}

function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((f) => f.trim());
}
