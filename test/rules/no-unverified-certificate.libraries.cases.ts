/**
 * The library catalogue (src/analysis/catalogue) for `no-unverified-certificate`: one or more cases per
 * library: its option bags (messages name the library and the option), agent slots, and aliases.
 * Typed versions (against the installed packages' own types) are in test/typed/. Electron cannot be
 * installed here (its install script downloads a binary), so its cases are untyped JavaScript.
 */
import type rule from '../../rules/no-unverified-certificate.js';
import type { CasesOf } from '../rule-tester.js';
import { js, validJs } from '../rule-tester.js';
import { alias } from './library-helpers.js';

const cases: CasesOf<typeof rule> = {
  valid: [
    // irc: without `secure` the connection is plaintext and `selfSigned` does nothing (no-plaintext-fallback's matter).
    validJs(`const irc = require('irc');
module.exports = new irc.Client('irc.example.net', 'bot', { selfSigned: true });`),
    validJs(`const irc = require('irc');
module.exports = new irc.Client('irc.example.net', 'bot', { secure: true, selfSigned: false });`),
    `import axios from 'axios';
import https from 'node:https';
import fs from 'node:fs';
export const api = axios.create({ httpsAgent: new https.Agent({ ca: fs.readFileSync('ca.pem') }) });`,
    `import { Agent, setGlobalDispatcher } from 'undici';
declare const ca: string;
setGlobalDispatcher(new Agent({ connect: { ca } }));`,
    validJs(`const request = require('request');
request({ url: 'https://a.example', strictSSL: true }, () => {});`),
    `import superagent from 'superagent';
declare const ca: string;
export const res = await superagent.get('https://a.example').ca(ca);`,
    `import pg from 'pg';
export const pool = new pg.Pool({ connectionString: 'postgres://app@db.internal/app?sslmode=require' });`,
    `import pg from 'pg';
export const pool = new pg.Pool({ ssl: 'require' as never });`,
    `export const config = { database: { ssl: 'require' } };`,
    `import postgres from 'postgres';
export const sql = postgres('postgres://app@db.internal/app', { ssl: 'verify-full' });`,
    `import postgres from 'postgres';
export const sql = postgres('postgres://app@db.internal/app?sslmode=verify-full');`,
    `export const url = 'postgres://app@db.internal/app?sslmode=require';`,
    `import { MongoClient } from 'mongodb';
export const client = new MongoClient('mongodb://db.internal/?tls=true&tlsInsecure=false', { tlsAllowInvalidCertificates: false });`,
    `export const note = 'see https://docs.example/?sslmode=no-verify for why not';`,
    validJs(`const { app } = require('electron');
const PINNED = 'sha256/abc';
app.on('certificate-error', (event, webContents, url, error, certificate, callback) => {
  if (certificate.fingerprint === PINNED) {
    event.preventDefault();
    callback(true);
  } else {
    callback(false);
  }
});`),
    validJs(`const { session } = require('electron');
session.defaultSession.setCertificateVerifyProc((request, callback) => callback(-3));`),
    validJs(`const { app } = require('electron');
app.commandLine.appendSwitch('disable-http-cache');`),
    `import puppeteer from 'puppeteer-core';
export const browser = await puppeteer.launch({ acceptInsecureCerts: false });`,
    `import { chromium } from 'playwright-core';
const browser = await chromium.launch();
export const context = await browser.newContext({ ignoreHTTPSErrors: process.env.CI === 'local' });`,
    `import WebSocket from 'ws';
export const socket = new WebSocket('wss://a.example', { rejectUnauthorized: true });`,
    // The last duplicate key wins (JavaScript: TypeScript rejects duplicate keys).
    validJs(`const { MongoClient } = require('mongodb');
module.exports = new MongoClient('mongodb://db.internal', { tlsInsecure: true, tlsInsecure: false });`),
    `import fetch from 'node-fetch';
import https from 'node:https';
export const res = await fetch('https://a.example', { agent: new https.Agent({ keepAlive: true }) });`,
    `import got from 'got';
declare const ca: string;
export const client = got.extend({ https: { certificateAuthority: ca, rejectUnauthorized: true } });`,
    validJs(`const needle = require('needle');
needle.get('https://a.example', { rejectUnauthorized: true }, () => {});`),
    `import { io } from 'socket.io-client';
export const socket = io('https://a.example', { rejectUnauthorized: true });`,
    // websocket-node reads TLS options only from `tlsOptions`: a top-level key is never read (loadtest 8.2.1,
    // lib/websocket.js). Untyped JavaScript: websocket is not installed here.
    validJs(`const websocket = require('websocket');
module.exports = new websocket.client({ rejectUnauthorized: false });`),
    validJs(`const WebSocketClient = require('websocket').client;
module.exports = new WebSocketClient({ closeTimeout: 1000, rejectUnauthorized: false });`),
    `import mysql from 'mysql2/promise';
declare const ca: string;
export const db = await mysql.createConnection({ host: 'db.internal', ssl: { ca, verifyIdentity: true } });`,
    `import mongoose from 'mongoose';
await mongoose.connect('mongodb://db.internal/app', { tls: true, tlsCAFile: '/etc/ssl/internal-ca.pem' });`,
    `import Redis from 'ioredis';
declare const ca: string;
export const redis = new Redis({ host: 'cache.internal', tls: { ca, servername: 'cache.internal' } });`,
    `import { createClient } from 'redis';
export const client = createClient({ socket: { host: 'cache.internal', tls: true, servername: 'cache.internal' } });`,
    `import nodemailer from 'nodemailer';
export const mailer = nodemailer.createTransport({ host: 'smtp.internal', port: 465, secure: true, tls: { minVersion: 'TLSv1.2' } });`,
    `import { Kafka } from 'kafkajs';
export const kafka = new Kafka({ brokers: ['kafka.internal:9093'], ssl: true });`,
    `import amqp from 'amqplib';
declare const ca: Buffer;
export const conn = await amqp.connect('amqps://mq.internal', { ca: [ca] });`,
    `import { credentials } from '@grpc/grpc-js';
export const creds = credentials.createSsl();`,
    `import { Client } from '@elastic/elasticsearch';
declare const ca: string;
export const es = new Client({ node: 'https://es.internal:9200', tls: { ca } });`,
    `import { connect } from 'nats';
export const nc = await connect({ servers: 'tls://nats.internal:4222', tls: { caFile: '/etc/ssl/nats-ca.pem' } });`,
    `import mqtt from 'mqtt';
declare const ca: string;
export const client = mqtt.connect('mqtts://broker.internal', { ca });`,
    validJs(`const ldap = require('ldapjs');
module.exports = ldap.createClient({ url: 'ldaps://ldap.internal', tlsOptions: { servername: 'ldap.internal' } });`),
    `import { HttpsProxyAgent } from 'https-proxy-agent';
export const agent = new HttpsProxyAgent('https://proxy.internal:3128');`,
    `import { NodeHttpHandler } from '@smithy/node-http-handler';
export const handler = new NodeHttpHandler({ httpsAgent: { keepAlive: true, maxSockets: 50 } });`,
    `import { chromium } from 'playwright-core';
const browser = await chromium.launch();
export const context = await browser.newContext({ ignoreHTTPSErrors: false });`,
    `import { Pool } from 'undici';
export const pool = new Pool('https://a.example', { connect: { rejectUnauthorized: true } });`,
    `import puppeteer from 'puppeteer-core';
export const browser = await puppeteer.launch({ args: ['--no-sandbox'] });`,
    `export const help = ['--ignore-certificate-errors is never used here'];`,
    `export const flag = '--ignore-certificate-errors';`,
    // AWS SDK v3 clients are not installed here: JavaScript cases.
    validJs(`import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({ region: 'eu-west-1', requestHandler: { httpsAgent: { keepAlive: true } } });`),
  ],
  invalid: [
    js({
      code: `const irc = require('irc');
module.exports = new irc.Client('irc.example.net', 'bot', { secure: true, selfSigned: true });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`irc`, `\`selfSigned: true\``),
          line: 2,
          column: 75,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Remove \`selfSigned: true\` (irc verifies by default).` },
              output: `const irc = require('irc');
module.exports = new irc.Client('irc.example.net', 'bot', { secure: true });`,
            },
          ],
        },
      ],
    }),
    js({
      code: `const irc = require('irc');
module.exports = new irc.Client('irc.example.net', 'bot', { secure: { rejectUnauthorized: false } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `irc \`new Client()\` \`secure\` options` },
          line: 2,
          column: 71,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `const irc = require('irc');
module.exports = new irc.Client('irc.example.net', 'bot', { secure: {} });`,
            },
          ],
        },
      ],
    }),
    {
      code: `import axios from 'axios';
import https from 'node:https';
export const api = axios.create({
  baseURL: 'https://api.internal',
  httpsAgent: new https.Agent({ rejectUnauthorized: false }),
});`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `new https.Agent() used as the axios \`httpsAgent\`` },
          line: 5,
          column: 33,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import axios from 'axios';
