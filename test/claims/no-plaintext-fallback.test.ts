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

describe('no-plaintext-fallback smtpUrlStrippable: an smtp:// URL without requireTLS=true logs in over plaintext when STARTTLS is not offered', () => {
  async function sendUrl(url: string): Promise<void> {
    const { default: nodemailer } = await import('nodemailer');
    const transport = nodemailer.createTransport(url);
    await transport.sendMail({ from: 'a@example.com', to: 'b@example.com', text: 'x' }).catch(() => undefined);
    transport.close();
  }
  const timeouts = 'connectionTimeout=3000&greetingTimeout=3000';

  it('smtp://user:pass@host logs in over plaintext; a `secure=true` in the query does not change that', async () => {
    for (const query of ['', '&secure=true']) {
      const server = await smtp(false);
      const sent = sendUrl(`smtp://app:m4il-pw@127.0.0.1:${server.port}/?${timeouts}${query}`);
      const text = (await server.received).toString('latin1');
      await sent;
      expect(text).not.toContain('STARTTLS');
      expect(text).toContain(`AUTH PLAIN ${authPlain}`);
    }
  });

  it('the way out: with requireTLS=true the login is never sent without STARTTLS; smtps:// starts with a TLS ClientHello', async () => {
    const server = await smtp(false);
    await sendUrl(`smtp://app:m4il-pw@127.0.0.1:${server.port}/?${timeouts}&requireTLS=true`);
    server.close();
    const text = (await server.received).toString('latin1');
    expect(text).toContain('EHLO');
    expect(text).not.toContain('AUTH');

    const tlsServer = await recorder((b) => b.length > 5);
    const sent = sendUrl(`smtps://app:m4il-pw@127.0.0.1:${tlsServer.port}/?${timeouts}`);
    const hello = await tlsServer.received;
    await sent;
    expect(isClientHello(hello)).toBe(true);
    expect(hello.includes('m4il-pw')).toBe(false);
  });

  it("createTransport({ url: 'smtp://…' }): the URL's `secure: false` and query win over the object's keys, which count where the URL is silent", async () => {
    const { default: nodemailer } = await import('nodemailer');
    const send = async (options: Record<string, unknown>): Promise<void> => {
      const transport = nodemailer.createTransport(options as never);
      await transport.sendMail({ from: 'a@example.com', to: 'b@example.com', text: 'x' }).catch(() => undefined);
      transport.close();
    };
    // `secure: true` and `requireTLS: true` in the object lose to `smtp:` and the query's requireTLS=false.
    for (const [query, extra] of [
      ['', { secure: true }],
      ['&requireTLS=false', { requireTLS: true }],
    ] as const) {
      const server = await smtp(false);
      const sent = send({ url: `smtp://app:m4il-pw@127.0.0.1:${server.port}/?${timeouts}${query}`, ...extra });
      const text = (await server.received).toString('latin1');
      await sent;
      expect(text).not.toContain('STARTTLS');
      expect(text).toContain(`AUTH PLAIN ${authPlain}`);
    }
    // (smtpNoTls) the object's ignoreTLS: true, with STARTTLS offered.
    const offered = await smtp(true);
    const sent = send({ url: `smtp://app:m4il-pw@127.0.0.1:${offered.port}/?${timeouts}`, ignoreTLS: true });
    const text = (await offered.received).toString('latin1');
    await sent;
    expect(text).not.toContain('STARTTLS');
    expect(text).toContain(`AUTH PLAIN ${authPlain}`);
    // new SMTPTransport({ url, secure: true }) given to createTransport merges the same way.
    const { default: SMTPTransport } = await import('nodemailer/lib/smtp-transport');
    const viaClass = await smtp(false);
    const classSent = send(new SMTPTransport({ url: `smtp://app:m4il-pw@127.0.0.1:${viaClass.port}/?${timeouts}`, secure: true }) as never);
    const classText = (await viaClass.received).toString('latin1');
    await classSent;
    expect(classText).not.toContain('STARTTLS');
    expect(classText).toContain(`AUTH PLAIN ${authPlain}`);
    // The way out: the object's requireTLS: true counts where the query does not name it.
    const strict = await smtp(false);
    await send({ url: `smtp://app:m4il-pw@127.0.0.1:${strict.port}/?${timeouts}`, requireTLS: true });
    strict.close();
    const silent = (await strict.received).toString('latin1');
    expect(silent).toContain('EHLO');
    expect(silent).not.toContain('AUTH');
  });

  it('(smtpNoTls) smtp://…?ignoreTLS=true skips STARTTLS although it is offered', async () => {
    const server = await smtp(true);
    const sent = sendUrl(`smtp://app:m4il-pw@127.0.0.1:${server.port}/?${timeouts}&ignoreTLS=true`);
    const text = (await server.received).toString('latin1');
    await sent;
    expect(text).not.toContain('STARTTLS');
    expect(text).toContain(`AUTH PLAIN ${authPlain}`);
  });
});

