/**
 * The claims of no-plaintext-fallback's messages, shown with the real libraries against servers on
 * 127.0.0.1 that record what arrives: a password in a plaintext URL crosses the wire in clear,
 * nodemailer without `requireTLS` authenticates in clear when the STARTTLS offer is missing (or
 * ignored), `createInsecure()` speaks HTTP/2 in clear, kafkajs without `ssl` opens a plain socket;
 * and the silent forms start with a TLS ClientHello or refuse to send the login.
 */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

interface Recorder {
  readonly port: number;
  /** Everything the client sent, once `until` matches it (or the connection closes). */
  readonly received: Promise<Buffer>;
  close(): void;
}

const servers: net.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A server that answers with `reply(data, socket)` and records the bytes until `until` holds. */
async function recorder(until: (all: Buffer) => boolean, reply?: (all: Buffer, socket: net.Socket) => void, greeting?: string): Promise<Recorder> {
  let resolve!: (b: Buffer) => void;
  const received = new Promise<Buffer>((r) => (resolve = r));
  const server = net.createServer((socket) => {
    let all = Buffer.alloc(0);
    if (greeting) socket.write(greeting);
    socket.on('data', (chunk) => {
      all = Buffer.concat([all, chunk]);
      reply?.(all, socket);
      if (until(all)) {
        resolve(all);
        socket.destroy();
      }
    });
    socket.on('close', () => resolve(all));
    socket.on('error', () => resolve(all));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return { port, received, close: () => server.close() };
}

const isClientHello = (b: Buffer): boolean => b[0] === 0x16 && b[1] === 0x03;
const has = (s: string) => (b: Buffer) => b.includes(s);

describe('no-plaintext-fallback credentialsInUrl: a password in a plaintext-scheme URL crosses the wire in clear', () => {
  it('ioredis sends the password of a redis:// URL in clear, and a rediss:// URL starts TLS', async () => {
    const { Redis } = await import('ioredis');
    const plain = await recorder(has('s3cret-pw'));
    const a = new Redis(`redis://:s3cret-pw@127.0.0.1:${plain.port}`, { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
    a.on('error', () => undefined);
    a.connect().catch(() => undefined);
    const bytes = await plain.received;
    a.disconnect();
    expect(bytes.toString('latin1')).toMatch(/AUTH[\s\S]*s3cret-pw/);

    const tlsServer = await recorder((b) => b.length > 5);
    const b = new Redis(`rediss://:s3cret-pw@127.0.0.1:${tlsServer.port}`, { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
    b.on('error', () => undefined);
    b.connect().catch(() => undefined);
    const hello = await tlsServer.received;
    b.disconnect();
    expect(isClientHello(hello)).toBe(true);
    expect(hello.includes('s3cret-pw')).toBe(false);
  });

  it('node-redis sends the password of a redis:// URL in clear', async () => {
    const { createClient } = await import('redis');
    const server = await recorder(has('s3cret-pw'));
    const client = createClient({ url: `redis://app:s3cret-pw@127.0.0.1:${server.port}`, socket: { reconnectStrategy: false } });
    client.on('error', () => undefined);
    client.connect().catch(() => undefined);
    const bytes = await server.received;
    client.destroy();
    expect(bytes.toString('latin1')).toMatch(/AUTH[\s\S]*app[\s\S]*s3cret-pw/);
  });

  it('mqtt puts the user and password of an mqtt:// URL into a CONNECT packet in clear', async () => {
    const mqtt = await import('mqtt');
    const server = await recorder(has('tok3n-pw'));
    const client = mqtt.connect(`mqtt://device:tok3n-pw@127.0.0.1:${server.port}`, { reconnectPeriod: 0 });
    client.on('error', () => undefined);
    const bytes = await server.received;
    client.end(true);
    expect(bytes[0]! >> 4).toBe(1); // MQTT CONNECT
    expect(bytes.includes('device')).toBe(true);
    expect(bytes.includes('tok3n-pw')).toBe(true);
  });
});

/** An SMTP server that offers STARTTLS or not, and records the commands. */
async function smtp(offerStartTls: boolean): Promise<Recorder> {
  return recorder(
    (all) => /AUTH /.test(all.toString('latin1')) || /STARTTLS/.test(all.toString('latin1')),
    (all, socket) => {
      const text = all.toString('latin1');
      if (/EHLO [^\r\n]*\r\n$/.test(text)) socket.write(`250-fake.example\r\n${offerStartTls ? '250-STARTTLS\r\n' : ''}250 AUTH PLAIN LOGIN\r\n`);
    },
    '220 fake.example ESMTP\r\n',
  );
}

async function sendWith(options: Record<string, unknown>, port: number): Promise<void> {
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    auth: { user: 'app', pass: 'm4il-pw' },
    connectionTimeout: 3000,
    greetingTimeout: 3000,
    ...options,
  } as never);
  await transport.sendMail({ from: 'a@example.com', to: 'b@example.com', text: 'x' }).catch(() => undefined);
  transport.close();
}

const authPlain = Buffer.from('\u0000app\u0000m4il-pw').toString('base64');

describe('no-plaintext-fallback smtpStrippable: without requireTLS, nodemailer logs in over plaintext when the STARTTLS offer is missing', () => {
  it('nodemailer with secure: false and no requireTLS logs in over plaintext when STARTTLS is not offered', async () => {
    const server = await smtp(false);
    const sent = sendWith({ secure: false }, server.port);
    const text = (await server.received).toString('latin1');
    await sent;
    expect(text).not.toContain('STARTTLS');
    expect(text).toContain(`AUTH PLAIN ${authPlain}`);
  });

  it('nodemailer with opportunisticTLS: true does the same', async () => {
    const server = await smtp(false);
    const sent = sendWith({ opportunisticTLS: true }, server.port);
    const text = (await server.received).toString('latin1');
    await sent;
    expect(text).toContain(`AUTH PLAIN ${authPlain}`);
  });
});

describe('no-plaintext-fallback smtpNoTls: with ignoreTLS, nodemailer skips STARTTLS and logs in over plaintext', () => {
  it('nodemailer with ignoreTLS: true logs in over plaintext although STARTTLS is offered', async () => {
    const server = await smtp(true);
    const sent = sendWith({ ignoreTLS: true }, server.port);
    const text = (await server.received).toString('latin1');
    await sent;
    expect(text).not.toContain('STARTTLS');
    expect(text).toContain(`AUTH PLAIN ${authPlain}`);
  });
});

describe('no-plaintext-fallback smtpStrippable (the way out): requireTLS', () => {
  it('nodemailer with requireTLS: true never sends the login when STARTTLS is missing (also next to ignoreTLS)', async () => {
    for (const options of [
      { secure: false, requireTLS: true },
      { ignoreTLS: true, requireTLS: true },
    ]) {
      const server = await smtp(false);
      await sendWith(options, server.port);
      server.close();
      const text = (await server.received).toString('latin1');
      expect(text).toContain('EHLO');
      expect(text).not.toContain('AUTH');
    }
  });
});

describe('no-plaintext-fallback grpcInsecure: createInsecure() speaks HTTP/2 without TLS', () => {
  it('gRPC createInsecure() speaks HTTP/2 in clear', async () => {
    const grpc = await import('@grpc/grpc-js');
    const server = await recorder((b) => b.length >= 24);
    const client = new grpc.Client(`127.0.0.1:${server.port}`, grpc.credentials.createInsecure());
    client.makeUnaryRequest(
      '/svc/M',
      (x: Buffer) => x,
      (x: Buffer) => x,
      Buffer.alloc(0),
      () => undefined,
    );
    const bytes = await server.received;
    client.close();
    expect(bytes.subarray(0, 24).toString('latin1')).toBe('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');
  });
});

describe('no-plaintext-fallback natsStrippable: nats without a tls object sends CONNECT credentials in clear when the INFO does not ask for TLS', () => {
  it('nats without tls sends user and password in CONNECT in clear when the INFO does not ask for TLS; tls: {} refuses', async () => {
    const { connect } = await import('nats');
    const info = 'INFO {"server_id":"probe","version":"2.10.0","proto":1,"host":"127.0.0.1","port":4222,"max_payload":1048576}\r\n';
    for (const tls of [undefined, {}]) {
      const server = await recorder(has('CONNECT'), undefined, info);
      const connecting = connect({
        servers: `127.0.0.1:${server.port}`,
        user: 'app',
        pass: 'n4ts-pw',
        reconnect: false,
        timeout: 2000,
        ...(tls ? { tls } : {}),
      }).then(
        (nc) => nc.close(),
        () => undefined,
      );
      const text = (await server.received).toString('latin1');
      server.close();
      await connecting;
      if (tls) expect(text).not.toContain('n4ts-pw');
      else expect(text).toMatch(/CONNECT \{[^\r\n]*"pass":"n4ts-pw"/);
    }
  });
});

describe('no-plaintext-fallback kafkaClearSasl: kafkajs without ssl opens a plain socket for SASL', () => {
  it('kafkajs without ssl opens a plain socket (its first request is readable), with ssl a TLS one', async () => {
    const { Kafka, logLevel } = await import('kafkajs');
    for (const ssl of [undefined, true]) {
      const server = await recorder((b) => b.length > 5);
      const kafka = new Kafka({
        clientId: 'plain-probe',
        brokers: [`127.0.0.1:${server.port}`],
        ...(ssl ? { ssl } : {}),
        sasl: { mechanism: 'plain', username: 'u', password: 'p' },
        logLevel: logLevel.NOTHING,
        retry: { retries: 0 },
        connectionTimeout: 2000,
      });
      const admin = kafka.admin();
      const connecting = admin.connect().catch(() => undefined);
      const bytes = await server.received;
      server.close();
      await connecting;
      if (ssl) expect(isClientHello(bytes)).toBe(true);
      else expect(bytes.includes('plain-probe')).toBe(true);
    }
  });
});