import https from 'node:https';
export const api = axios.create({
  baseURL: 'https://api.internal',
  httpsAgent: new https.Agent({}),
});`,
            },
            {
              messageId: 'useFactory',
              output: `import axios from 'axios';
import https from 'node:https';
import { secureAgent } from 'tlsguard-runtime';
export const api = axios.create({
  baseURL: 'https://api.internal',
  httpsAgent: secureAgent(),
});`,
            },
            {
              messageId: 'useFactoryWithCa',
              output: `import axios from 'axios';
import https from 'node:https';
import { secureAgent } from 'tlsguard-runtime';
export const api = axios.create({
  baseURL: 'https://api.internal',
  httpsAgent: secureAgent({ extraCa: process.env.TLS_PRIVATE_CA_PEM }),
});`,
            },
          ],
        },
      ],
    },
    {
      code: `import fetch from 'node-fetch';
import https from 'node:https';
const agent = new https.Agent({ rejectUnauthorized: false });
export const res = await fetch('https://a.example', { agent });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `new https.Agent() used as the node-fetch \`agent\`` },
          line: 3,
          column: 33,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import fetch from 'node-fetch';
import https from 'node:https';
const agent = new https.Agent({});
export const res = await fetch('https://a.example', { agent });`,
            },
            {
              messageId: 'useFactory',
              output: `import fetch from 'node-fetch';