const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);
const pgMessage = (type: string, body: Buffer): Buffer => {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
};
const int32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};

/**
 * A PostgreSQL server stand-in: answers an SSLRequest with `N`, asks for the password in clear
 * (AuthenticationCleartextPassword), then says AuthenticationOk and ReadyForQuery, and records
 * everything until `until` holds.
 */
async function postgresServer(until: (all: Buffer) => boolean): Promise<Recorder> {
  let declined = false;
  let asked = false;
  let ready = false;
  return recorder(until, (all, socket) => {
    if (!declined && all.subarray(0, 8).equals(SSL_REQUEST)) {
      declined = true;
      socket.write('N');
    }
    const startup = declined ? all.subarray(8) : all;
    if (!asked && startup.length >= 8 && startup.readInt32BE(0) <= startup.length && startup.readInt32BE(4) === 196608) {
      asked = true;
      socket.write(pgMessage('R', int32(3)));
    }
    if (asked && !ready && all.includes('pg-s3cret\u0000')) {
      ready = true;
      socket.write(Buffer.concat([pgMessage('R', int32(0)), pgMessage('Z', Buffer.from('I'))]));
    }
  });
}

describe('no-plaintext-fallback postgresNoTls: pg and postgres.js without TLS send the queries in clear and the password in clear when asked', () => {
  /** What a pg client sends to a recording server; `config` gets the server's port (for a connection string). */
  async function pgRun(config: (port: number) => Record<string, unknown>): Promise<string> {
    const { default: pg } = await import('pg');
    const server = await postgresServer(has('SELECT 42'));
    const client = new pg.Client({ host: '127.0.0.1', port: server.port, user: 'app', database: 'app', connectionTimeoutMillis: 3000, ...config(server.port) });
    client.on('error', () => undefined);
    const done = client.connect().then(
      () => client.query('SELECT 42'),
      () => undefined,
    );
    const text = (await server.received).toString('latin1');
    server.close();
    await done.catch(() => undefined);
    await client.end().catch(() => undefined);
    return text;
  }

  it('pg with ssl: false sends no SSLRequest, the password in clear when asked, and the query in clear, even with PGSSLMODE=require', async () => {
    const before = process.env.PGSSLMODE;
    process.env.PGSSLMODE = 'require';
    try {
      const text = await pgRun(() => ({ password: 'pg-s3cret', ssl: false }));
      expect(text.startsWith(SSL_REQUEST.toString('latin1'))).toBe(false);
      expect(text).toMatch(/p[\s\S]{4}pg-s3cret\u0000/);
      expect(text).toContain('SELECT 42');
    } finally {
      if (before === undefined) delete process.env.PGSSLMODE;
      else process.env.PGSSLMODE = before;
    }
  });

  it('pg without ssl reads PGSSLMODE when the client is made: disable sends no SSLRequest and the password in clear (also for a connection string without ssl parameters); an explicit ssl: true wins over it', async () => {
    const before = process.env.PGSSLMODE;
    try {
      // The variable is read: `require` makes pg send an SSLRequest first.
      process.env.PGSSLMODE = 'require';
      const required = await pgRun(() => ({ password: 'pg-s3cret' }));
      expect(required.startsWith(SSL_REQUEST.toString('latin1'))).toBe(true);
      expect(required).not.toContain('pg-s3cret');
      process.env.PGSSLMODE = 'disable';
      for (const config of [
        (): Record<string, unknown> => ({ password: 'pg-s3cret' }),
        (port: number) => ({ connectionString: `postgres://app:pg-s3cret@127.0.0.1:${port}/app` }),
      ]) {
        const text = await pgRun(config);
        expect(text.startsWith(SSL_REQUEST.toString('latin1'))).toBe(false);
        expect(text).toMatch(/p[\s\S]{4}pg-s3cret\u0000/);
        expect(text).toContain('SELECT 42');
      }
      // The way out: `ssl: true` in the options is used as is.
      const explicit = await pgRun(() => ({ password: 'pg-s3cret', ssl: true }));
      expect(explicit.startsWith(SSL_REQUEST.toString('latin1'))).toBe(true);
      expect(explicit).not.toContain('pg-s3cret');
    } finally {
      if (before === undefined) delete process.env.PGSSLMODE;
      else process.env.PGSSLMODE = before;
    }
  });

  it('pg with sslmode=disable (or ssl=0) in the connection string: plaintext, although the object says ssl: true', async () => {
    for (const params of ['sslmode=disable', 'ssl=0']) {
      const text = await pgRun((port) => ({ connectionString: `postgres://app:pg-s3cret@127.0.0.1:${port}/app?${params}`, ssl: true }));
      expect(text).toMatch(/p[\s\S]{4}pg-s3cret\u0000/);
      expect(text).toContain('SELECT 42');
    }
  });

  it("pg with a connectionString that sets no ssl parameter keeps the object's ssl: false: plaintext, the string's password", async () => {
    const text = await pgRun((port) => ({ connectionString: `postgres://app:pg-s3cret@127.0.0.1:${port}/app`, password: 'other', ssl: false }));
    expect(text.startsWith(SSL_REQUEST.toString('latin1'))).toBe(false);
    expect(text).toMatch(/p[\s\S]{4}pg-s3cret\u0000/);
    expect(text).toContain('SELECT 42');
  });

  it('pg with sslmode=prefer or allow requires TLS: after the server declines, it sends nothing more (no fallback)', async () => {
    for (const mode of ['prefer', 'allow']) {
      const { default: pg } = await import('pg');
      const server = await postgresServer(() => false);
      const client = new pg.Client({
        connectionString: `postgres://app:pg-s3cret@127.0.0.1:${server.port}/app?sslmode=${mode}`,
        connectionTimeoutMillis: 3000,
      });
      client.on('error', () => undefined);
      const error = await client.connect().then(
        () => undefined,
        (e: Error) => e,
      );
      server.close();
      const text = (await server.received).toString('latin1');
      expect(error?.message).toMatch(/does not support SSL/);
      expect(text).toBe(SSL_REQUEST.toString('latin1'));
    }
  });

  it('postgres.js with ssl: false (or sslmode=disable) sends the password in clear when asked, and its queries in clear', async () => {
    const { default: postgres } = await import('postgres');
    for (const form of ['options', 'url'] as const) {
      const server = await postgresServer(has('SELECT 42'));
      const sql =
        form === 'options'
          ? postgres({
              host: '127.0.0.1',
              port: server.port,
              user: 'app',
              pass: 'pg-s3cret',
              database: 'app',
              ssl: false,
              fetch_types: false,
              connect_timeout: 3,
            })
          : postgres(`postgres://app:pg-s3cret@127.0.0.1:${server.port}/app?sslmode=disable`, { fetch_types: false, connect_timeout: 3 });
      const done = sql.unsafe('SELECT 42').catch(() => undefined);
      const text = (await server.received).toString('latin1');
      server.close();
      await sql.end({ timeout: 0 }).catch(() => undefined);
      await done;
      expect(text.startsWith(SSL_REQUEST.toString('latin1'))).toBe(false);
      expect(text).toMatch(/p[\s\S]{4}pg-s3cret\u0000/);
      expect(text).toContain('SELECT 42');
    }
  });
});

