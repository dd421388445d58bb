import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../ports';

/**
 * Test SETUP for issue 17 end to end: two Kring nodes (the production build) sharing one scratch
 * PostgreSQL database and one Redis key prefix, behind the Debian nginx on a free port, all
 * started without root paths so a test file can have its own and throw it away.
 */

/** The e2e package: the nodes run from here, as playwright.config.ts runs the single node. */
const E2E_DIR = fileURLToPath(new URL('..', import.meta.url));
const PG = ['-h', '127.0.0.1', '-U', 'postgres'];
const REDIS_URL = 'redis://127.0.0.1:6379';
/** Debian's nginx lives in /usr/sbin, which is not on every user's PATH. */
const NGINX = process.env.NGINX_PATH ?? (existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx');

export interface ClusterNode {
  /** `127.0.0.1:<port>`, as nginx writes it in `$upstream_addr`. */
  addr: string;
  process: ChildProcess;
}

/** One access-log line of the nginx in front: logged when the request (or WebSocket) ends. */
export interface AccessLogEntry {
  /** When the request began, in ms since the epoch (nginx logs the end and the duration). */
  startedAt: number;
  /** When nginx logged it: for a WebSocket, when either side closed it. */
  endedAt: number;
  status: number;
  /** Every upstream tried, in order (nginx moves on to the next when one refuses). */
  upstreams: string[];
  /** The path, without its query. */
  uri: string;
}

export interface Cluster {
  /** The nginx origin the browsers use. */
  url: string;
  nodes: [ClusterNode, ClusterNode];
  accessLog(): AccessLogEntry[];
  /** SIGKILL: the node dies mid-connection, as on a crashed machine. */
  kill9(node: ClusterNode): Promise<void>;
  stop(): Promise<void>;
}

/** Polls `check` every 200 ms until it is true; throws `what` after `timeoutMs`. */
async function until(what: () => string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Keeps the last output of a child, for a readable failure when it does not come up. */
function tailOf(child: ChildProcess): () => string {
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => tail;
}

const exited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

/** SIGTERM, then SIGKILL if it has not exited after 5 s. */
async function terminate(child: ChildProcess): Promise<void> {
  if (exited(child)) return;
  const gone = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await gone;
  clearTimeout(timer);
}

async function answersReady(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/ready`);
    return res.status === 200;
  } catch {
    return false;
  }
}

function nginxConfig(dir: string, port: number, nodes: ClusterNode[]): string {
  const servers = nodes.map((n) => `    server ${n.addr} max_fails=2 fail_timeout=5s;`).join('\n');
  // One upstream block per kind of connection: each keeps its own round-robin turn, so the
  // browsers' socket.io and board connections alternate between the nodes whatever number of
  // page requests comes between them (with one block the parity could send all to one node).
  const upstream = (name: string) => `  upstream ${name} {\n${servers}\n  }`;
  // The proxy settings of docs/operations.md ("Several nodes behind a load balancer").
  const proxy = (name: string) => `      proxy_pass http://${name};
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_read_timeout 75s;`;
  return `worker_processes 1;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  # nginx logs a request when it ends, a WebSocket when it closes: $msec - $request_time is its start.
  log_format kring escape=json '{"msec":"$msec","requestTime":"$request_time","status":"$status","upstream":"$upstream_addr","uri":"$uri"}';
  access_log ${dir}/access.log kring;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${upstream('kring_io')}
${upstream('kring_yjs')}
${upstream('kring')}
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  server {
    listen 127.0.0.1:${port};
    location /socket.io/ {
${proxy('kring_io')}
    }
    location /yjs/ {
${proxy('kring_yjs')}
    }
    location / {
${proxy('kring')}
    }
  }
}
`;
}

function parseAccessLog(file: string): AccessLogEntry[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const raw = JSON.parse(line) as Record<string, string>;
      const endedAt = Math.round(Number(raw.msec) * 1000);
      return {
        startedAt: endedAt - Math.round(Number(raw.requestTime) * 1000),
        endedAt,
        status: Number(raw.status),
        upstreams: (raw.upstream ?? '').split(/\s*[,:]\s+/).filter((a) => /:\d+$/.test(a)),
        uri: raw.uri ?? '',
      };
    });
}

/** SETUP: a scratch database, two nodes and nginx in front; `stop()` removes all of it. */
export async function startCluster(): Promise<Cluster> {
  const id = randomBytes(6).toString('hex');
  const database = `kring_e2e_${id}`;
  const redisPrefix = `kring-e2e-${id}:`;
  const secret = randomBytes(32).toString('hex');
  const root = mkdtempSync(join(tmpdir(), 'kring-e2e-cluster-'));
  // nginx run by root hands requests to workers running as nobody, who must reach the temp paths.
  chmodSync(root, 0o755);
  const nginxDir = join(root, 'nginx');
  mkdirSync(nginxDir);
  const [nginxPort, ...nodePorts] = await Promise.all([freePort(), freePort(), freePort()]);
  const url = `http://127.0.0.1:${nginxPort}`;
  const children: ChildProcess[] = [];
  let dbCreated = false;

  const stop = async (): Promise<void> => {
    await Promise.all(children.map(terminate));
    if (dbCreated) execFileSync('dropdb', [...PG, '-f', '--if-exists', database]);
    // The prefix is ours (hex), so it is safe inside the shell line.
    execFileSync('sh', [
      '-c',
      `redis-cli -u ${REDIS_URL} --scan --pattern '${redisPrefix}*' | xargs -r redis-cli -u ${REDIS_URL} del >/dev/null`,
    ]);
    rmSync(root, { recursive: true, force: true });
  };

  try {
    execFileSync('createdb', [...PG, database]);
    dbCreated = true;
    const nodes = nodePorts.map((port, i): ClusterNode & { tail: () => string } => {
      const dataDir = join(root, `node-${i + 1}`);
      mkdirSync(dataDir);
      const child = spawn('node', ['../apps/server/dist/main.js'], {
        cwd: E2E_DIR,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
          REDIS_URL,
          REDIS_PREFIX: redisPrefix,
          KRING_SECRET: secret,
          WEB_BUILD_DIR: resolve(E2E_DIR, '../apps/web/build'),
          TRUST_PROXY: 'true',
          PUBLIC_URL: url,
          LOG_LEVEL: 'warn',
        },
      });
      children.push(child);
      return { addr: `127.0.0.1:${port}`, process: child, tail: tailOf(child) };
    });
    await Promise.all(
      nodes.map((node) =>
        until(
          () => `node ${node.addr} never became ready:\n${node.tail()}`,
          async () => {
            if (exited(node.process)) throw new Error(`node ${node.addr} exited:\n${node.tail()}`);
            return answersReady(`http://${node.addr}`);
          },
        ),
      ),
    );

    writeFileSync(join(nginxDir, 'nginx.conf'), nginxConfig(nginxDir, nginxPort!, nodes));
    // -e: the error log from the first moment, before the config names one (the default is a root path).
    const nginx = spawn(
      NGINX,
      [
        '-p',
        nginxDir,
        '-e',
        join(nginxDir, 'error.log'),
        '-c',
        join(nginxDir, 'nginx.conf'),
        '-g',
        `daemon off; pid ${join(nginxDir, 'nginx.pid')};`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(nginx);
    const nginxTail = tailOf(nginx);
    const errorLog = () =>
      existsSync(join(nginxDir, 'error.log')) ? readFileSync(join(nginxDir, 'error.log'), 'utf8') : '';
    await until(
      () => `nginx never answered:\n${nginxTail()}\n${errorLog()}`,
      async () => {
        if (exited(nginx)) throw new Error(`nginx exited:\n${nginxTail()}\n${errorLog()}`);
        return answersReady(url);
      },
    );

    return {
      url,
      nodes: [nodes[0]!, nodes[1]!],
      accessLog: () => parseAccessLog(join(nginxDir, 'access.log')),
      kill9: async (node) => {
        if (exited(node.process)) return;
        const gone = new Promise<void>((r) => node.process.once('exit', () => r()));
        node.process.kill('SIGKILL');
        await gone;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
