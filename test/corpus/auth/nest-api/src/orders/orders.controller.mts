import { Body, Controller, Delete, Get, Param, Post, UseGuards } from '@nestjs/common';
import { JwtAuthGuard } from '../auth/jwt-auth.guard.mjs';
import { RolesGuard } from '../auth/roles.guard.mjs';
import { OrdersService } from './orders.service.mjs';

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @UseGuards(JwtAuthGuard)
  @Get()
  findMine() {
    return this.orders.findMine();
  }

  @Get(':id') // expect: missing-auth
  findOne(@Param('id') id: string) {
    return this.orders.findOne(id);
  }

  @UseGuards(JwtAuthGuard, RolesGuard)
  @Post()
  create(@Body() dto: unknown) {
    return this.orders.create(dto);
  }

  @Delete(':id') // expect: missing-auth
  remove(@Param('id') id: string) {
    return this.orders.remove(id);
  }
}
