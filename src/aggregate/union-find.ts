// Connected components over string names. The smaller name of two roots becomes the root of their union, so a
// component's root is its smallest member whatever order the unions came in: clusters stay deterministic.
export class UnionFind {
  private readonly parent = new Map<string, string>()

  find(x: string): string {
    let root = x
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!
    // Path compression: the next find of anything on the path is one step.
    for (let n = x; n !== root;) {
      const next = this.parent.get(n)!
      this.parent.set(n, root)
      n = next
    }
    return root
  }

  union(x: string, y: string): void {
    const a = this.find(x)
    const b = this.find(y)
    if (a < b) this.parent.set(b, a)
    else if (b < a) this.parent.set(a, b)
  }
}
