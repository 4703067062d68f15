/**
 * Web mode: the same renderer and the same API over HTTP + WebSocket on 127.0.0.1.
 *
 * Security (issue 10): binds to loopback only; a random per-launch token is required on every HTTP
 * request (query `token` on the first load, then an HttpOnly SameSite=Strict cookie) and on the
 * WebSocket; the Host header must be the loopback address we bound (DNS-rebinding safe) and any
 * Origin must be our own.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { decodeWire, encodeWire, type WireCall, type WireEvent, type WireReply } from '../renderer/src/lib/wireCodec.js';
import { WORKBENCH_METHODS } from './api.js';
import type { Workbench } from './workbench.js';
import { toErrorPayload } from './store/errors.js';

export interface WebServerOptions {
  workbench: Workbench;
  /** Built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
}

export interface WebServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticRoot = resolve(options.staticDir);
  const methods = new Set<string>(WORKBENCH_METHODS);
  let port = 0;

  const tokenOk = (candidate: string | null | undefined): boolean => {
    if (!candidate) return false;
    const a = Buffer.from(candidate), b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };
  const cookieToken = (req: IncomingMessage): string | undefined =>
    /(?:^|;\s*)wb_token=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  const hostOk = (req: IncomingMessage): boolean => {
    const host = req.headers.host ?? '';
    return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  };
  const originOk = (req: IncomingMessage): boolean => {
    const origin = req.headers.origin;
    return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
  };

  const refuse = (res: ServerResponse, code: number, text: string) => {
    res.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(text);
  };

  const server: Server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      if (!hostOk(req) || !originOk(req)) return refuse(res, 403, 'Forbidden: wrong host or origin');
      const queryToken = url.searchParams.get('token');
      if (!tokenOk(queryToken) && !tokenOk(cookieToken(req))) return refuse(res, 401, 'Unauthorized: open the URL printed by the workbench (it carries the access token)');
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
      let rel = decodeURIComponent(url.pathname);
      if (rel === '/' || rel === '') rel = '/index.html';
      const file = normalize(join(staticRoot, rel));
      if (!file.startsWith(staticRoot + sep)) return refuse(res, 403, 'Forbidden');
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) return refuse(res, 404, 'Not found');
      const headers: Record<string, string> = {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
      };
      if (tokenOk(queryToken)) headers['Set-Cookie'] = `wb_token=${token}; HttpOnly; SameSite=Strict; Path=/`;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : await readFile(file));
    } catch (e) {
      refuse(res, 500, `Internal error: ${(e as Error).message}`);
    }
  });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
  });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const authorised = tokenOk(url.searchParams.get('token')) || tokenOk(cookieToken(req));
    if (url.pathname !== '/ws' || !hostOk(req) || !originOk(req) || !authorised) {
      socket.write(`HTTP/1.1 ${authorised ? 403 : 401} ${authorised ? 'Forbidden' : 'Unauthorized'}\r\nConnection: close\r\n\r\n`);
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  const clients = new Set<WebSocket>();
  const broadcast = (event: WireEvent) => {
    const text = encodeWire(event);
    for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(text);
  };
  const onProgress = (payload: unknown) => broadcast({ type: 'event', event: 'runProgress', payload });
  const onChange = (payload: unknown) => broadcast({ type: 'event', event: 'runChange', payload });
  options.workbench.events.on('runProgress', onProgress);
  options.workbench.events.on('runChange', onChange);

  wss.on('connection', (ws) => {
    clients.add(ws);
    ws.on('close', () => clients.delete(ws));
    ws.on('message', async (data) => {
      let call: WireCall;
      try {
        call = decodeWire<WireCall>(data.toString());
        if (call?.type !== 'call' || !Number.isInteger(call.seq) || typeof call.method !== 'string' || !Array.isArray(call.args)) throw new Error('malformed call');
      } catch (e) {
        ws.send(encodeWire({ type: 'reply', seq: -1, ok: false, error: { name: 'Error', message: `Malformed message: ${(e as Error).message}` } } satisfies WireReply));
        return;
      }
      let reply: WireReply;
      try {
        if (!methods.has(call.method)) throw new Error(`Unknown method ${call.method}`);
        const fn = (options.workbench.handlers as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[call.method];
        const value = await fn(...call.args);
        reply = { type: 'reply', seq: call.seq, ok: true, value: value ?? null };
      } catch (e) {
        reply = { type: 'reply', seq: call.seq, ok: false, error: toErrorPayload(e) };
      }
      if (ws.readyState === ws.OPEN) ws.send(encodeWire(reply));
    });
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}/?token=${token}`;
  return {
    url,
    port,
    token,
    async close() {
      options.workbench.events.off('runProgress', onProgress);
      options.workbench.events.off('runChange', onChange);
      for (const ws of clients) ws.terminate();
      wss.close();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
