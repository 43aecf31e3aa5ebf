/** A binary min-heap of (due, key) pairs; the timer service keeps stale pairs and skips them on pop. */
export class MinHeap {
  private readonly items: { due: number; key: string }[] = [];

  get size(): number {
    return this.items.length;
  }

  push(due: number, key: string): void {
    const items = this.items;
    items.push({ due, key });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]!.due <= items[i]!.due) break;
      [items[parent], items[i]] = [items[i]!, items[parent]!];
      i = parent;
    }
  }

  peek(): { due: number; key: string } | undefined {
    return this.items[0];
  }

  pop(): { due: number; key: string } | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = i;
        if (l < items.length && items[l]!.due < items[smallest]!.due) smallest = l;
        if (r < items.length && items[r]!.due < items[smallest]!.due) smallest = r;
        if (smallest === i) break;
        [items[smallest], items[i]] = [items[i]!, items[smallest]!];
        i = smallest;
      }
    }
    return top;
  }

  clear(): void {
    this.items.length = 0;
  }
}
