/**
 * no-weak-cipher weakSecureOptions: what each `weakens` bit of src/policy/secure-options.ts does, shown
 * on the Node running the tests (OpenSSL 3) with servers on 127.0.0.1. A relay between client and
 * server reads the TLS records (the TLS 1.2 ServerHello and the record types are plaintext) and can
 * drop or rewrite one. `openssl s_client`/`s_server` is the peer where Node has no switch for the behaviour,
 * and a small TLS 1.2 client written here (RSA key exchange, AES-128-GCM) is the peer that OpenSSL
 * will not be: one without secure renegotiation (RFC 5746), or one whose premaster secret carries
 * another version than its ClientHello.
 */
import { spawn } from 'node:child_process';
import { X509Certificate, constants, createCipheriv, createDecipheriv, createHash, createHmac, publicEncrypt, randomBytes, type KeyObject } from 'node:crypto';
import { rmSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURE_OPTION_BITS } from '../../src/policy/secure-options.js';
import { LOOPBACK } from '../runtime/loopback.js';
import { makePki, type ClaimsPki } from './pki.js';

let pki: ClaimsPki;
beforeAll(() => {
  pki = makePki();
});
afterAll(() => pki?.cleanup());

/** Values of the bits Node does not export (OpenSSL 3.0 `ssl.h`); Node passes the number through. */
const SSL_OP_NO_EXTENDED_MASTER_SECRET = 1;
const SSL_OP_IGNORE_UNEXPECTED_EOF = 128;

const HANDSHAKE = 22;
const APPLICATION_DATA = 23;
const ALERT = 21;
const EXT_RENEGOTIATION_INFO = 0xff01;
const EXT_ENCRYPT_THEN_MAC = 22;
const EXT_EXTENDED_MASTER_SECRET = 23;

interface TlsRecord {
  readonly from: 'client' | 'server';
  readonly type: number;
  readonly version: number;
  readonly body: Buffer;
}
/** What the relay forwards instead of a record (undefined: drop it). */
type Hook = (record: TlsRecord) => TlsRecord | undefined;

interface Relay {
  readonly port: number;
  /** Every record as it arrived, before the hook. */
  readonly records: TlsRecord[];
  close(): Promise<void>;
}

/** A TCP relay on 127.0.0.1 that forwards whole TLS records to `port`, through `hook`. */
async function startRelay(port: number, hook: Hook = (r) => r): Promise<Relay> {
  const records: TlsRecord[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(port, LOOPBACK);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    const pipe = (from: net.Socket, to: net.Socket, side: TlsRecord['from']): void => {
      let pending = Buffer.alloc(0);
      from.on('data', (chunk: Buffer) => {
        pending = Buffer.concat([pending, chunk]);
        while (pending.length >= 5 && pending.length >= 5 + pending.readUInt16BE(3)) {
          const length = pending.readUInt16BE(3);
          const record: TlsRecord = { from: side, type: pending[0]!, version: pending.readUInt16BE(1), body: pending.subarray(5, 5 + length) };
          pending = pending.subarray(5 + length);
          records.push(record);
          const out = hook(record);
          if (!out) continue;
          const header = Buffer.alloc(5);
          header[0] = out.type;
          header.writeUInt16BE(out.version, 1);
          header.writeUInt16BE(out.body.length, 3);
          to.write(Buffer.concat([header, out.body]));
        }
      });
      from.on('end', () => to.end());
      from.on('close', () => to.destroy());
    };
    pipe(client, upstream, 'client');
    pipe(upstream, client, 'server');
  });
  await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    records,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

interface Extension {
  readonly type: number;
  readonly start: number;
  readonly end: number;
}

/** The extensions of the hello message at the start of a handshake record (ClientHello or ServerHello). */
function helloExtensions(body: Buffer): { listStart: number; extensions: Extension[] } {
  let p = 4 + 2 + 32;
  p += 1 + body[p]!; // session id
  if (body[0] === 1) {
    p += 2 + body.readUInt16BE(p); // cipher suites
    p += 1 + body[p]!; // compression methods
  } else p += 3; // cipher suite, compression method
  const listStart = p;
  const end = p + 2 + body.readUInt16BE(p);
  const extensions: Extension[] = [];
  for (p += 2; p < end; p += 4 + body.readUInt16BE(p + 2)) extensions.push({ type: body.readUInt16BE(p), start: p, end: p + 4 + body.readUInt16BE(p + 2) });
  return { listStart, extensions };
}

