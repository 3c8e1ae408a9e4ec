// Kysely over Cloudflare D1, typed against the few D1 methods it uses so the store stays free of runtime
// imports. D1 has no interactive transactions: atomic multi-statement writes go through `batch`.
import {
  CompiledQuery,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely'
import type { Db, Schema } from '../../store/schema.ts'

interface D1Result {
  results?: unknown[]
  meta?: { changes?: number; last_row_id?: number }
}
interface D1Statement {
  bind(...values: unknown[]): D1Statement
  all(): Promise<D1Result>
}
export interface D1Like {
  prepare(sql: string): D1Statement
  batch(statements: D1Statement[]): Promise<D1Result[]>
}

class D1Connection implements DatabaseConnection {
  constructor(private readonly d1: D1Like) {}

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    const res = await this.d1
      .prepare(q.sql)
      .bind(...q.parameters)
      .all()
    const changes = res.meta?.changes
    const lastId = res.meta?.last_row_id
    return {
      rows: (res.results ?? []) as R[],
      ...(changes !== undefined ? { numAffectedRows: BigInt(changes) } : {}),
      ...(lastId !== undefined && lastId !== null ? { insertId: BigInt(lastId) } : {}),
    }
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('D1 does not stream query results')
  }
}

class D1Driver implements Driver {
  constructor(private readonly d1: D1Like) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new D1Connection(this.d1)
  }
  async beginTransaction(): Promise<void> {
    throw new Error('D1 has no interactive transactions: use Db.batch for atomic writes')
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

export class D1Dialect implements Dialect {
  constructor(private readonly d1: D1Like) {}
  createAdapter() {
    return new SqliteAdapter()
  }
  createDriver() {
    return new D1Driver(this.d1)
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler()
  }
  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db)
  }
}

export function d1Db(d1: D1Like): Db {
  return {
    kysely: new Kysely<Schema>({ dialect: new D1Dialect(d1) }),
    async batch(queries: CompiledQuery[]) {
      if (!queries.length) return []
      const results = await d1.batch(queries.map((q) => d1.prepare(q.sql).bind(...q.parameters)))
      return results.map((r) => r.meta?.changes ?? 0)
    },
  }
}
