export type ConnectionStatus = 'connecting' | 'open' | 'closed';

/**
 * The transport's health, shared by the status indicator and every view that loads data.
 * `generation` increases on each (re)connection after the first, so a view that reads it inside an
 * `$effect` refetches after a server restart without the client re-issuing calls on its own.
 */
export class ConnectionState {
  status = $state<ConnectionStatus>('connecting');
  generation = $state(0);
  /** When the next reconnection attempt happens (ms since epoch), for the "retrying in…" hint. */
  retryAt = $state<number | null>(null);
  lastError = $state<string | null>(null);

  private everOpened = false;

  markConnecting(): void {
    this.status = 'connecting';
    this.retryAt = null;
  }

  markOpen(): void {
    this.status = 'open';
    this.retryAt = null;
    this.lastError = null;
    if (this.everOpened) this.generation += 1;
    this.everOpened = true;
  }

  markClosed(retryAt: number | null, reason: string | null): void {
    this.status = 'closed';
    this.retryAt = retryAt;
    this.lastError = reason;
  }
}

export const connection = new ConnectionState();
