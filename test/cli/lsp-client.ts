/** A minimal Language Server Protocol client over stdio (JSON-RPC with Content-Length framing), for tests. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** Any JSON value (checked by the caller). */
type Json = unknown;

interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: Json;
  result?: Json;
  error?: { code: number; message: string };
}

export type RequestHandler = (method: string, params: Json | undefined) => Json;

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number | string, { resolve: (value: Json) => void; reject: (error: Error) => void }>();
  private readonly listeners: ((method: string, params: Json | undefined) => void)[] = [];
  readonly log: string[] = [];

  constructor(
    command: string,
    args: readonly string[],
    cwd: string,
    private readonly onRequest: RequestHandler,
  ) {
    this.child = spawn(command, [...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env } });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => this.log.push(chunk.toString('utf8')));
    this.child.on('exit', (code) => {
      for (const p of this.pending.values()) p.reject(new Error(`language server exited (${code}); log:\n${this.log.join('')}`));
      this.pending.clear();
    });
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length: *(\d+)/i.exec(header)?.[1] ?? NaN);
      if (!Number.isFinite(length) || this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (process.env.TLSGUARD_LSP_TRACE) this.log.push(`<- ${JSON.stringify(message).slice(0, 600)}\n`);
    if (message.method !== undefined && message.id !== undefined) {
      let result: Json = null;
      try {
        result = this.onRequest(message.method, message.params);
      } catch (error) {
        this.send({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: String(error) } });
        return;
      }
      this.send({ jsonrpc: '2.0', id: message.id, result });
    } else if (message.method !== undefined) {
      if (message.method === 'window/logMessage') this.log.push(`${JSON.stringify(message.params)}\n`);
      for (const l of this.listeners) l(message.method, message.params);
    } else if (message.id !== undefined) {
      const p = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) p?.reject(new Error(`${message.error.message} (${message.error.code})`));
      else p?.resolve(message.result ?? null);
    }
  }

  request(method: string, params: Json): Promise<Json> {
    const id = this.nextId++;
    const promise = new Promise<Json>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.send({ jsonrpc: '2.0', id, method, params });
    return promise;
  }

  notify(method: string, params: Json): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** The next notification `method` whose params satisfy `accept`. */
  waitFor(method: string, accept: (params: Json | undefined) => boolean, timeoutMs: number): Promise<Json | undefined> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} within ${timeoutMs} ms; log:\n${this.log.join('')}`)), timeoutMs);
      this.listeners.push((m, params) => {
        if (m === method && accept(params)) {
          clearTimeout(timer);
          resolve(params);
        }
      });
    });
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit', null);
    } finally {
      setTimeout(() => this.child.kill(), 500).unref();
    }
  }
}