const isServerHello = (r: TlsRecord): boolean => r.from === 'server' && r.type === HANDSHAKE && r.body[0] === 2;

function serverHelloExtensions(records: readonly TlsRecord[]): number[] {
  const hello = records.find(isServerHello);
  if (!hello) throw new Error('no ServerHello');
  return helloExtensions(hello.body).extensions.map((e) => e.type);
}

/** The ServerHello without one extension (the lengths of the list, the message and the record fixed). */
function withoutExtension(body: Buffer, type: number): Buffer {
  const { listStart, extensions } = helloExtensions(body);
  const ext = extensions.find((e) => e.type === type);
  if (!ext) throw new Error(`no extension ${type}`);
  const cut = ext.end - ext.start;
  const out = Buffer.concat([body.subarray(0, ext.start), body.subarray(ext.end)]);
  out.writeUInt16BE(out.readUInt16BE(listStart) - cut, listStart);
  out.writeUIntBE(out.readUIntBE(1, 3) - cut, 1, 3);
  return out;
}

interface Run {
  /** The client's events in order: `secure`, `data:<text>`, `error:<code>`, `end`. */
  readonly events: string[];
  readonly protocol: string | null;
  readonly cipher: string | undefined;
  readonly records: TlsRecord[];
  /** The server socket's events (`data:<text>`, `error:<code>`, `end`). */
  readonly serverEvents: string[];
}

/**
 * A Node server (answers `reply` and ends) and a Node client through the relay; the client writes
 * `send` once secure and ends. Resolves when the client socket has closed.
 */
