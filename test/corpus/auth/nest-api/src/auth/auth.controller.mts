import { Body, Controller, Post } from '@nestjs/common';
import { AuthService } from './auth.service.mjs';

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  login(@Body() dto: unknown) {
    return this.auth.login(dto);
  }

  @Post('register')
  register(@Body() dto: unknown) {
    return this.auth.register(dto);
  }
}
