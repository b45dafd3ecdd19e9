import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';

@Controller('accounts')
export class AccountsController {
  @Get(':id')
  findOne(@Param('id') id: string) {
    return { id };
  }

  @Put(':id')
  update(@Param('id') id: string, @Body() dto: unknown) {
    return dto;
  }

  @Delete(':id')
  remove(@Param('id') id: string) {
    return { id };
  }
}