describe('no-plaintext-fallback postgresPrefer: postgres.js with ssl prefer goes on without TLS when the server declines, and sends the password in clear when asked', () => {
  it("postgres.js ssl: 'prefer' (and sslmode=prefer): after `N`, the startup, the password and the query in clear", async () => {
    const { default: postgres } = await import('postgres');
    for (const form of ['options', 'url'] as const) {
      const server = await postgresServer(has('SELECT 42'));
      const sql =
        form === 'options'
          ? postgres({
              host: '127.0.0.1',
              port: server.port,
              user: 'app',
              pass: 'pg-s3cret',
              database: 'app',
              ssl: 'prefer',
              fetch_types: false,
              connect_timeout: 3,
            })
          : postgres(`postgres://app:pg-s3cret@127.0.0.1:${server.port}/app?sslmode=prefer`, { fetch_types: false, connect_timeout: 3 });
      const done = sql.unsafe('SELECT 42').catch(() => undefined);
      const text = (await server.received).toString('latin1');
      server.close();
      await sql.end({ timeout: 0 }).catch(() => undefined);
      await done;
      expect(text.startsWith(SSL_REQUEST.toString('latin1'))).toBe(true);
      expect(text).toMatch(/p[\s\S]{4}pg-s3cret\u0000/);
      expect(text).toContain('SELECT 42');
    }
  });

  it("postgres.js ssl: 'allow' and 'require' (silent) start TLS although the server declines: a ClientHello, no password", async () => {
    const { default: postgres } = await import('postgres');
    for (const ssl of ['allow', 'require'] as const) {
      const server = await postgresServer((b) => b.length > 8 + 5);
      const sql = postgres({
        host: '127.0.0.1',
        port: server.port,
        user: 'app',
        pass: 'pg-s3cret',
        database: 'app',
        ssl,
        fetch_types: false,
        connect_timeout: 3,
      });
      const done = sql.unsafe('SELECT 42').catch(() => undefined);
      const bytes = await server.received;
      server.close();
      await sql.end({ timeout: 0 }).catch(() => undefined);
      await done;
      expect(bytes.subarray(0, 8).equals(SSL_REQUEST)).toBe(true);
      expect(isClientHello(bytes.subarray(8))).toBe(true);
      expect(bytes.includes('pg-s3cret')).toBe(false);
    }
  });
});