async function run(serverOptions: tls.TlsOptions, clientOptions: tls.ConnectionOptions, hook?: Hook, send?: string, reply = 'ok\n'): Promise<Run> {
  const serverEvents: string[] = [];
  const server = tls.createServer({ ...pki.leaf, ...serverOptions }, (socket) => {
    socket.on('error', (e: NodeJS.ErrnoException) => serverEvents.push(`error:${e.code}`));
    socket.on('data', (d: Buffer) => serverEvents.push(`data:${String(d)}`));
    socket.on('end', () => serverEvents.push('end'));
    if (reply !== '') socket.end(reply);
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
  const relay = await startRelay((server.address() as AddressInfo).port, hook);
  try {
    const events: string[] = [];
    let protocol: string | null = null;
    let cipher: string | undefined;
    await new Promise<void>((resolve) => {
      const socket = tls.connect({ host: LOOPBACK, port: relay.port, ca: pki.ca, ...clientOptions }, () => {
        events.push('secure');
        protocol = socket.getProtocol();
        cipher = socket.getCipher()?.name;
        if (send !== undefined) socket.end(send);
      });
      socket.setTimeout(5000, () => socket.destroy());
      socket.on('error', (e: NodeJS.ErrnoException) => events.push(`error:${e.code}`));
      socket.on('data', (d: Buffer) => events.push(`data:${String(d)}`));
      socket.on('end', () => events.push('end'));
      socket.on('close', () => resolve());
    });
    // Let the server see the close.
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { events, protocol, cipher, records: relay.records, serverEvents };
  } finally {
    await relay.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const TLS12: tls.ConnectionOptions = { maxVersion: 'TLSv1.2' };
/** TLS 1.0 on OpenSSL 3 needs security level 0. */
const TLS10 = { minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' } as const;

const weakens = (name: string): boolean => SECURE_OPTION_BITS.find((b) => b.name === name)?.verdict === 'weakens';

describe('the secureOptions table', () => {
  it('every weakens bit has a claim below; exported names have Node’s values, the others are not exported', () => {
    const shown = [
      'SSL_OP_NO_EXTENDED_MASTER_SECRET',
      'SSL_OP_LEGACY_SERVER_CONNECT',
      'SSL_OP_ALLOW_NO_DHE_KEX',
      'SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS',
      'SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION',
      'SSL_OP_NO_ENCRYPT_THEN_MAC',
      'SSL_OP_NO_TLSv1_2',
      'SSL_OP_NO_TLSv1_3',
    ];
    expect(SECURE_OPTION_BITS.filter((b) => b.verdict === 'weakens').map((b) => b.name)).toEqual(shown);
    const exported = constants as unknown as Record<string, number | undefined>;
    for (const bit of SECURE_OPTION_BITS) expect([bit.name, exported[bit.name]]).toEqual([bit.name, bit.exportedByNode ? bit.value : undefined]);
    expect(SSL_OP_NO_EXTENDED_MASTER_SECRET).toBe(SECURE_OPTION_BITS.find((b) => b.name === 'SSL_OP_NO_EXTENDED_MASTER_SECRET')?.value);
    expect(SSL_OP_IGNORE_UNEXPECTED_EOF).toBe(SECURE_OPTION_BITS.find((b) => b.name === 'SSL_OP_IGNORE_UNEXPECTED_EOF')?.value);
  });
});

describe('no-weak-cipher weakSecureOptions: SSL_OP_NO_EXTENDED_MASTER_SECRET (1) on either side turns off the extended master secret (RFC 7627)', () => {
  it('a TLS 1.2 ServerHello carries extended_master_secret by default, and not when the server or the client sets the bit', async () => {
    expect(weakens('SSL_OP_NO_EXTENDED_MASTER_SECRET')).toBe(true);
    const plain = await run({}, TLS12);
    expect(plain.protocol).toBe('TLSv1.2');
    expect(serverHelloExtensions(plain.records)).toContain(EXT_EXTENDED_MASTER_SECRET);
    for (const [server, client] of [
      [{ secureOptions: SSL_OP_NO_EXTENDED_MASTER_SECRET }, TLS12],
      [{}, { ...TLS12, secureOptions: SSL_OP_NO_EXTENDED_MASTER_SECRET }],
    ] as const) {
      const r = await run(server, client);
      expect(r.events).toContain('secure');
      expect(serverHelloExtensions(r.records)).not.toContain(EXT_EXTENDED_MASTER_SECRET);
    }
  });
});

describe('no-weak-cipher weakSecureOptions: SSL_OP_NO_ENCRYPT_THEN_MAC on either side makes a TLS 1.2 CBC suite MAC-then-encrypt', () => {
  it('with ECDHE-RSA-AES128-SHA256 the ServerHello carries encrypt_then_mac by default, and not when either side sets the bit', async () => {
    const cbc: tls.ConnectionOptions = { ...TLS12, ciphers: 'ECDHE-RSA-AES128-SHA256' };
    const plain = await run({}, cbc);
    expect(plain.cipher).toBe('ECDHE-RSA-AES128-SHA256');
    expect(serverHelloExtensions(plain.records)).toContain(EXT_ENCRYPT_THEN_MAC);
    for (const [server, client] of [
      [{ secureOptions: constants.SSL_OP_NO_ENCRYPT_THEN_MAC }, cbc],
      [{}, { ...cbc, secureOptions: constants.SSL_OP_NO_ENCRYPT_THEN_MAC }],
    ] as const) {
      const r = await run(server, client);
      expect(r.cipher).toBe('ECDHE-RSA-AES128-SHA256');
      expect(serverHelloExtensions(r.records)).not.toContain(EXT_ENCRYPT_THEN_MAC);
    }
  });
});

const u16 = (n: number): Buffer => Buffer.from([n >> 8, n & 0xff]);
const u24 = (n: number): Buffer => Buffer.from([n >> 16, (n >> 8) & 0xff, n & 0xff]);
const u64 = (n: number): Buffer => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
};
const tlsRecord = (type: number, body: Buffer): Buffer => Buffer.concat([Buffer.from([type]), u16(0x0303), u16(body.length), body]);
const handshakeMessage = (type: number, body: Buffer): Buffer => Buffer.concat([Buffer.from([type]), u24(body.length), body]);

/** The TLS 1.2 PRF (P_SHA256, RFC 5246 section 5). */
function prf(secret: Buffer, label: string, seed: Buffer, length: number): Buffer {
  const labelSeed = Buffer.concat([Buffer.from(label), seed]);
  const out: Buffer[] = [];
  let a = labelSeed;
  for (let n = 0; n < length; n += 32) {
    a = createHmac('sha256', secret).update(a).digest();
    out.push(
      createHmac('sha256', secret)
        .update(Buffer.concat([a, labelSeed]))
        .digest(),
    );
  }
  return Buffer.concat(out).subarray(0, length);
}

/**
 * A ClientHello that offers TLS_RSA_WITH_AES_128_GCM_SHA256 only, with signature_algorithms
 * (rsa_pss_rsae_sha256, rsa_pkcs1_sha256) as its one extension: no renegotiation_info and no
 * TLS_EMPTY_RENEGOTIATION_INFO_SCSV, so a client without RFC 5746.
 */
function legacyClientHello(version: number): Buffer {
  const sigalgs = Buffer.concat([u16(13), u16(6), u16(4), u16(0x0804), u16(0x0401)]);
  const body = Buffer.concat([u16(version), randomBytes(32), Buffer.from([0]), u16(2), u16(0x009c), Buffer.from([1, 0]), u16(sigalgs.length), sigalgs]);
  return handshakeMessage(1, body);
}

interface LegacyOutcome {
  /** How far it got: `hello` (waiting for ServerHelloDone), `finished-sent`, `established`, `renegotiating`. */
  readonly state: string;
  /** The alert that ended it: [level, description]. */
  readonly alert?: readonly [number, number];
  /** The handshake message type the server answered a renegotiating ClientHello with. */
  readonly handshake?: number;
}

interface Keys {
  readonly master: Buffer;
  readonly clientKey: Buffer;
  readonly serverKey: Buffer;
  readonly clientIv: Buffer;
  readonly serverIv: Buffer;
}

/**
 * Connects to 127.0.0.1:`port` as a TLS 1.2 client without RFC 5746. `clientVersion` goes in the
 * ClientHello, `premasterVersion` in the RSA premaster secret. After the server's Finished (checked)
 * it sends a second ClientHello when `renegotiate`, and reports how the server answers.
 */
function legacyClient(port: number, opts: { clientVersion?: number; premasterVersion?: number; renegotiate?: boolean } = {}): Promise<LegacyOutcome> {
  const clientVersion = opts.clientVersion ?? 0x0303;
  const premasterVersion = opts.premasterVersion ?? clientVersion;
  return new Promise((resolve) => {
    const socket = net.connect(port, LOOPBACK);
    const hello = legacyClientHello(clientVersion);
    const transcript: Buffer[] = [hello];
    socket.write(tlsRecord(HANDSHAKE, hello));
    let state = 'hello';
    let pending: Buffer = Buffer.alloc(0);
    let messages: Buffer = Buffer.alloc(0);
    let serverRandom: Buffer = Buffer.alloc(0);
    let serverKey: KeyObject | undefined;
    let keys: Keys | undefined;
    let clientSeq = 0;
    let serverSeq = 0;
    let serverEncrypts = false;
    const done = (outcome: Omit<LegacyOutcome, 'state'> = {}): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ state, ...outcome });
    };
    const timer = setTimeout(() => done(), 5000);
    const encrypt = (k: Keys, type: number, plain: Buffer): Buffer => {
      const explicit = u64(clientSeq);
      const cipher = createCipheriv('aes-128-gcm', k.clientKey, Buffer.concat([k.clientIv, explicit]));
      cipher.setAAD(Buffer.concat([u64(clientSeq++), Buffer.from([type]), u16(0x0303), u16(plain.length)]));
      return tlsRecord(type, Buffer.concat([explicit, cipher.update(plain), cipher.final(), cipher.getAuthTag()]));
    };
    const decrypt = (k: Keys, type: number, body: Buffer): Buffer => {
      const text = body.subarray(8, body.length - 16);
      const decipher = createDecipheriv('aes-128-gcm', k.serverKey, Buffer.concat([k.serverIv, body.subarray(0, 8)]));
      decipher.setAAD(Buffer.concat([u64(serverSeq++), Buffer.from([type]), u16(0x0303), u16(text.length)]));
      decipher.setAuthTag(body.subarray(body.length - 16));
      return Buffer.concat([decipher.update(text), decipher.final()]);
    };
    const keyExchange = (): void => {
      const premaster = Buffer.concat([u16(premasterVersion), randomBytes(46)]);
      const encrypted = publicEncrypt({ key: serverKey!, padding: constants.RSA_PKCS1_PADDING }, premaster);
      const cke = handshakeMessage(16, Buffer.concat([u16(encrypted.length), encrypted]));
      transcript.push(cke);
      const clientRandom = hello.subarray(6, 38);
      const master = prf(premaster, 'master secret', Buffer.concat([clientRandom, serverRandom]), 48);
      const block = prf(master, 'key expansion', Buffer.concat([serverRandom, clientRandom]), 40);
      const k: Keys = {
        master,
        clientKey: block.subarray(0, 16),
        serverKey: block.subarray(16, 32),
        clientIv: block.subarray(32, 36),
        serverIv: block.subarray(36, 40),
      };
      keys = k;
      const finished = handshakeMessage(20, prf(master, 'client finished', createHash('sha256').update(Buffer.concat(transcript)).digest(), 12));
      transcript.push(finished);
      socket.write(Buffer.concat([tlsRecord(HANDSHAKE, cke), tlsRecord(20, Buffer.from([1])), encrypt(k, HANDSHAKE, finished)]));
      state = 'finished-sent';
    };
    const onMessage = (msg: Buffer): boolean => {
      const type = msg[0];
      if (state === 'hello') {
        transcript.push(msg);
        if (type === 2) serverRandom = msg.subarray(6, 38);
        if (type === 11) serverKey = new X509Certificate(msg.subarray(10, 10 + msg.readUIntBE(7, 3))).publicKey;
        if (type === 14) keyExchange();
        return false;
      }
      if (state === 'finished-sent' && type === 20 && keys) {
        const expected = prf(keys.master, 'server finished', createHash('sha256').update(Buffer.concat(transcript)).digest(), 12);
        if (!msg.subarray(4).equals(expected)) throw new Error('bad server Finished');
        state = 'established';
        if (!opts.renegotiate) return true;
        socket.write(encrypt(keys, HANDSHAKE, legacyClientHello(0x0303)));
        state = 'renegotiating';
        return false;
      }
      if (state === 'renegotiating') {
        done({ handshake: type });
        return true;
      }
      return false;
    };
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 5 && pending.length >= 5 + pending.readUInt16BE(3)) {
        const type = pending[0]!;
        let body = pending.subarray(5, 5 + pending.readUInt16BE(3));
        pending = pending.subarray(5 + body.length);
        if (type === 20) {
          serverEncrypts = true;
          continue;
        }
        if (serverEncrypts && keys) body = decrypt(keys, type, body);
        if (type === ALERT) return done({ alert: [body[0]!, body[1]!] });
        messages = Buffer.concat([messages, body]);
        while (messages.length >= 4 && messages.length >= 4 + messages.readUIntBE(1, 3)) {
          const msg = messages.subarray(0, 4 + messages.readUIntBE(1, 3));
          messages = messages.subarray(msg.length);
          if (onMessage(msg)) return state === 'established' ? done() : undefined;
        }
      }
    });
    socket.on('error', () => done());
    socket.on('close', () => done());
  });
}

