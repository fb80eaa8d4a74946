// Real TLS/HTTPS servers on 127.0.0.1 (ephemeral ports, never any other address) and a client
// probe that reports how a handshake ended.
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import tls from 'node:tls';

export const LOOPBACK = '127.0.0.1';

export interface RunningServer {
  readonly port: number;
  /** The SNI each completed handshake carried (`false` when none was sent). */
  readonly sni: Array<string | false>;
  close(): Promise<void>;
}

function track(server: tls.Server, sni: Array<string | false>): () => Promise<void> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('secureConnection', (socket: tls.TLSSocket) => {
    sni.push(socket.servername ?? false);
  });
  server.on('tlsClientError', () => {
    /* expected for the refused handshakes */
  });
  return () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
}

function listen(server: tls.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => resolve((server.address() as AddressInfo).port));
  });
}

/** A TLS server that answers "ok\n" and closes, or (`'echo'`) echoes until the client closes. */
export async function startTlsServer(options: tls.TlsOptions, mode: 'ok' | 'echo' = 'ok'): Promise<RunningServer> {
  const sni: Array<string | false> = [];
  const server = tls.createServer(options, (socket) => {
    socket.on('error', () => undefined);
    if (mode === 'ok') socket.end('ok\n');
    else socket.on('data', (chunk: Buffer) => socket.write(chunk));
  });
  const close = track(server, sni);
  const port = await listen(server);
  return { port, sni, close };
}

/** An HTTPS server that answers 200 "hello". */
export async function startHttpsServer(options: https.ServerOptions): Promise<RunningServer> {
  const sni: Array<string | false> = [];
  const server = https.createServer(options, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', connection: 'close' });
    res.end('hello');
  });
  const close = track(server, sni);
  const port = await listen(server);
  return { port, sni, close };
}

export type Outcome = { ok: true; protocol: string | null; cipher: string; authorized: boolean } | { ok: false; code: string; message: string };

/** Connects with `tls.connect(options)` to a {@link startTlsServer} server; resolves how it ended (never rejects). */
export function probe(options: tls.ConnectionOptions, timeoutMs = 5000): Promise<Outcome> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Outcome, socket?: tls.TLSSocket): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket?.destroy();
      resolve(outcome);
    };
    // Success means the server's first bytes arrived: by then the server has seen the handshake
    // complete (and, on TLS 1.3, has checked any client certificate, which happens after the
    // client's 'secureConnect').
    const socket = tls.connect(options, () => {
      socket.once('data', () => {
        finish(
          {
            ok: true,
            protocol: socket.getProtocol(),
            cipher: socket.getCipher().name,
            authorized: socket.authorized,
          },
          socket,
        );
      });
    });
    socket.on('end', () => finish({ ok: false, code: 'EOF', message: 'closed before data' }, socket));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      finish({ ok: false, code: error.code ?? 'ERR', message: error.message }, socket);
    });
    const timer = setTimeout(() => finish({ ok: false, code: 'TIMEOUT', message: 'timed out' }, socket), timeoutMs);
  });
}

/** `https.get` resolving status and body, or the error code. */
export function httpsGet(options: https.RequestOptions): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = https.get(options, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.setTimeout(5000, () => req.destroy(new Error('timeout')));
  });
}