import https from 'node:https';
import { secureAgent } from 'tlsguard-runtime';
const agent = secureAgent();
export const res = await fetch('https://a.example', { agent });`,
            },
            {
              messageId: 'useFactoryWithCa',
              output: `import fetch from 'node-fetch';
import https from 'node:https';
import { secureAgent } from 'tlsguard-runtime';
const agent = secureAgent({ extraCa: process.env.TLS_PRIVATE_CA_PEM });
export const res = await fetch('https://a.example', { agent });`,
            },
          ],
        },
      ],
    },
    {
      code: `import got from 'got';
export const body = await got('https://a.example', { https: { rejectUnauthorized: false } }).text();`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `got \`https\` options` },
          line: 2,
          column: 63,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import got from 'got';
export const body = await got('https://a.example', { https: {} }).text();`,
            },
          ],
        },
      ],
    },
    {
      code: `import got from 'got';
export const client = got.extend({ prefixUrl: 'https://api.internal', https: { rejectUnauthorized: false } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `got \`https\` options` },
          line: 2,
          column: 80,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import got from 'got';
export const client = got.extend({ prefixUrl: 'https://api.internal', https: {} });`,
            },
          ],
        },
      ],
    },
    {
      code: `import got from 'got';
import https from 'node:https';
export const res = await got.get('https://a.example', { agent: { https: new https.Agent({ rejectUnauthorized: false }) } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `new https.Agent() used as the got \`agent.https\`` },
          line: 3,
          column: 91,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import got from 'got';
import https from 'node:https';
export const res = await got.get('https://a.example', { agent: { https: new https.Agent({}) } });`,
            },
            {
              messageId: 'useFactory',
              output: `import got from 'got';
import https from 'node:https';
import { secureAgent } from 'tlsguard-runtime';
export const res = await got.get('https://a.example', { agent: { https: secureAgent() } });`,
            },
            {
              messageId: 'useFactoryWithCa',
              output: `import got from 'got';
import https from 'node:https';
import { secureAgent } from 'tlsguard-runtime';
export const res = await got.get('https://a.example', { agent: { https: secureAgent({ extraCa: process.env.TLS_PRIVATE_CA_PEM }) } });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { Agent, setGlobalDispatcher } from 'undici';
setGlobalDispatcher(new Agent({ connect: { rejectUnauthorized: false } }));`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `undici \`new Agent({ connect })\` installed process-wide by \`setGlobalDispatcher()\` (it also reaches Node's built-in \`fetch\`)` },
          line: 2,
          column: 44,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import { Agent, setGlobalDispatcher } from 'undici';
setGlobalDispatcher(new Agent({ connect: {} }));`,
            },
          ],
        },
      ],
    },
    {
      code: `import { Pool } from 'undici';
export const pool = new Pool('https://a.example', { connect: { rejectUnauthorized: false } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `undici \`new Pool(url, { connect })\`` },
          line: 2,
          column: 64,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import { Pool } from 'undici';
export const pool = new Pool('https://a.example', { connect: {} });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { ProxyAgent } from 'undici';
export const proxy = new ProxyAgent({ uri: 'https://proxy.internal:3128', proxyTls: { rejectUnauthorized: false } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `undici \`new ProxyAgent({ proxyTls })\` (the connection to the proxy)` },
          line: 2,
          column: 87,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import { ProxyAgent } from 'undici';
export const proxy = new ProxyAgent({ uri: 'https://proxy.internal:3128', proxyTls: {} });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { ProxyAgent } from 'undici';
export const proxy = new ProxyAgent({ uri: 'http://proxy.internal:3128', requestTls: { rejectUnauthorized: false } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `undici \`new ProxyAgent({ requestTls })\` (the connection to the target)` },
          line: 2,
          column: 88,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import { ProxyAgent } from 'undici';
export const proxy = new ProxyAgent({ uri: 'http://proxy.internal:3128', requestTls: {} });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { buildConnector, Client } from 'undici';
const connector = buildConnector({ rejectUnauthorized: false });
export const client = new Client('https://a.example', { connect: connector });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `undici \`buildConnector()\`` },
          line: 2,
          column: 36,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import { buildConnector, Client } from 'undici';
const connector = buildConnector({});
export const client = new Client('https://a.example', { connect: connector });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { Agent, fetch } from 'undici';
export const res = await fetch('https://a.example', { dispatcher: new Agent({ connect: { rejectUnauthorized: false } }) });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `undici \`new Agent({ connect })\` used as the \`fetch\` \`dispatcher\`` },
          line: 2,
          column: 90,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import { Agent, fetch } from 'undici';
export const res = await fetch('https://a.example', { dispatcher: new Agent({ connect: {} }) });`,
            },
          ],
        },
      ],
    },
    // Node's global fetch (JavaScript: undici 7's Agent type differs from the undici-types bundled with @types/node).
    js({
      code: `import { Agent } from 'undici';
const dispatcher = new Agent({ connect: { rejectUnauthorized: false } });
export const res = await fetch('https://a.example', { dispatcher });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `undici \`new Agent({ connect })\` used as the \`fetch\` \`dispatcher\`` },
          line: 2,
          column: 43,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import { Agent } from 'undici';
const dispatcher = new Agent({ connect: {} });
export const res = await fetch('https://a.example', { dispatcher });`,
            },
          ],
        },
      ],
    }),
    js({
      code: `const request = require('request');
request({ url: 'https://a.example', strictSSL: false }, () => {});`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`request`, `\`strictSSL: false\``),
          line: 2,
          column: 37,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Remove \`strictSSL: false\` (request verifies by default).` },
              output: `const request = require('request');
request({ url: 'https://a.example' }, () => {});`,
            },
          ],
        },
      ],
    }),
    js({
      code: `const request = require('request');
request.get('https://a.example', { rejectUnauthorized: false }, () => {});`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `request options` },
          line: 2,
          column: 36,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `const request = require('request');
request.get('https://a.example', {}, () => {});`,
            },
          ],
        },
      ],
    }),
    js({
      code: `const request = require('request');
module.exports = request.defaults({ agentOptions: { rejectUnauthorized: false } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `request \`agentOptions\`` },
          line: 2,
          column: 53,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `const request = require('request');
module.exports = request.defaults({ agentOptions: {} });`,
            },
          ],
        },
      ],
    }),
    {
      code: `import superagent from 'superagent';
export const res = await superagent.get('https://a.example').disableTLSCerts();`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`superagent`, `\`.disableTLSCerts()\``),
          line: 2,
          column: 26,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Remove \`.disableTLSCerts()\`.` },
              output: `import superagent from 'superagent';
export const res = await superagent.get('https://a.example');`,
            },
          ],
        },
      ],
    },
    js({
      code: `const request = require('superagent');
const req = request.get('https://a.example');
req.disableTLSCerts();
req.end(() => {});`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`superagent`, `\`.disableTLSCerts()\``),
          line: 3,
          column: 1,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Remove \`.disableTLSCerts()\`.` },
              output: `const request = require('superagent');
const req = request.get('https://a.example');
req.end(() => {});`,
            },
          ],
        },
      ],
    }),
    js({
      code: `const needle = require('needle');
needle.get('https://a.example', { rejectUnauthorized: false }, () => {});`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `needle options` },
          line: 2,
          column: 35,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `const needle = require('needle');
needle.get('https://a.example', {}, () => {});`,
            },
          ],
        },
      ],
    }),
    js({
      code: `const needle = require('needle');
needle.post('https://a.example', { a: 1 }, { json: true, rejectUnauthorized: false });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `needle options` },
          line: 2,
          column: 58,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `const needle = require('needle');
needle.post('https://a.example', { a: 1 }, { json: true });`,
            },
          ],
        },
      ],
    }),
    {
      code: `import WebSocket from 'ws';
export const socket = new WebSocket('wss://a.example', { rejectUnauthorized: false });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `ws \`new WebSocket()\` options` },
          line: 2,
          column: 58,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import WebSocket from 'ws';
export const socket = new WebSocket('wss://a.example', {});`,
            },
          ],
        },
      ],
    },
    js({
      code: `const { client: WebSocketClient } = require('websocket');
module.exports = new WebSocketClient({ tlsOptions: { rejectUnauthorized: false } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: 'websocket `new WebSocketClient()` `tlsOptions`' },
          line: 2,
          column: 54,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `const { client: WebSocketClient } = require('websocket');
module.exports = new WebSocketClient({ tlsOptions: {} });`,
            },
          ],
        },
      ],
    }),
    {
      code: `import { io } from 'socket.io-client';
export const socket = io('https://a.example', { rejectUnauthorized: false });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `socket.io-client \`io()\` options` },
          line: 2,
          column: 49,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import { io } from 'socket.io-client';