/** Runs `fn` with a Node TLS server on 127.0.0.1 that keeps every connection open and silent. */
async function withQuietServer<T>(options: tls.TlsOptions, fn: (port: number) => Promise<T>): Promise<T> {
  const sockets = new Set<tls.TLSSocket>();
  const server = tls.createServer({ ...pki.leaf, ...options }, (socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
  try {
    return await fn((server.address() as AddressInfo).port);
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const NO_RENEGOTIATION = 100;
const SERVER_HELLO = 2;

describe('no-weak-cipher weakSecureOptions: SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION lets a server renegotiate with a client without secure renegotiation (RFC 5746)', () => {
  it('a Node server completes a first handshake with such a client either way; it refuses its renegotiation by default and answers it with a ServerHello with the bit', async () => {
    expect(await withQuietServer({}, (port) => legacyClient(port))).toEqual({ state: 'established' });
    expect(await withQuietServer({}, (port) => legacyClient(port, { renegotiate: true }))).toEqual({ state: 'renegotiating', alert: [1, NO_RENEGOTIATION] });
    expect(
      await withQuietServer({ secureOptions: constants.SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION }, (port) => legacyClient(port, { renegotiate: true })),
    ).toEqual({ state: 'renegotiating', handshake: SERVER_HELLO });
  });
});

describe('SSL_OP_TLS_ROLLBACK_BUG is neutral: it only lets the RSA premaster secret carry the negotiated version instead of the offered one', () => {
  it('offered 0x0304 and negotiated TLS 1.2: a premaster with 0x0303 fails without the bit and is accepted with it', async () => {
    expect(weakens('SSL_OP_TLS_ROLLBACK_BUG')).toBe(false);
    const offered = { clientVersion: 0x0304 };
    expect(await withQuietServer({}, (port) => legacyClient(port, { ...offered, premasterVersion: 0x0304 }))).toEqual({ state: 'established' });
    // OpenSSL uses a random premaster instead (no oracle): the Finished check fails.
    expect(await withQuietServer({}, (port) => legacyClient(port, { ...offered, premasterVersion: 0x0303 }))).toEqual({
      state: 'finished-sent',
      alert: [2, 20],
    });
    expect(
      await withQuietServer({ secureOptions: constants.SSL_OP_TLS_ROLLBACK_BUG }, (port) => legacyClient(port, { ...offered, premasterVersion: 0x0303 })),
    ).toEqual({ state: 'established' });
  });
});

describe('no-weak-cipher weakSecureOptions: SSL_OP_LEGACY_SERVER_CONNECT and SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION let a client accept a server without secure renegotiation (RFC 5746)', () => {
  // The relay removes renegotiation_info from the ServerHello. That also changes the transcript, so
  // every handshake fails in the end: what differs is whether the client refuses the ServerHello.
  const strip: Hook = (r) => (isServerHello(r) ? { ...r, body: withoutExtension(r.body, EXT_RENEGOTIATION_INFO) } : r);

  it('by default the client refuses the ServerHello; with either bit it gets past it and fails only at Finished', async () => {
    const untouched = await run({}, { ...TLS12, secureOptions: constants.SSL_OP_LEGACY_SERVER_CONNECT });
    expect(untouched.events).toContain('secure');
    expect(serverHelloExtensions(untouched.records)).toContain(EXT_RENEGOTIATION_INFO);

    const refused = await run({}, TLS12, strip);
    expect(refused.events).toEqual(['error:ERR_SSL_UNSAFE_LEGACY_RENEGOTIATION_DISABLED']);
    // The client stopped at the ServerHello: it never sent its key exchange.
    expect(refused.records.filter((r) => r.from === 'client' && r.type === HANDSHAKE)).toHaveLength(1);

    for (const bit of [constants.SSL_OP_LEGACY_SERVER_CONNECT, constants.SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION]) {
      const accepted = await run({}, { ...TLS12, secureOptions: bit }, strip);
      expect(accepted.events).toEqual(['error:ERR_SSL_SSLV3_ALERT_BAD_RECORD_MAC']);
      // It went on: ClientKeyExchange and its encrypted Finished.
      expect(accepted.records.filter((r) => r.from === 'client' && r.type === HANDSHAKE).length).toBeGreaterThan(1);
    }
  });
});

/** Runs `openssl s_client` (compiled-in defaults) against 127.0.0.1:`port` and resolves its output. */
function sClient(port: number, args: readonly string[]): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn('openssl', ['s_client', '-connect', `${LOOPBACK}:${port}`, '-ign_eof', ...args], {
      env: { ...process.env, OPENSSL_CONF: '/dev/null' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += String(d)));
    child.stderr.on('data', (d: Buffer) => (out += String(d)));
    const timer = setTimeout(() => child.kill(), 10_000);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(out);
    });
    child.stdin.end();
  });
}

