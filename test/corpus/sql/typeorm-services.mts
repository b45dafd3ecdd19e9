// NestJS-style services on TypeORM: query builders with and without parameters, raw manager queries.
import { Injectable } from '@nestjs/common'
import { InjectRepository } from '@nestjs/typeorm'
import { DataSource, Repository, Brackets } from 'typeorm'
import { User } from './user.entity'

@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>, private readonly dataSource: DataSource) {}

  findByName(name: string) {
    return this.users.createQueryBuilder('user').where('user.name = :name', { name }).getOne() // clean
  }

  findByNameUnsafe(name: string) {
    return this.users.createQueryBuilder('user').where("user.name = '" + name + "'").getOne() // expect: sql-concatenation
  }

  search(term: string, minAge: string) {
    return this.users
      .createQueryBuilder('user')
      .where('user.active = :active', { active: true }) // clean
      .andWhere(`user.bio ILIKE '%${term}%'`) // expect: sql-concatenation
      .orWhere(`user.age > ${minAge}`) // expect: sql-concatenation
      .getMany()
  }

  searchSafe(term: string, minAge: number) {
    return this.users
      .createQueryBuilder('user')
      .where('user.bio ILIKE :term', { term: `%${term}%` }) // clean
      .andWhere(`user.age > ${minAge}`) // clean
      .andWhere(new Brackets((qb) => { qb.where('user.role = :role', { role: 'member' }) })) // clean
      .getMany()
  }

  async stats(teamId: string) {
    return this.dataSource.query(`SELECT role, count(*) FROM "user" WHERE team_id = '${teamId}' GROUP BY role`) // expect: sql-concatenation
  }

  async statsSafe(teamId: string) {
    return this.dataSource.query('SELECT role, count(*) FROM "user" WHERE team_id = $1 GROUP BY role', [teamId]) // clean
  }

  async purge(days: string) {
    const runner = this.dataSource.createQueryRunner()
    await runner.query('DELETE FROM sessions WHERE created_at < now() - interval \'' + days + ' days\'') // expect: sql-concatenation
    await runner.release()
  }

  async rename(id: number, name: string) {
    await this.dataSource.manager.query('UPDATE "user" SET name = $1 WHERE id = $2', [name, id]) // clean
  }

  havingMany(min: string) {
    return this.users.createQueryBuilder('user').select('user.team_id').groupBy('user.team_id').having('count(*) > ' + min).getRawMany() // expect: sql-concatenation
  }
}