export const socket = io('https://a.example', {});`,
            },
          ],
        },
      ],
    },
    {
      code: `import pg from 'pg';
export const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: false } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `pg \`ssl\` options` },
          line: 2,
          column: 86,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import pg from 'pg';
export const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, ssl: {} });`,
            },
          ],
        },
      ],
    },
    js({
      code: `const { Client } = require('pg');
module.exports = new Client({ host: 'db.internal', ssl: 'no-verify' });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`pg`, `\`ssl: 'no-verify'\``),
          line: 2,
          column: 52,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Replace with \`ssl: true\` (TLS with verification).` },
              output: `const { Client } = require('pg');
module.exports = new Client({ host: 'db.internal', ssl: true });`,
            },
          ],
        },
      ],
    }),
    js({
      code: `const { Pool } = require('pg');
module.exports = new Pool({ connectionString: 'postgres://app@db.internal/app?sslmode=no-verify' });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`pg`, `\`sslmode=no-verify\``),
          line: 2,
          column: 47,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Use \`sslmode=verify-full\`.` },
              output: `const { Pool } = require('pg');
module.exports = new Pool({ connectionString: 'postgres://app@db.internal/app?sslmode=verify-full' });`,
            },
          ],
        },
      ],
    }),
    {
      code: `import postgres from 'postgres';
export const sql = postgres('postgres://app@db.internal/app', { ssl: 'require' });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`postgres.js`, `\`ssl: 'require'\``),
          line: 2,
          column: 65,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Replace with \`ssl: 'verify-full'\`.` },
              output: `import postgres from 'postgres';
export const sql = postgres('postgres://app@db.internal/app', { ssl: 'verify-full' });`,
            },
          ],
        },
      ],
    },
    {
      code: `import postgres from 'postgres';
export const sql = postgres('postgres://app@db.internal/app?sslmode=require');`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`postgres.js`, `\`sslmode=require\``),
          line: 2,
          column: 29,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Use \`sslmode=verify-full\`.` },
              output: `import postgres from 'postgres';
export const sql = postgres('postgres://app@db.internal/app?sslmode=verify-full');`,
            },
          ],
        },
      ],
    },
    {
      code: `import postgres from 'postgres';
export const sql = postgres({ host: 'db.internal', ssl: { rejectUnauthorized: false } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `postgres.js \`ssl\` options` },
          line: 2,
          column: 59,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import postgres from 'postgres';
