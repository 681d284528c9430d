import { ApiErrors } from '../common/errors/api-errors';
import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/decorators';
import { IdParam } from '../common/http/id-param';
import { Page, PageOf, PageQuery } from '../common/http/pagination';
import { CreateUserDto, UpdateUserDto, UserView } from './dto/auth.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a user with roles (admin)' })
  @ApiCreatedResponse({ type: UserView })
  @ApiErrors('EMAIL_TAKEN', 'NOT_FOUND')
  async create(@Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.view((await this.users.create(dto)).id);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Edit a user's name, phone, language, roles or caretaker buildings (admin)" })
  @ApiOkResponse({ type: UserView })
  update(@IdParam() id: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return this.users.update(id, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List users (admin)' })
  @ApiOkResponse({ type: PageOf(UserView) })
  list(@Query() page: PageQuery): Promise<Page<UserView>> {
    return this.users.list(page);
  }
}
