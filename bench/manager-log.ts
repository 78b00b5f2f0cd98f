// What the OSCAR manager did, read from its log: gin writes one line per request with its status,
// latency, method and path, e.g.
//   [GIN] 2026/11/25 - 18:36:21 | 201 |  6.252538077s |       127.0.0.1 | POST     "/system/services"
// A Mark remembers where the log ended, so each benchmark phase reads only its own requests.
import * as fs from 'node:fs';

/** One request the manager served. */
export interface ManagerRequest {
  readonly status: number;
  /** Latency as the manager measured it, in milliseconds. */
  readonly ms: number;
  readonly method: string;
  readonly path: string;
}

/** What the manager served during a phase. */
export interface ManagerActivity {
  /**
   * Write requests (POST/PUT/DELETE) to /system/services and /system/buckets, by kind, whatever the
   * answer: the manager does the work (a create restarts MinIO) before it fails, and stores some
   * updates it answers 500 to.
   */
  readonly writes: { readonly create: number; readonly update: number; readonly delete: number; readonly bucketCreate: number; readonly bucketDelete: number };
  /** Every write request counted in `writes`. */
  readonly totalWrites: number;
  /** The write requests the manager answered with an error (4xx/5xx), included in `totalWrites`. */
  readonly failedWrites: number;
  /** Reads (GET) of /system/*. */
  readonly reads: number;
  /** Summed latency of the writes (the manager's own work on them), in milliseconds. */
  readonly writeMs: number;
  /** Summed latency of the reads, in milliseconds. */
  readonly readMs: number;
  /** Failed requests, `<status> <method> <path>`, for reports. */
  readonly failures: readonly string[];
}

const LINE = /^\[GIN\][^|]*\|\s*(\d{3})\s*\|\s*(\S+)\s*\|[^|]*\|\s*([A-Z]+)\s+"([^"]*)"/;
const UNITS: Record<string, number> = { ns: 1e-6, 'µs': 1e-3, 'μs': 1e-3, us: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses a Go duration (`6.252538077s`, `1m2.5s`, `136.413µs`) into milliseconds. */
export function parseGoDuration(text: string): number {
  let total = 0;
  let matched = '';
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ns|µs|μs|us|ms|s|m|h)/g)) {
    total += Number(m[1]) * UNITS[m[2]];
    matched += m[0];
  }
  if (matched !== text) throw new Error(`not a Go duration: '${text}'`);
  return total;
}

/** Parses the gin lines of a log; other lines are skipped. */
export function parseGinLines(text: string): ManagerRequest[] {
  const requests: ManagerRequest[] = [];
  for (const line of text.split('\n')) {
    const m = LINE.exec(line);
    if (m) requests.push({ status: Number(m[1]), ms: parseGoDuration(m[2]), method: m[3], path: m[4].split('?')[0] });
  }
  return requests;
}

/** Sums up requests: writes by kind, reads, and the manager's time on each. */
export function summarize(requests: readonly ManagerRequest[]): ManagerActivity {
  const writes = { create: 0, update: 0, delete: 0, bucketCreate: 0, bucketDelete: 0 };
  let failedWrites = 0;
  let reads = 0;
  let writeMs = 0;
  let readMs = 0;
  const failures: string[] = [];
  for (const r of requests) {
    const services = r.path === '/system/services' || r.path.startsWith('/system/services/');
    const buckets = r.path === '/system/buckets' || r.path.startsWith('/system/buckets/');
    const ok = r.status >= 200 && r.status < 300;
    if (!ok && r.path.startsWith('/system/') && !(r.method === 'GET' && r.status === 404)) failures.push(`${r.status} ${r.method} ${r.path}`);
    if (r.method === 'GET') {
      if (r.path.startsWith('/system/')) {
        reads++;
        readMs += r.ms;
      }
      continue;
    }
    if (!services && !buckets) continue;
    writeMs += r.ms;
    if (!ok) failedWrites++;
    if (services && r.method === 'POST') writes.create++;
    else if (services && r.method === 'PUT') writes.update++;
    else if (services && r.method === 'DELETE') writes.delete++;
    else if (buckets && (r.method === 'POST' || r.method === 'PUT')) writes.bucketCreate++;
    else if (buckets && r.method === 'DELETE') writes.bucketDelete++;
  }
  const totalWrites = writes.create + writes.update + writes.delete + writes.bucketCreate + writes.bucketDelete;
  return { writes, totalWrites, failedWrites, reads, writeMs, readMs, failures };
}

/** Service reads among requests: `GET /system/services` (lists) and `GET /system/services/<name>` (single), with the manager's time on them. */
export function serviceReads(requests: readonly ManagerRequest[]): { lists: number; singles: number; managerMs: number } {
  const gets = requests.filter((r) => r.method === 'GET' && (r.path === '/system/services' || r.path.startsWith('/system/services/')));
  return {
    lists: gets.filter((r) => r.path === '/system/services').length,
    singles: gets.filter((r) => r.path !== '/system/services').length,
    managerMs: gets.reduce((sum, r) => sum + r.ms, 0),
  };
}

/** A position in the manager's log; {@link Mark.activity} sums up what was logged since. */
export class Mark {
  static at(logFile: string): Mark {
    return new Mark(logFile, fs.statSync(logFile).size);
  }

  private constructor(private readonly logFile: string, private readonly offset: number) {}

  /** The requests logged since the mark. */
  requests(): ManagerRequest[] {
    const fd = fs.openSync(this.logFile, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const buffer = Buffer.alloc(size - this.offset);
      fs.readSync(fd, buffer, 0, buffer.length, this.offset);
      return parseGinLines(buffer.toString('utf8'));
    } finally {
      fs.closeSync(fd);
    }
  }

  activity(): ManagerActivity {
    return summarize(this.requests());
  }
}