export const sql = postgres({ host: 'db.internal', ssl: {} });`,
            },
          ],
        },
      ],
    },
    {
      code: `import mysql from 'mysql2/promise';
export const db = await mysql.createConnection({ host: 'db.internal', ssl: { rejectUnauthorized: false } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `mysql2 \`ssl\` options` },
          line: 2,
          column: 78,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import mysql from 'mysql2/promise';
export const db = await mysql.createConnection({ host: 'db.internal', ssl: {} });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { MongoClient } from 'mongodb';
export const client = new MongoClient('mongodb://db.internal', { tls: true, tlsAllowInvalidCertificates: true });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`mongodb`, `\`tlsAllowInvalidCertificates: true\``),
          line: 2,
          column: 77,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Remove \`tlsAllowInvalidCertificates: true\`.` },
              output: `import { MongoClient } from 'mongodb';
export const client = new MongoClient('mongodb://db.internal', { tls: true });`,
            },
          ],
        },
      ],
    },
    {
      code: `export const mongoOptions = { tls: true, tlsInsecure: true };`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`mongodb`, `\`tlsInsecure: true\``),
          line: 1,
          column: 42,
          suggestions: [{ messageId: 'libraryFix', data: { fix: `Remove \`tlsInsecure: true\`.` }, output: `export const mongoOptions = { tls: true };` }],
        },
      ],
    },
    js({
      code: `const { MongoClient } = require('mongodb');
module.exports = new MongoClient('mongodb://db.internal', { ssl: true, sslValidate: false });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`mongodb`, `\`sslValidate: false\``),
          line: 2,
          column: 72,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Remove \`sslValidate: false\`.` },
              output: `const { MongoClient } = require('mongodb');
module.exports = new MongoClient('mongodb://db.internal', { ssl: true });`,
            },
          ],
        },
      ],
    }),
    {
      code: `import { MongoClient } from 'mongodb';
export const client = new MongoClient('mongodb+srv://cluster.example/app?tls=true&tlsInsecure=true');`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`mongodb`, `\`tlsInsecure=true\``),
          line: 2,
          column: 39,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Use \`tlsInsecure=false\`.` },
              output: `import { MongoClient } from 'mongodb';
export const client = new MongoClient('mongodb+srv://cluster.example/app?tls=true&tlsInsecure=false');`,
            },
          ],
        },
      ],
    },
    {
      code: `import mongoose from 'mongoose';
await mongoose.connect(\`mongodb://\${process.env.DB_HOST}/app?tlsAllowInvalidCertificates=true\`);`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`mongodb`, `\`tlsAllowInvalidCertificates=true\``),
          line: 2,
          column: 24,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Use \`tlsAllowInvalidCertificates=false\`.` },
              output: `import mongoose from 'mongoose';
await mongoose.connect(\`mongodb://\${process.env.DB_HOST}/app?tlsAllowInvalidCertificates=false\`);`,
            },
          ],
        },
      ],
    },
    {
      code: `import mongoose from 'mongoose';
await mongoose.connect('mongodb://db.internal/app', { tls: true, rejectUnauthorized: false });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `mongoose connection options` },
          line: 2,
          column: 66,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import mongoose from 'mongoose';
await mongoose.connect('mongodb://db.internal/app', { tls: true });`,
            },
          ],
        },
      ],
    },
    {
      code: `import Redis from 'ioredis';
export const redis = new Redis({ host: 'cache.internal', tls: { rejectUnauthorized: false } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `ioredis \`tls\` options` },
          line: 2,
          column: 65,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import Redis from 'ioredis';