describe('no-weak-cipher weakSecureOptions: SSL_OP_ALLOW_NO_DHE_KEX lets a TLS 1.3 server or client resume a session without (EC)DHE', () => {
  it('a client that offers psk_ke and no usable key share resumes without an ECDHE key with the bit, and is refused without it', async () => {
    const outcome = async (secureOptions: number): Promise<{ first: string; resumed: string }> => {
      const server = tls.createServer({ ...pki.leaf, ecdhCurve: 'P-256', secureOptions }, (socket) => {
        socket.on('error', () => undefined);
        // Late enough for s_client to read the session ticket first.
        setTimeout(() => socket.end('ok\n'), 100);
      });
      server.on('tlsClientError', () => undefined);
      await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
      const port = (server.address() as AddressInfo).port;
      const session = join(pki.dir, `session-${secureOptions}.pem`);
      try {
        const first = await sClient(port, ['-tls1_3', '-groups', 'P-256', '-sess_out', session]);
        // The second offer has only X25519, which the server does not accept: no (EC)DHE is possible.
        const resumed = await sClient(port, ['-tls1_3', '-allow_no_dhe_kex', '-groups', 'X25519', '-sess_in', session]);
        return { first, resumed };
      } finally {
        rmSync(session, { force: true });
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    };
    const without = await outcome(0);
    expect(without.first).toMatch(/Server Temp Key: ECDH, prime256v1/);
    expect(without.first).toMatch(/New, TLSv1\.3/);
    expect(without.resumed).not.toMatch(/Reused/);
    expect(without.resumed).toMatch(/alert handshake failure/);

    const withBit = await outcome(constants.SSL_OP_ALLOW_NO_DHE_KEX);
    expect(withBit.first).toMatch(/New, TLSv1\.3/);
    expect(withBit.resumed).toMatch(/Reused, TLSv1\.3/);
    expect(withBit.resumed).not.toMatch(/Server Temp Key/);
    expect(withBit.resumed).toMatch(/^ok$/m);
  });
  it('a Node client with the bit resumes without an ephemeral key from an `openssl s_server -allow_no_dhe_kex` that shares no group with its offer, and fails without it', async () => {
    const server = spawn(
      'openssl',
      [
        's_server',
        '-accept',
        `${LOOPBACK}:0`,
        '-tls1_3',
        '-allow_no_dhe_kex',
        '-groups',
        'P-256',
        '-key',
        join(pki.dir, 'leaf.key'),
        '-cert',
        join(pki.dir, 'leaf.pem'),
      ],
      { env: { ...process.env, OPENSSL_CONF: '/dev/null' }, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`s_server did not start: ${out}`)), 10_000);
        server.stdout.on('data', (d: Buffer) => {
          out += String(d);
          const m = /ACCEPT [\d.]+:(\d+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(Number(m[1]));
          }
        });
      });
      interface Resumption {
        readonly error?: string;
        readonly reused?: boolean;
        readonly ephemeral?: object;
        readonly session?: Buffer;
      }
      const connect = (options: tls.ConnectionOptions): Promise<Resumption> =>
        new Promise((resolve) => {
          let result: Resumption = {};
          let session: Buffer | undefined;
          const socket = tls.connect({ host: LOOPBACK, port, ca: pki.ca, minVersion: 'TLSv1.3', ...options }, () => {
            // Read here: Node 20 crashes on isSessionReused() after the socket closed.
            result = { reused: socket.isSessionReused(), ephemeral: socket.getEphemeralKeyInfo() ?? {} };
            // Late enough for the session ticket.
            setTimeout(() => socket.end(), 100);
          });
          socket.on('session', (s: Buffer) => (session = s));
          socket.on('data', () => undefined);
          socket.on('error', (e: NodeJS.ErrnoException) => (result = { error: e.code }));
          socket.on('close', () => resolve({ ...result, ...(session && { session }) }));
        });
      const first = await connect({ ecdhCurve: 'P-256' });
      expect(first).toMatchObject({ reused: false, ephemeral: { type: 'ECDH', name: 'prime256v1' } });
      // The second offer has only X25519, which the server does not accept.
      expect(await connect({ ecdhCurve: 'X25519', session: first.session })).toEqual({ error: 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE' });
      const again = await connect({ ecdhCurve: 'P-256' });
      expect(await connect({ ecdhCurve: 'X25519', session: again.session, secureOptions: constants.SSL_OP_ALLOW_NO_DHE_KEX })).toMatchObject({
        reused: true,
        ephemeral: {},
      });
    } finally {
      server.kill();
    }
  });
});

