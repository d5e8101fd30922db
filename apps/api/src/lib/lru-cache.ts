/*
 * Answers kept in memory (drawn charts, public reads), so an answer costs its first requester only. Callers key by
 * everything the answer is made from, the dataset version first: a write makes a new version and so new keys,
 * and an older answer is never served for it (it ages out). Bounded in entries and in bytes, least recently used
 * out first. Callers asking for an answer while it is being computed wait for that computation rather than
 * starting another.
 */

export interface LruCacheOptions {
  /** 64 MiB by default. */
  maxBytes?: number | undefined;
  /** 256 by default. */
  maxEntries?: number | undefined;
}

export class LruCache<V> {
  readonly maxBytes: number;
  readonly maxEntries: number;
  /** In use order: the first is the least recently used. */
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private readonly drawing = new Map<string, Promise<V>>();
  private bytes = 0;

  constructor({ maxBytes, maxEntries }: LruCacheOptions = {}) {
    this.maxBytes = maxBytes ?? 64 * 1024 * 1024;
    this.maxEntries = maxEntries ?? 256;
  }

  /**
   * The value of `key`: kept, being computed for another caller, or computed now by `compute` (which gives the
   * value and its size in bytes). A failure is not kept: the next caller computes again.
   */
  async get(key: string, compute: () => Promise<{ value: V; bytes: number }>): Promise<V> {
    const kept = this.peek(key);
    if (kept !== undefined) return kept;
    const pending = this.drawing.get(key);
    if (pending) return pending;
    const computing = compute().then(({ value, bytes }) => {
      this.keep(key, value, bytes);
      return value;
    });
    this.drawing.set(key, computing);
    try {
      return await computing;
    } finally {
      this.drawing.delete(key);
    }
  }

  /** The value kept for `key`, if any (now the most recently used). */
  peek(key: string): V | undefined {
    const kept = this.entries.get(key);
    if (!kept) return undefined;
    this.entries.delete(key);
    this.entries.set(key, kept);
    return kept.value;
  }

  /** The computation of `key` in progress for another caller, if any. */
  pending(key: string): Promise<V> | undefined {
    return this.drawing.get(key);
  }

  /** How many answers are kept, and their bytes. */
  stats() {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private keep(key: string, value: V, bytes: number) {
    // An answer larger than the whole cache is served, not kept.
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { value, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes && this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }
}
