// Connection set-up cost on loopback, three ways, in one run:
//   factory  tls.connect(secureClientOptions({ host, port, extraCa }))   cached SecureContext
//   plain    tls.connect({ host, port, servername })                     Node defaults (+ NODE_EXTRA_CA_CERTS)
//   naive    tls.connect({ host, port, servername, ca: [...tls.rootCertificates, extra] })
// All three verify the server (a private CA; the plain case trusts it through NODE_EXTRA_CA_CERTS,
// which this script sets by re-running itself). Connections are sequential, variants alternate
// connection by connection, and each connection is a full handshake (no session reuse).
//
// Run after `npm run build`:  node bench/runtime-connect.mjs [connections per variant, default 200]
// Needs the openssl CLI. Listens on 127.0.0.1 only (ephemeral port).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import tls from 'node:tls';

const SELF = fileURLToPath(import.meta.url);
const N = Number.parseInt(process.argv[2] ?? '200', 10);
const WARMUP = 20;

if (process.env.TLSGUARD_BENCH_CHILD !== '1') {
  // Parent: make the certificates, then re-run with NODE_EXTRA_CA_CERTS (read at start-up only).
  const dir = mkdtempSync(join(os.tmpdir(), 'tlsguard-bench-'));
  try {
    const ossl = (args) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    ossl([
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-subj',
      '/CN=tlsguard bench CA',
      '-days',
      '2',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign',
    ]);
    ossl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=localhost']);
    writeFileSync(join(dir, 'leaf.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
    ossl([
      'x509',
      '-req',
      '-in',
      'leaf.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'leaf.pem',
      '-days',
      '2',
      '-sha256',
      '-extfile',
      'leaf.ext',
    ]);
    const result = spawnSync(process.execPath, [SELF, String(N)], {
      stdio: 'inherit',
      env: {
        ...process.env,
        TLSGUARD_BENCH_CHILD: '1',
        TLSGUARD_BENCH_DIR: dir,
        NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem'),
      },
    });
    process.exitCode = result.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  await child();
}

async function child() {
  const { secureClientOptions, clearSecureContextCache } = await import('tlsguard-runtime');
  const dir = process.env.TLSGUARD_BENCH_DIR;
  const read = (name) => readFileSync(join(dir, name), 'utf8');
  const caPem = read('ca.pem');

  const server = tls.createServer({ cert: read('leaf.pem'), key: read('leaf.key') }, (socket) => {
    socket.on('error', () => {});
    socket.end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  const host = 'localhost';

  const variants = {
    factory: () => secureClientOptions({ host, port, extraCa: caPem }),
    plain: () => ({ host, port, servername: host }),
    naive: () => ({ host, port, servername: host, ca: [...tls.rootCertificates, caPem] }),
  };

  const connectOnce = (makeOptions) =>
    new Promise((resolve, reject) => {
      const t0 = process.hrtime.bigint();
      const socket = tls.connect(makeOptions(), () => {
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (!socket.authorized) reject(new Error(`not authorized: ${socket.authorizationError}`));
        socket.destroy();
        resolve(ms);
      });
      socket.on('error', reject);
    });

  // The factory's one-time cost: building the cached context (full root list + extra CA).
  clearSecureContextCache();
  const m0 = process.hrtime.bigint();
  secureClientOptions({ host, port, extraCa: caPem });
  const firstCallMs = Number(process.hrtime.bigint() - m0) / 1e6;

  // The factory call alone, on a cache hit (what each connection above pays on top of tls.connect).
  const CALLS = 20000;
  for (let i = 0; i < 1000; i++) secureClientOptions({ host, port, extraCa: caPem });
  const c0 = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) secureClientOptions({ host, port, extraCa: caPem });
  const perCallUs = Number(process.hrtime.bigint() - c0) / 1e3 / CALLS;

  const times = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  const names = Object.keys(variants);
  for (let i = 0; i < WARMUP; i++) for (const name of names) await connectOnce(variants[name]);
  const started = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    // rotate the order each round so no variant always runs first
    for (let j = 0; j < names.length; j++) {
      const name = names[(i + j) % names.length];
      times[name].push(await connectOnce(variants[name]));
    }
  }
  const totalS = Number(process.hrtime.bigint() - started) / 1e9;
  server.close();

  const stats = (xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    return { mean: xs.reduce((a, b) => a + b, 0) / xs.length, p50: q(0.5), p90: q(0.9) };
  };
  const s = Object.fromEntries(names.map((n) => [n, stats(times[n])]));
  const cpu = os.cpus();
  console.log(`# tlsguard runtime connect benchmark`);
  console.log(`date: ${new Date().toISOString()}`);
  console.log(`machine: ${cpu[0]?.model ?? 'unknown'} x${cpu.length}, ${os.platform()} ${os.release()}`);
  console.log(
    `node ${process.version}, OpenSSL ${process.versions.openssl}; ${N} connections per variant ` +
      `(+${WARMUP} warm-up), sequential, alternating; ${totalS.toFixed(1)} s`,
  );
  console.log(`factory first call (context build, cache miss): ${firstCallMs.toFixed(1)} ms`);
  console.log(`factory call on a cache hit (no connection): ${perCallUs.toFixed(1)} µs`);
  console.log('');
  console.log('| variant | mean ms/conn | p50 | p90 | mean vs factory |');
  console.log('|---|---:|---:|---:|---:|');
  const label = {
    factory: 'factory: `secureClientOptions({host, port, extraCa})`',
    plain: 'plain: `tls.connect` defaults (+ NODE_EXTRA_CA_CERTS)',
    naive: 'naive: `ca: [...tls.rootCertificates, extra]` per connection',
  };
  for (const n of names) {
    const r = s[n];
    console.log(`| ${label[n]} | ${r.mean.toFixed(2)} | ${r.p50.toFixed(2)} | ${r.p90.toFixed(2)} | ` + `${(r.mean / s.factory.mean).toFixed(2)}x |`);
  }
}
