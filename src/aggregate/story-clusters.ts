// Stories, not copies: the articles of one pair-day whose evidence sentences are near-duplicates (MinHash over
// word shingles) are one story, however many outlets carried it. The clusters are connected components, so they
// are the same whatever order the articles come in, and each is named after its smallest sentence.
import { bandKeys, hashHex, minhash, normalText, similarity } from './minhash.ts'
import { UnionFind } from './union-find.ts'

/** Estimated shingle overlap from which two sentences are copies of one another. */
export const COPY_SIMILARITY = 0.5
/** Up to this many distinct sentences every pair is compared; beyond, only those that share a MinHash band. */
const COMPARE_ALL = 300
const BAND_ROWS = 2

export interface StoryDoc {
  key: string
  sentences: string[]
}

export interface Stories {
  /** each article's story id */
  storyOf: Map<string, string>
  /** each sentence's copy group: sentences in one group are copies of each other */
  groupOf: (sentence: string) => string
}

/** Groups sentences into copies of each other; answers each normal form's group root. */
function copyGroups(normals: string[]): UnionFind {
  const uf = new UnionFind()
  const sigs = normals.map((n) => minhash(n))
  const link = (i: number, j: number) => {
    if (similarity(sigs[i]!, sigs[j]!) >= COPY_SIMILARITY) uf.union(normals[i]!, normals[j]!)
  }
  if (normals.length <= COMPARE_ALL) {
    for (let i = 0; i < normals.length; i++) for (let j = i + 1; j < normals.length; j++) link(i, j)
    return uf
  }
  const buckets = new Map<string, number[]>()
  sigs.forEach((sig, i) => {
    for (const k of bandKeys(sig, BAND_ROWS)) buckets.set(k, [...(buckets.get(k) ?? []), i])
  })
  const seen = new Set<number>()
  for (const list of buckets.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const [i, j] = [list[x]!, list[y]!]
        const id = i * normals.length + j
        if (seen.has(id)) continue
        seen.add(id)
        link(i, j)
      }
    }
  }
  return uf
}

export function clusterStories(docs: StoryDoc[]): Stories {
  const normals = [...new Set(docs.flatMap((d) => d.sentences.map(normalText)))].sort()
  const groups = copyGroups(normals)
  const docs_ = new UnionFind()
  for (const d of docs) {
    docs_.find(`d:${d.key}`)
    // An article joins the story of each copy group its sentences belong to.
    for (const s of d.sentences) docs_.union(`d:${d.key}`, `g:${groups.find(normalText(s))}`)
  }
  // Name each story after the smallest sentence it contains: stable across runs and input orders.
  const smallest = new Map<string, string>()
  for (const n of normals) {
    const root = docs_.find(`g:${groups.find(n)}`)
    const cur = smallest.get(root)
    if (cur === undefined || n < cur) smallest.set(root, n)
  }
  const storyOf = new Map<string, string>()
  for (const d of docs) storyOf.set(d.key, `story-${hashHex(smallest.get(docs_.find(`d:${d.key}`)) ?? d.key)}`)
  return { storyOf, groupOf: (sentence) => groups.find(normalText(sentence)) }
}
