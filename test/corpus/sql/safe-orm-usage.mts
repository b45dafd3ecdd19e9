// ORM code the way the documentation recommends it: every value bound, raw SQL only as tagged templates.
import { PrismaClient, Prisma } from '@prisma/client'
import { Op, Sequelize, QueryTypes } from 'sequelize'
import { DataSource, Like } from 'typeorm'
import knexFactory from 'knex'

const prisma = new PrismaClient()
const sequelize = new Sequelize(process.env.DATABASE_URL!)
const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL })
const knex = knexFactory({ client: 'pg' })

export async function prismaSearch(term: string, ids: number[]) {
  const a = await prisma.$queryRaw`SELECT * FROM "Post" WHERE title ILIKE ${'%' + term + '%'}` // clean
  const b = await prisma.$queryRaw`SELECT * FROM "Post" WHERE id IN (${Prisma.join(ids)})` // clean
  const where = term ? Prisma.sql`WHERE title ILIKE ${`%${term}%`}` : Prisma.empty
  const c = await prisma.$queryRaw`SELECT * FROM "Post" ${where}` // clean
  const d = await prisma.$executeRaw`UPDATE "Post" SET views = views + 1 WHERE id = ${ids[0]}` // clean
  return [a, b, c, d]
}

export async function sequelizeSearch(term: string, status: string) {
  const rows = await sequelize.query('SELECT * FROM posts WHERE title LIKE :term AND status = :status', { // clean
    replacements: { term: `%${term}%`, status },
    type: QueryTypes.SELECT,
  })
  const bound = await sequelize.query('SELECT * FROM posts WHERE id = $1', { bind: [status], type: QueryTypes.SELECT }) // clean
  const literal = Sequelize.literal('(SELECT COUNT(*) FROM comments WHERE comments.post_id = "Post"."id")') // clean
  const ops = { title: { [Op.like]: `%${term}%` } }
  return [rows, bound, literal, ops]
}

export async function typeormSearch(term: string, minViews: number) {
  const repo = dataSource.getRepository('Post')
  const byBuilder = await repo.createQueryBuilder('post')
    .where('post.title ILIKE :term', { term: `%${term}%` }) // clean
    .andWhere('post.views >= :minViews', { minViews }) // clean
    .orderBy('post.createdAt', 'DESC')
    .getMany()
  const byFind = await repo.find({ where: { title: Like(`%${term}%`) } })
  const byQuery = await dataSource.query('SELECT * FROM post WHERE views > $1', [minViews]) // clean
  return [byBuilder, byFind, byQuery]
}

export async function knexSearch(term: string, columns: string[]) {
  return knex('posts')
    .select(columns)
    .where('title', 'ilike', `%${term}%`) // clean
    .whereRaw('created_at > now() - interval \'30 days\'') // clean
    .orderByRaw('views DESC NULLS LAST') // clean
}

export async function counts(kind: 'daily' | 'weekly') {
  const unit = kind === 'daily' ? 'day' : 'week'
  return prisma.$queryRawUnsafe(`SELECT date_trunc('${unit}', "createdAt") AS bucket, count(*) FROM "Post" GROUP BY bucket`) // clean
}

export async function typedKind(kind: 'daily' | 'weekly') {
  return prisma.$queryRawUnsafe(`SELECT '${kind}' AS kind, count(*) FROM "Post"`) // clean
}
