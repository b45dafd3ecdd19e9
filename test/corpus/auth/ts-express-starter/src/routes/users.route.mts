import { Router } from 'express';
import { UserController } from '../controllers/users.controller.mjs';
import { ValidationMiddleware } from '../middlewares/validation.middleware.mjs';
import { CreateUserDto, UpdateUserDto } from '../dtos/users.dto.mjs';

export class UserRoute {
  public path = '/users';
  public router = Router();
  public user = new UserController();

  constructor() {
    this.initializeRoutes();
  }

  private initializeRoutes() {
    this.router.get(`${this.path}`, this.user.getUsers); // expect: missing-auth
    this.router.get(`${this.path}/:id(\\d+)`, this.user.getUserById); // expect: missing-auth
    this.router.post(`${this.path}`, ValidationMiddleware(CreateUserDto), this.user.createUser); // expect: missing-auth
    this.router.put(`${this.path}/:id(\\d+)`, ValidationMiddleware(UpdateUserDto, true), this.user.updateUser); // expect: missing-auth
    this.router.delete(`${this.path}/:id(\\d+)`, this.user.deleteUser); // expect: missing-auth
  }
}
