// Prisma raw queries: the tagged forms bind values, the *Unsafe forms take whatever text they are given.
import { PrismaClient, Prisma } from '@prisma/client'

const prisma = new PrismaClient()

export async function eventsFor(userId: string) {
  return prisma.$queryRaw`SELECT * FROM "Event" WHERE "userId" = ${userId}` // clean
}

export async function eventsForUnsafe(userId: string) {
  return prisma.$queryRawUnsafe(`SELECT * FROM "Event" WHERE "userId" = '${userId}'`) // expect: sql-concatenation
}

export async function eventsForUnsafeParams(userId: string) {
  return prisma.$queryRawUnsafe('SELECT * FROM "Event" WHERE "userId" = $1', userId) // clean
}

export async function deleteOld(table: string, days: number) {
  return prisma.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "createdAt" < now() - interval '${days} days'`) // expect: sql-concatenation
}

export async function countBy(kind: string) {
  const query = 'SELECT count(*) FROM "Event" WHERE kind = \'' + kind + "'"
  return prisma.$queryRawUnsafe(query) // expect: sql-concatenation
}

export async function countBySafe(kind: string) {
  const query = Prisma.sql`SELECT count(*) FROM "Event" WHERE kind = ${kind}`
  return prisma.$queryRaw(query) // clean
}

export async function orderedEvents(column: string) {
  return prisma.$queryRaw`SELECT * FROM "Event" ORDER BY ${Prisma.raw(`"${column}" DESC`)}` // expect: sql-concatenation
}

export async function legacyCall(name: string) {
  return prisma.$executeRaw(`UPDATE "Setting" SET value = 'on' WHERE name = '${name}'`) // expect: sql-concatenation
}

export async function tableExists() {
  const tables = ['Event', 'Setting', 'User']
  for (const table of tables) {
    await prisma.$queryRawUnsafe(`SELECT 1 FROM "${table}" LIMIT 1`) // clean
  }
}

export async function monthly(year: number) {
  return prisma.$queryRawUnsafe(`SELECT date_trunc('month', "createdAt") m, count(*) FROM "Event" WHERE extract(year from "createdAt") = ${year} GROUP BY m`) // clean
}
