// Modelled on the login and product-search routes of a deliberately vulnerable shop (Sequelize raw queries).
import { type Request, type Response, type NextFunction } from 'express'
import * as models from '../models/index'
import { QueryTypes } from 'sequelize'
import { hashPassword } from '../lib/security'

export function login () {
  return (req: Request, res: Response, next: NextFunction) => {
    models.sequelize.query(`SELECT * FROM Users WHERE email = '${req.body.email || ''}' AND password = '${hashPassword(req.body.password || '')}' AND deletedAt IS NULL`, { model: models.User, plain: true }) // expect: sql-concatenation
      .then((user: any) => {
        if (user?.id) res.json({ token: 'issued' })
        else res.status(401).send('Invalid email or password.')
      }).catch(next)
  }
}

export function searchProducts () {
  return (req: Request, res: Response, next: NextFunction) => {
    let criteria: any = req.query.q === 'undefined' ? '' : req.query.q ?? ''
    criteria = (criteria.length <= 200) ? criteria : criteria.substring(0, 200)
    models.sequelize.query(`SELECT * FROM Products WHERE ((name LIKE '%${criteria}%' OR description LIKE '%${criteria}%') AND deletedAt IS NULL) ORDER BY name`) // expect: sql-concatenation
      .then(([products]: any) => res.json(products))
      .catch(next)
  }
}

export function searchProductsFixed () {
  return async (req: Request, res: Response) => {
    const criteria = String(req.query.q ?? '').slice(0, 200)
    const [products] = await models.sequelize.query( // clean
      'SELECT * FROM Products WHERE (name LIKE :term OR description LIKE :term) AND deletedAt IS NULL ORDER BY name',
      { replacements: { term: `%${criteria}%` } }
    )
    res.json(products)
  }
}

export function basketTotals () {
  return async (req: Request, res: Response) => {
    const basketId = Number(req.params.id)
    const rows = await models.sequelize.query(`SELECT SUM(price * quantity) AS total FROM BasketItems WHERE BasketId = ${basketId}`, { type: QueryTypes.SELECT }) // clean
    res.json(rows[0])
  }
}

export function reviewsForProduct () {
  return async (req: Request, res: Response) => {
    const id = req.params.id
    const reviews = await models.sequelize.query('SELECT * FROM Reviews WHERE product = ' + id, { type: QueryTypes.SELECT }) // expect: sql-concatenation
    res.json(reviews)
  }
}

export function schemaDump () {
  return async (_req: Request, res: Response) => {
    const [tables] = await models.sequelize.query('SELECT sql FROM sqlite_master') // clean
    res.json(tables)
  }
}

export function orderHistory () {
  return async (req: Request, res: Response) => {
    const email: string = req.body.email
    const query = 'SELECT * FROM Orders WHERE email = \'' + email + '\' ORDER BY createdAt DESC'
    const orders = await models.sequelize.query(query, { type: QueryTypes.SELECT }) // expect: sql-concatenation
    res.json(orders)
  }
}

export function couponLookup () {
  return async (req: Request, res: Response) => {
    const code = req.params.code
    const coupon = await models.sequelize.query('SELECT * FROM Coupons WHERE code = ?', { replacements: [code], type: QueryTypes.SELECT }) // clean
    res.json(coupon)
  }
}