export const redis = new Redis({ host: 'cache.internal', tls: {} });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { Cluster } from 'ioredis';
export const cluster = new Cluster([{ host: 'cache.internal', port: 6380 }], { redisOptions: { tls: { rejectUnauthorized: false } } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `ioredis \`new Cluster()\` \`redisOptions.tls\`` },
          line: 2,
          column: 103,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import { Cluster } from 'ioredis';
export const cluster = new Cluster([{ host: 'cache.internal', port: 6380 }], { redisOptions: { tls: {} } });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { createClient } from 'redis';
export const client = createClient({ socket: { host: 'cache.internal', tls: true, rejectUnauthorized: false } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `node-redis \`createClient({ socket })\`` },
          line: 2,
          column: 83,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import { createClient } from 'redis';
export const client = createClient({ socket: { host: 'cache.internal', tls: true } });`,
            },
          ],
        },
      ],
    },
    {
      code: `import nodemailer from 'nodemailer';
export const mailer = nodemailer.createTransport({ host: 'smtp.internal', port: 587, tls: { rejectUnauthorized: false } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `nodemailer \`createTransport({ tls })\`` },
          line: 2,
          column: 93,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import nodemailer from 'nodemailer';
export const mailer = nodemailer.createTransport({ host: 'smtp.internal', port: 587, tls: {} });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { Kafka } from 'kafkajs';
export const kafka = new Kafka({ brokers: ['kafka.internal:9093'], ssl: { rejectUnauthorized: false } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `kafkajs \`new Kafka({ ssl })\`` },
          line: 2,
          column: 75,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import { Kafka } from 'kafkajs';
export const kafka = new Kafka({ brokers: ['kafka.internal:9093'], ssl: {} });`,
            },
          ],
        },
      ],
    },
    {
      code: `import amqp from 'amqplib';
export const conn = await amqp.connect('amqps://mq.internal', { rejectUnauthorized: false });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `amqplib \`connect()\` socket options` },
          line: 2,
          column: 65,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import amqp from 'amqplib';
export const conn = await amqp.connect('amqps://mq.internal', {});`,
            },
          ],
        },
      ],
    },
    {
      code: `import { credentials } from '@grpc/grpc-js';
export const creds = credentials.createSsl(null, null, null, { rejectUnauthorized: false });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `@grpc/grpc-js \`credentials.createSsl()\` verify options` },
          line: 2,
          column: 64,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import { credentials } from '@grpc/grpc-js';
export const creds = credentials.createSsl(null, null, null, {});`,
            },
          ],
        },
      ],
    },
    {
      code: `import { Client } from '@elastic/elasticsearch';
export const es = new Client({ node: 'https://es.internal:9200', tls: { rejectUnauthorized: false } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `@elastic/elasticsearch \`new Client({ tls })\`` },
          line: 2,
          column: 73,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import { Client } from '@elastic/elasticsearch';
export const es = new Client({ node: 'https://es.internal:9200', tls: {} });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { connect } from 'nats';
export const nc = await connect({ servers: 'tls://nats.internal:4222', tls: { rejectUnauthorized: false } as never });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `nats \`connect({ tls })\`` },
          line: 2,
          column: 79,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import { connect } from 'nats';
export const nc = await connect({ servers: 'tls://nats.internal:4222', tls: {} as never });`,
            },
          ],
        },
      ],
    },
    {
      code: `import mqtt from 'mqtt';
export const client = mqtt.connect('mqtts://broker.internal', { rejectUnauthorized: false });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `mqtt \`connect()\` options` },
          line: 2,
          column: 65,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import mqtt from 'mqtt';
export const client = mqtt.connect('mqtts://broker.internal', {});`,
            },
          ],
        },
      ],
    },
    js({
      code: `const ldap = require('ldapjs');
module.exports = ldap.createClient({ url: 'ldaps://ldap.internal', tlsOptions: { rejectUnauthorized: false } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `ldapjs \`createClient({ tlsOptions })\`` },
          line: 2,
          column: 82,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `const ldap = require('ldapjs');
module.exports = ldap.createClient({ url: 'ldaps://ldap.internal', tlsOptions: {} });`,
            },
          ],
        },
      ],
    }),
    {
      code: `import { HttpsProxyAgent } from 'https-proxy-agent';
export const agent = new HttpsProxyAgent('https://proxy.internal:3128', { rejectUnauthorized: false });`,
      errors: [
        {
          messageId: 'clientSink',
          data: {
            sink: `the connection to the proxy of \`new HttpsProxyAgent(proxy, options)\` (https-proxy-agent applies these options to the TLS hop to an \`https:\` proxy only; the target is verified by the request's own options)`,
          },
          line: 2,
          column: 75,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import { HttpsProxyAgent } from 'https-proxy-agent';
export const agent = new HttpsProxyAgent('https://proxy.internal:3128', {});`,
            },
          ],
        },
      ],
    },
    {
      code: `import { NodeHttpHandler } from '@smithy/node-http-handler';
export const handler = new NodeHttpHandler({ httpsAgent: { rejectUnauthorized: false } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `the AWS SDK \`NodeHttpHandler\` \`httpsAgent\` options` },
          line: 2,
          column: 60,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import { NodeHttpHandler } from '@smithy/node-http-handler';
export const handler = new NodeHttpHandler({ httpsAgent: {} });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { NodeHttpHandler } from '@smithy/node-http-handler';
import https from 'node:https';
export const handler = new NodeHttpHandler({ httpsAgent: new https.Agent({ rejectUnauthorized: false }) });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `new https.Agent() used as the AWS SDK \`NodeHttpHandler\` \`httpsAgent\`` },
          line: 3,
          column: 76,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import { NodeHttpHandler } from '@smithy/node-http-handler';
import https from 'node:https';
export const handler = new NodeHttpHandler({ httpsAgent: new https.Agent({}) });`,
            },
            {
              messageId: 'useFactory',
              output: `import { NodeHttpHandler } from '@smithy/node-http-handler';
import https from 'node:https';
import { secureAgent } from 'tlsguard-runtime';
export const handler = new NodeHttpHandler({ httpsAgent: secureAgent() });`,
            },
            {
              messageId: 'useFactoryWithCa',
              output: `import { NodeHttpHandler } from '@smithy/node-http-handler';
import https from 'node:https';
import { secureAgent } from 'tlsguard-runtime';
export const handler = new NodeHttpHandler({ httpsAgent: secureAgent({ extraCa: process.env.TLS_PRIVATE_CA_PEM }) });`,
            },
          ],
        },
      ],
    },
    {
      code: `import puppeteer from 'puppeteer-core';
export const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', acceptInsecureCerts: true });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`puppeteer, WebDriver`, `\`acceptInsecureCerts: true\``),
          line: 2,
          column: 86,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Remove \`acceptInsecureCerts: true\`.` },
              output: `import puppeteer from 'puppeteer-core';
export const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium' });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { chromium } from 'playwright-core';
const browser = await chromium.launch();
export const context = await browser.newContext({ ignoreHTTPSErrors: true });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`playwright, puppeteer < 23`, `\`ignoreHTTPSErrors: true\``),
          line: 3,
          column: 51,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Remove \`ignoreHTTPSErrors: true\`.` },
              output: `import { chromium } from 'playwright-core';
const browser = await chromium.launch();
export const context = await browser.newContext({});`,
            },
          ],
        },
      ],
    },
    js({
      code: `const { app } = require('electron');
app.on('certificate-error', (event, webContents, url, error, certificate, callback) => {
  event.preventDefault();
  callback(true);
});`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`Electron`, `\`callback(true)\` in a \`certificate-error\` handler`),
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Call \`callback(false)\` (reject the certificate).` },
              output: `const { app } = require('electron');
app.on('certificate-error', (event, webContents, url, error, certificate, callback) => {
  event.preventDefault();
  callback(false);
});`,
            },
          ],
        },
      ],
    }),
    js({
      code: `const { session } = require('electron');
session.defaultSession.setCertificateVerifyProc((request, callback) => callback(0));`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`Electron`, `\`setCertificateVerifyProc\` calling back \`0\``),
          line: 2,
          column: 72,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Call back \`-3\` (use the result of Chromium's verification).` },
              output: `const { session } = require('electron');
session.defaultSession.setCertificateVerifyProc((request, callback) => callback(-3));`,
            },
          ],
        },
      ],
    }),
    js({
      code: `const { app } = require('electron');
app.commandLine.appendSwitch('ignore-certificate-errors');`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`Electron`, `\`appendSwitch('ignore-certificate-errors')\``),
          line: 2,
          column: 1,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Remove this call.` },
              output: `const { app } = require('electron');
`,
            },
          ],
        },
      ],
    }),
    js({
      code: `const { BrowserWindow } = require('electron');
const win = new BrowserWindow();
win.webContents.on('certificate-error', (event, url, error, certificate, callback) => {
  event.preventDefault();
  callback(true);
});`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`Electron`, `\`callback(true)\` in a \`certificate-error\` handler`),
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Call \`callback(false)\` (reject the certificate).` },
              output: `const { BrowserWindow } = require('electron');
const win = new BrowserWindow();
win.webContents.on('certificate-error', (event, url, error, certificate, callback) => {
  event.preventDefault();
  callback(false);
});`,
            },
          ],
        },
      ],
    }),
    {
      code: `import puppeteer from 'puppeteer-core';
export const browser = await puppeteer.launch({ args: ['--no-sandbox', '--ignore-certificate-errors'] });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`Chromium flags: puppeteer, playwright, Selenium`, `\`'--ignore-certificate-errors'\``),
          line: 2,
          column: 72,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Remove the flag.` },
              output: `import puppeteer from 'puppeteer-core';
