// A proxy between oscar-cli v1.12.2 and the OSCAR manager v4.1.2 that converts the two fields whose
// JSON type changed between the OSCAR v3 types oscar-cli is built on and v4:
//   expose.nodePort  v3 int32 (always sent, 0 when unset)  ->  v4 []int32
//   expose.api_port  v3 int (omitted when 0)               ->  v4 []int
// Requests to /system/services get lists (a 0 nodePort is dropped), and service definitions the
// manager returns get the first element back as a number, so oscar-cli can read them. Without it the
// manager answers every oscar-cli create and update with 400 (`cannot unmarshal number into ...
// nodePort of type []int32`). Nothing else is changed; every conversion is counted.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Json as SandboxJson } from '../src/sandbox/kube-apiserver';

/** What the proxy changed. */
export interface CompatCounts {
  /** Request bodies converted (v3 → v4). */
  requests: number;
  /** Response bodies converted (v4 → v3). */
  responses: number;
}

// Service bodies are handled as the manager sends them: a loosely typed JSON object.
type Json = Record<string, SandboxJson>;

/** v3 → v4: scalar ports become lists; an unset (0) nodePort is left out. */
export function toV4(service: Json): boolean {
  const expose = service?.expose;
  if (!expose || typeof expose !== 'object') return false;
  let changed = false;
  for (const key of ['nodePort', 'api_port']) {
    if (typeof expose[key] !== 'number') continue;
    if (expose[key] === 0) delete expose[key];
    else expose[key] = [expose[key]];
    changed = true;
  }
  return changed;
}

/** v4 → v3: port lists become their first element (0 when empty). */
export function toV3(service: Json): boolean {
  const expose = service?.expose;
  if (!expose || typeof expose !== 'object') return false;
  let changed = false;
  for (const key of ['nodePort', 'api_port']) {
    if (!Array.isArray(expose[key])) continue;
    expose[key] = expose[key][0] ?? 0;
    changed = true;
  }
  return changed;
}

const SERVICES = /^\/system\/services(\/[^/]+)?\/?$/;

/** The proxy; `endpoint` is where oscar-cli is pointed. */
export class V3CompatProxy {
  static async start(target: string): Promise<V3CompatProxy> {
    const counts: CompatCounts = { requests: 0, responses: 0 };
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        try {
          const path = (req.url ?? '/').split('?')[0];
          const services = SERVICES.test(path);
          let body: Buffer | undefined = chunks.length ? Buffer.concat(chunks) : undefined;
          if (body && services && (req.method === 'POST' || req.method === 'PUT')) {
            const json = JSON.parse(body.toString('utf8'));
            if (toV4(json)) {
              counts.requests++;
              body = Buffer.from(JSON.stringify(json));
            }
          }
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && !['host', 'content-length', 'connection'].includes(k)) headers[k] = v;
          const answer = await fetch(`${target}${req.url}`, { method: req.method, headers, body });
          let out = Buffer.from(await answer.arrayBuffer());
          if (services && req.method === 'GET' && answer.ok) {
            const json = JSON.parse(out.toString('utf8'));
            const changed = Array.isArray(json) ? json.map(toV3).some(Boolean) : toV3(json);
            if (changed) {
              counts.responses++;
              out = Buffer.from(JSON.stringify(json));
            }
          }
          const type = answer.headers.get('content-type');
          res.writeHead(answer.status, type ? { 'content-type': type } : {});
          res.end(out);
        } catch (e) {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(`v3-compat proxy: ${(e as Error).message}`);
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new V3CompatProxy(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, counts);
  }

  private constructor(private readonly server: http.Server, readonly endpoint: string, readonly counts: CompatCounts) {}

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