describe('no-weak-cipher weakSecureOptions: SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS turns off the empty record OpenSSL sends before TLS 1.0 CBC data (the BEAST countermeasure)', () => {
  /** The lengths of the application data records one side sent. */
  const dataRecords = (r: Run, from: TlsRecord['from']): number[] =>
    r.records.filter((x) => x.from === from && x.type === APPLICATION_DATA).map((x) => x.body.length);
  // AES-256-CBC with encrypt-then-MAC (HMAC-SHA1): an empty record is one 16-byte block and a 20-byte
  // MAC; 64 bytes of data are five blocks and the MAC.
  const EMPTY = 16 + 20;
  const DATA = 5 * 16 + 20;
  const text = 'x'.repeat(64);

  it('one 64-byte write over TLS 1.0 CBC is an empty record and the data by default, and the data alone with the bit, from either side', async () => {
    const dont = { ...TLS10, secureOptions: constants.SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS };
    // The server writes.
    const plain = await run(TLS10, TLS10, undefined, undefined, text);
    expect([plain.protocol, plain.cipher]).toEqual(['TLSv1', 'ECDHE-RSA-AES256-SHA']);
    expect(plain.events).toContain(`data:${text}`);
    expect(dataRecords(plain, 'server')).toEqual([EMPTY, DATA]);
    const server = await run(dont, TLS10, undefined, undefined, text);
    expect(server.events).toContain(`data:${text}`);
    expect(dataRecords(server, 'server')).toEqual([DATA]);
    // The client writes.
    const fromClient = await run(TLS10, TLS10, undefined, text, '');
    expect(fromClient.serverEvents).toContain(`data:${text}`);
    expect(dataRecords(fromClient, 'client')).toEqual([EMPTY, DATA]);
    const client = await run(TLS10, dont, undefined, text, '');
    expect(client.serverEvents).toContain(`data:${text}`);
    expect(dataRecords(client, 'client')).toEqual([DATA]);
  });

  it('TLS 1.1 has an explicit IV and no empty record: the bit does nothing there', async () => {
    const tls11 = { ...TLS10, minVersion: 'TLSv1.1', maxVersion: 'TLSv1.1' } as const;
    const r = await run(tls11, tls11, undefined, undefined, text);
    expect(r.protocol).toBe('TLSv1.1');
    // An explicit 16-byte IV, then the data.
    expect(dataRecords(r, 'server')).toEqual([16 + DATA]);
  });
});