export const browser = await puppeteer.launch({ args: ['--no-sandbox'] });`,
            },
          ],
        },
      ],
    },
    js({
      code: `const { chromium } = require('playwright-core');
module.exports = chromium.launch({ args: ["--allow-insecure-localhost"] });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`Chromium flags: puppeteer, playwright, Selenium`, `\`"--allow-insecure-localhost"\``),
          line: 2,
          column: 43,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Remove the flag.` },
              output: `const { chromium } = require('playwright-core');
module.exports = chromium.launch({ args: [] });`,
            },
          ],
        },
      ],
    }),
    // AWS SDK v3 clients are not installed here: JavaScript cases.
    js({
      code: `import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({ region: 'eu-west-1', requestHandler: { httpsAgent: { rejectUnauthorized: false } } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `the AWS SDK \`new S3Client({ requestHandler: { httpsAgent } })\` options` },
          line: 2,
          column: 87,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({ region: 'eu-west-1', requestHandler: { httpsAgent: {} } });`,
            },
          ],
        },
      ],
    }),
    js({
      code: `const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const https = require('https');
module.exports = new DynamoDBClient({ requestHandler: { httpsAgent: new https.Agent({ rejectUnauthorized: false }) } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `new https.Agent() used as the AWS SDK \`DynamoDBClient\` \`requestHandler.httpsAgent\`` },
          line: 3,
          column: 87,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const https = require('https');
module.exports = new DynamoDBClient({ requestHandler: { httpsAgent: new https.Agent({}) } });`,
            },
            {
              messageId: 'useFactory',
              output: `const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const https = require('https');
const { secureAgent } = require('tlsguard-runtime');
module.exports = new DynamoDBClient({ requestHandler: { httpsAgent: secureAgent() } });`,
            },
            {
              messageId: 'useFactoryWithCa',
              output: `const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const https = require('https');
const { secureAgent } = require('tlsguard-runtime');
module.exports = new DynamoDBClient({ requestHandler: { httpsAgent: secureAgent({ extraCa: process.env.TLS_PRIVATE_CA_PEM }) } });`,
            },
          ],
        },
      ],
    }),
  ],
};

export default cases;