describe('no-plaintext-fallback ldapClearBind: an ldapjs simple bind over ldap:// sends the password in clear', () => {
  it('client.bind(dn, password) and createClient({ bindDN, bindCredentials }) put the password into the BindRequest in clear; ldaps:// starts with a ClientHello', async () => {
    const ldap = await import('ldapjs');
    const plain = await recorder(has('ld4p-pw'));
    const a = ldap.createClient({ url: `ldap://127.0.0.1:${plain.port}`, connectTimeout: 3000 });
    a.on('error', () => undefined);
    a.bind('cn=app,dc=example,dc=com', 'ld4p-pw', () => undefined);
    const bytes = await plain.received;
    a.destroy();
    // LDAPMessage (SEQUENCE), BindRequest [APPLICATION 0], simple authentication [0] holding the password.
    expect(bytes[0]).toBe(0x30);
    expect(bytes.includes(Buffer.from('cn=app,dc=example,dc=com'))).toBe(true);
    expect(bytes.includes(Buffer.concat([Buffer.from([0x80, 'ld4p-pw'.length]), Buffer.from('ld4p-pw')]))).toBe(true);

    const setup = await recorder(has('ld4p-pw'));
    const b = ldap.createClient({
      url: `ldap://127.0.0.1:${setup.port}`,
      bindDN: 'cn=app,dc=example,dc=com',
      bindCredentials: 'ld4p-pw',
      connectTimeout: 3000,
    });
    b.on('error', () => undefined);
    expect((await setup.received).includes('ld4p-pw')).toBe(true);
    b.destroy();

    const tlsServer = await recorder((x) => x.length > 5);
    const c = ldap.createClient({ url: `ldaps://127.0.0.1:${tlsServer.port}`, connectTimeout: 3000 });
    c.on('error', () => undefined);
    c.bind('cn=app,dc=example,dc=com', 'ld4p-pw', () => undefined);
    const hello = await tlsServer.received;
    c.destroy();
    expect(isClientHello(hello)).toBe(true);
    expect(hello.includes('ld4p-pw')).toBe(false);
  });

  it('the same from a client held in a class field set once in the constructor and bound in a method', async () => {
    const ldap = await import('ldapjs');
    const server = await recorder(has('ld4p-pw'));
    class Directory {
      private readonly client: ReturnType<typeof ldap.createClient>;
      constructor(port: number) {
        this.client = ldap.createClient({ url: `ldap://127.0.0.1:${port}`, connectTimeout: 3000 });
        this.client.on('error', () => undefined);
      }
      login(password: string): void {
        this.client.bind('cn=app,dc=example,dc=com', password, () => undefined);
      }
      close(): void {
        this.client.destroy();
      }
    }
    const directory = new Directory(server.port);
    directory.login('ld4p-pw');
    const bytes = await server.received;
    directory.close();
    expect(bytes[0]).toBe(0x30);
    expect(bytes.includes(Buffer.concat([Buffer.from([0x80, 'ld4p-pw'.length]), Buffer.from('ld4p-pw')]))).toBe(true);
  });
});
