/**
 * A bounded heap keeping the best `capacity` (points, index) entries seen: more
 * points first, then the smaller index (the caller chooses what the index means, and
 * so the tie order). The root is the worst kept entry, so "can anything still get
 * in?" is one comparison.
 */
export class TopK {
  readonly points: Int32Array;
  readonly index: Int32Array;
  size = 0;

  constructor(readonly capacity: number) {
    this.points = new Int32Array(capacity);
    this.index = new Int32Array(capacity);
  }

  reset(): void {
    this.size = 0;
  }

  get full(): boolean {
    return this.size === this.capacity;
  }

  /** The worst kept points; only meaningful when full. */
  get minPoints(): number {
    return this.points[0];
  }

  /** x is worse than y. */
  private worse(px: number, ix: number, py: number, iy: number): boolean {
    return px < py || (px === py && ix > iy);
  }

  offer(points: number, index: number): void {
    if (this.size < this.capacity) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(points, index, this.points[parent], this.index[parent])) break;
        this.points[i] = this.points[parent];
        this.index[i] = this.index[parent];
        i = parent;
      }
      this.points[i] = points;
      this.index[i] = index;
      return;
    }
    if (!this.worse(this.points[0], this.index[0], points, index)) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const c = r < this.size && this.worse(this.points[r], this.index[r], this.points[l], this.index[l]) ? r : l;
      if (!this.worse(this.points[c], this.index[c], points, index)) break;
      this.points[i] = this.points[c];
      this.index[i] = this.index[c];
      i = c;
    }
    this.points[i] = points;
    this.index[i] = index;
  }
}
