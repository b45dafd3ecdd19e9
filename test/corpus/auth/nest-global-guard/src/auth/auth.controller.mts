import { Body, Controller, Post } from '@nestjs/common';
import { Public } from './public.decorator.mjs';

@Controller('auth')
export class AuthController {
  @Public()
  @Post('sign-in')
  signIn(@Body() dto: unknown) {
    return dto;
  }
}
