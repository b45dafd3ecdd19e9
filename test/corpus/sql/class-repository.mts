// A hand-written repository class over a connection it receives (driver unknown to this file).
import type { Db } from './db'

type Filters = { status?: string; q?: string; tags?: string[]; from?: string }

export class OrderRepository {
  constructor(private readonly db: Db, private readonly table = 'orders') {}

  async byId(id: string) {
    return this.db.query(`SELECT * FROM orders WHERE id = '${id}'`) // expect: sql-concatenation
  }

  async byIdSafe(id: string) {
    return this.db.query('SELECT * FROM orders WHERE id = ?', [id]) // clean
  }

  async filter(filters: Filters) {
    let sql = 'SELECT * FROM orders WHERE 1=1'
    if (filters.status) sql += ` AND status = '${filters.status}'`
    if (filters.from) sql += ' AND created_at >= ' + "'" + filters.from + "'"
    for (const tag of filters.tags ?? []) {
      sql += ` AND tags LIKE '%${tag}%'`
    }
    return this.db.query(sql) // expect: sql-concatenation
  }

  async filterSafe(filters: Filters) {
    const clauses: string[] = []
    const params: unknown[] = []
    if (filters.status) { clauses.push('status = ?'); params.push(filters.status) }
    if (filters.q) { clauses.push('(title LIKE ? OR notes LIKE ?)'); params.push(`%${filters.q}%`, `%${filters.q}%`) }
    const where = clauses.length > 0 ? ' WHERE ' + clauses.join(' AND ') : ''
    return this.db.query('SELECT * FROM orders' + where, params) // clean
  }

  async count(status?: string) {
    const where = status ? `WHERE status = '${status}'` : ''
    return this.db?.query(`SELECT count(*) FROM orders ${where}`) // expect: sql-concatenation
  }

  async fromTable(id: number) {
    return this.db.query(`SELECT * FROM ${this.table} WHERE id = ${id}`) // expect: sql-concatenation
  }

  async typed<T>(email: string) {
    const rows = await this.db.query<T[]>(`SELECT * FROM customers WHERE email = '${email as string}'`) // expect: sql-concatenation
    return rows
  }

  async archive(ids: number[]) {
    return this.db.execute(`UPDATE orders SET archived = 1 WHERE id IN (${ids.map(Number).join(',')})`) // clean
  }

  async archiveUnsafe(ids: string[]) {
    const list = ids.map((id) => `'${id}'`).join(',')
    return this.db.execute(`UPDATE orders SET archived = 1 WHERE id IN (${list})`) // expect: sql-concatenation
  }

  async notes(orderId: string, limit: number) {
    const sql = 'SELECT * FROM notes WHERE order_id = ? ORDER BY created_at DESC LIMIT ' + limit
    return this.db.query(sql, [orderId]) // clean
  }
}
