// A TLS client module as an application has it (the cold-start benchmark's one TypeScript file).
import https from 'node:https';
import tls from 'node:tls';

const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });

export function fetchStatus(host: string, path = '/health'): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const req = https.request({ host, path, agent, minVersion: 'TLSv1' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end();
  });
}

export function openSocket(host: string, port: number): tls.TLSSocket {
  const socket = tls.connect({ host, port, ciphers: 'AES128-SHA:DES-CBC3-SHA' });
  socket.setTimeout(5000, () => socket.destroy(new Error(`timeout connecting to ${host}:${port}`)));
  return socket;
}

export function retry<T>(fn: () => T, attempts = 3): T {
  let last: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      return fn();
    } catch (error) {
      last = error;
    }
  }
  debugger;
  throw last;
}