describe('no-weak-cipher weakSecureOptions: SSL_OP_NO_TLSv1_3 and SSL_OP_NO_TLSv1_2 switch that version off', () => {
  it('a server with the bit refuses a client that speaks only that version, and accepts it without', async () => {
    for (const [bit, client] of [
      [constants.SSL_OP_NO_TLSv1_3, { minVersion: 'TLSv1.3' }],
      [constants.SSL_OP_NO_TLSv1_2, { maxVersion: 'TLSv1.2' }],
    ] as const) {
      expect((await run({}, client)).events).toContain('secure');
      expect((await run({ secureOptions: bit }, client)).events).toEqual(['error:ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION']);
      // And a client with the bit offers no such version.
      expect(
        (await run({ minVersion: client.minVersion ?? 'TLSv1.2', maxVersion: client.maxVersion ?? 'TLSv1.3' }, { ...client, secureOptions: bit })).events,
      ).toEqual(['error:ERR_SSL_NO_PROTOCOLS_AVAILABLE']);
    }
  });
});

describe('SSL_OP_IGNORE_UNEXPECTED_EOF is neutral on Node: a TCP close without close_notify ends the stream without an error either way', () => {
  const dropCloseNotify =
    (from: TlsRecord['from']): Hook =>
    (r) =>
      r.from === from && r.type === ALERT ? undefined : r;

  it('a client reads the data and then a plain end, with and without the bit', async () => {
    expect(weakens('SSL_OP_IGNORE_UNEXPECTED_EOF')).toBe(false);
    for (const secureOptions of [0, SSL_OP_IGNORE_UNEXPECTED_EOF]) {
      const r = await run({}, { ...TLS12, secureOptions }, dropCloseNotify('server'));
      // The server did send close_notify: the relay dropped it.
      expect(r.records.filter((x) => x.from === 'server' && x.type === ALERT)).toHaveLength(1);
      expect(r.events).toEqual(['secure', 'data:ok\n', 'end']);
    }
  });

  it('a server reads the data and then a plain end, with and without the bit', async () => {
    for (const secureOptions of [0, SSL_OP_IGNORE_UNEXPECTED_EOF]) {
      const r = await run({ secureOptions }, TLS12, dropCloseNotify('client'), 'hi', '');
      expect(r.records.filter((x) => x.from === 'client' && x.type === ALERT)).toHaveLength(1);
      expect(r.serverEvents).toEqual(['data:hi', 'end']);
    }
  });
});
