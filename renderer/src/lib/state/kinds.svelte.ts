import type { KindInfo } from '../../../../electron/api';
import { api } from '../api';

/** The computation kinds the engine offers; they change only with the engine, so one fetch per connection. */
export class KindsStore {
  list = $state.raw<KindInfo[]>([]);
  private pending: Promise<KindInfo[]> | null = null;

  load(): Promise<KindInfo[]> {
    this.pending ??= api.listKinds().then(
      (list) => (this.list = list),
      (error: unknown) => {
        this.pending = null; // let the next caller retry
        throw error;
      },
    );
    return this.pending;
  }

  /** Forget the cache (after a reconnection the server may run a newer engine). */
  invalidate(): void {
    this.pending = null;
  }

  get(kind: string): KindInfo | undefined {
    return this.list.find((k) => k.kind === kind);
  }

  title(kind: string): string {
    return this.get(kind)?.title ?? kind;
  }
}

export const kinds = new KindsStore();
