/**
 * The rankings kept between requests, by profile, for one catalogue revision at a time:
 * a ranking keeps its catalogue alive (tens of MB for 10 000 offers), and a ranking of an
 * older revision is never asked for again, so a new revision drops them all. A ranking
 * being computed is shared by the requests that ask for it meanwhile; one that fails is
 * not kept, so the next request tries again. Past `capacity`, the oldest goes.
 */
export class RecentRankings<T> {
  private revision: string | null = null;
  private readonly entries = new Map<string, Promise<T>>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(revision: string, key: string, compute: () => Promise<T>): Promise<T> {
    if (revision !== this.revision) {
      this.entries.clear();
      this.revision = revision;
    }
    const known = this.entries.get(key);
    if (known) return known;
    const computing = compute();
    this.entries.set(key, computing);
    // A Map iterates in insertion order: the first key is the oldest.
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    computing.catch(() => {
      if (this.entries.get(key) === computing) this.entries.delete(key);
    });
    return computing;
  }
}
