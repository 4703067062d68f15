import type { FieldIssue, WorkbenchMethod } from '../../../electron/api';
import { decodeWire, encodeWire, type WireCall, type WireEvent, type WireReply } from './wireCodec';
import { WorkbenchError } from './WorkbenchError';
import type { ConnectionState } from './state/connection.svelte';

interface Pending {
  method: string;
  resolve: (value: unknown) => void;
  reject: (error: WorkbenchError) => void;
}

type Listener = (payload: unknown) => void;

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 5000;

/**
 * Web-mode transport: request/response calls and pushed events over one WebSocket.
 *
 * A dropped socket (server restart, laptop sleep) is reopened with exponential backoff. Calls that
 * were in flight fail with a clear error rather than being replayed: replaying a `startRun` could
 * start a second run. Calls made while disconnected wait for the next open socket.
 */
export class WebSocketClient {
  private socket: WebSocket | null = null;
  private seq = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly outbox: string[] = [];
  /** Listeners by event name ("runProgress", "runChange", …). */
  private readonly listeners = new Map<string, Set<Listener>>();
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly url: string,
    private readonly connection: ConnectionState,
  ) {
    this.open();
    // Coming back from sleep or a network change: try at once instead of waiting out the backoff.
    window.addEventListener('online', () => this.retryNow());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.retryNow();
    });
  }

  call<T>(method: WorkbenchMethod, args: unknown[]): Promise<T> {
    const seq = ++this.seq;
    const message: WireCall = { type: 'call', seq, method, args };
    return new Promise<T>((resolve, reject) => {
      this.pending.set(seq, { method, resolve: resolve as (v: unknown) => void, reject });
      const text = encodeWire(message);
      if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(text);
      else this.outbox.push(text);
    });
  }

  on(event: string, listener: Listener): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  private open(): void {
    this.retryTimer = null;
    this.connection.markConnecting();
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.url);
    } catch (error) {
      this.scheduleRetry(String(error));
      return;
    }
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.retryMs = FIRST_RETRY_MS;
      this.connection.markOpen();
      for (const text of this.outbox.splice(0)) socket.send(text);
    });
    socket.addEventListener('message', (e: MessageEvent) => {
      if (typeof e.data === 'string') this.receive(e.data);
    });
    socket.addEventListener('close', (e: CloseEvent) => {
      if (this.socket !== socket) return;
      this.socket = null;
      const reason = e.reason || (e.code === 1000 ? 'closed' : `connection lost (code ${e.code})`);
      this.failPending(reason);
      this.scheduleRetry(reason);
    });
  }

  private receive(text: string): void {
    let message: WireReply | WireEvent;
    try {
      message = decodeWire<WireReply | WireEvent>(text);
    } catch {
      console.error('Unreadable message from the server', text.slice(0, 200));
      return;
    }
    if (message.type === 'reply') {
      const pending = this.pending.get(message.seq);
      if (!pending) return;
      this.pending.delete(message.seq);
      if (message.ok) pending.resolve(message.value);
      else pending.reject(WorkbenchError.from({ ...message.error, issues: message.error.issues ?? ([] as FieldIssue[]) }));
    } else if (message.type === 'event') {
      const set = this.listeners.get(message.event);
      if (!set) return;
      for (const listener of [...set]) {
        try {
          listener(message.payload);
        } catch (error) {
          console.error(`A ${message.event} listener threw`, error);
        }
      }
    }
  }

  private failPending(reason: string): void {
    for (const [seq, p] of this.pending) {
      p.reject(new WorkbenchError('Error', `${p.method}: the connection to the workbench was lost (${reason}); try again.`));
      this.pending.delete(seq);
    }
    // Unsent calls from before the drop are kept: they were never seen by the server, so sending
    // them after reconnecting cannot duplicate anything.
  }

  private scheduleRetry(reason: string): void {
    const delay = this.retryMs * (0.8 + 0.4 * Math.random());
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    this.connection.markClosed(Date.now() + delay, reason);
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  private retryNow(): void {
    if (this.retryTimer === null) return;
    clearTimeout(this.retryTimer);
    this.retryMs = FIRST_RETRY_MS;
    this.open();
  }
}
